// expect-kinds: Construct Construct
query "orders/{order_id}" verb=GET {
  api_group = "shop"
  auth = "user"
  input {
    int order_id
    text[] fields?
  }
  stack {
    db.get "order" {
      field_name = "id"
      field_value = $input.order_id
    } as $order
    precondition ($order != null) { error_type = "notfound" error = "no such order" }
    precondition ($order.user_id == $auth.id) {
      error_type = "accessdenied"
      error = "not your order"
    }
    db.query "order_line" {
      where = $db.order_line.order_id == $order.id && $db.order_line.sku not in ["GIFT"] && $db.order_line.note ilike? $input.fields
      sort = { created_at: "desc" }
      return = { type: "list", paging: { page: 1, per_page: 50 } }
    } as $lines
  }
  response = { order: $order, lines: $lines, !internal: $order.secret }
}
query "orders" verb=POST {
  api_group = "shop"
  input {
    object order {
      schema {
        text sku filters=trim|upper
        int qty?=1 filters=min:1
      }
    }
  }
  stack {
    db.add "order" {
      data = { sku: $input.order.sku, qty: $input.order.qty, created_at: now }
    } as $created
    api.request {
      url = "https://hooks.example.test/new-order"
      method = "POST"
      params = { id: $created.id }
      headers = ["Content-Type: application/json", "X-Key: " ~ $env.HOOK_KEY]
      timeout = 10
    } as $hook
  }
  response = $created
}
