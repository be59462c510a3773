// Adds a product and answers it with its gross price.
query products verb=POST {
  api_group = "catalog"

  input {
    text name
    text category
    decimal price
  }

  stack {
    db.add product {
      data = {name: $input.name, category: $input.category, price: $input.price}
    } as $product

    function.run "catalog/gross_price" {
      input = {net: $product.price}
    } as $gross
  }

  response = {id: $product.id, name: $product.name, gross: $gross}
}
