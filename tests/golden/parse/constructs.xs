// expect-kinds: Construct Construct Construct Construct Construct Construct Construct
table "customer" {
  auth = false
  schema {
    int id
    text name filters=trim
    email? email {
      sensitive = true
    }
    enum tier?="basic" {
      values = ["basic", "gold"]
    }
    timestamp created_at?=now
  }
  index = [
    {type: "primary", field: [{name: "id"}]}
    {type: "btree|unique", field: [{name: "email", op: "asc"}]}
  ]
}
task "daily_digest" {
  active = false
  stack {
    db.query "customer" { where = $db.customer.tier == "gold" } as $gold
    !debug.log { value = $gold|count }
  }
  schedule = [{starts_on: 2025-01-01 06:00:00+0000, freq: 86400}]
}
middleware "audit" {
  input {
    json vars
    enum type { values = ["pre", "post"] }
  }
  stack {
    debug.log { value = $input.type }
  }
  response = $input.vars
}
tool "find_customer" {
  instructions = "Look a customer up by email"
  input {
    email email
  }
  stack {
    db.get "customer" { field_name = "email" field_value = $input.email } as $c
  }
  response = $c
}
addon "customer_orders" {
  input {
    int customer_id
  }
  stack {
    db.query "order" { where = $db.order.customer_id == $input.customer_id } as $orders
  }
}
workflow_test "signup flow" {
  stack {
    function.call "geometry/area" { input = { width: 2, height: 2 } } as $a
    expect.to_equal ($a) { value = 4 }
  }
}
run.job "nightly" {
  main = { name: "daily_digest", input: {} }
}
