// Lists the products of one category, cheapest first, with a plain SQL query.
query products verb=GET {
  api_group = "catalog"

  input {
    text category
  }

  stack {
    db.direct_query {
      sql = "SELECT name, price FROM product WHERE category = ? ORDER BY price"
      arg = [$input.category]
    } as $rows
  }

  response = $rows
}
