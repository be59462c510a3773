// expect-kinds: VarDecl VarDecl VarUpdate VarUpdate VarDecl VarDecl ExprStmt ExprStmt
// Variables, updates through paths, operators and filters.
var $price { value = 19.99 }
var $cart {
  value = {
    items: [
      { sku: "A-1", qty: 2, price: 4.5 },
      { sku: "B-7", qty: 1, price: -1.25 }
    ]
    "coupon code": null
    shipping.method: "ground"
  }
}
var.update $cart.items[0].qty { value = $cart.items[0].qty + 1 }
var.update $var.price { value = $price * 2 - 1 % 3 }
var $label {
  value = "Total: " ~ ($cart.items|count) ~ " items"   // concat binds like +
}
var $names {
  value = $cart.items
    |map:$$.sku
    |filter:$$ != "B-7"
    |join:", "
}
$label
$cart.items|first
