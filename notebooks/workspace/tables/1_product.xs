// Products of the tutorial's small catalogue.
table product {
  auth = false

  schema {
    int id
    timestamp created_at?=now
    text name filters=trim
    text category
    decimal price?=0
  }

  index = [
    {type: "primary", field: [{name: "id"}]}
    {type: "gin", field: [{name: "xdo", op: "jsonb_path_op"}]}
    {type: "btree", field: [{name: "category", op: "asc"}]}
  ]
}
