// expect-kinds: Statement Statement Statement Statement Statement Statement Statement Statement Statement
group {
  description = "set things up"
  stack {
    var $list { value = [3, 1, 2] }
  }
}
array.push $list { value = 4 }
array.pop $list as $last
array.filter ($list) if ($this > 1) as $big
array.map ($list) { by = $this * 10 } as $tens
text.append $greeting { value = "!" }
util.get_env as $env_vars
db.transaction {
  stack {
    db.edit "customer" { field_name = "id", field_value = 1, data = { tier: "gold" } }
  }
}
return { value = $tens }
