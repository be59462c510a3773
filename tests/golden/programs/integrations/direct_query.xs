// db.direct_query runs SQL on the session's database; `?` arguments are bound.
table "book" {
  schema {
    int id
    text title
    int pages
  }
}
db.add book { data = {title: "Dune", pages: 412} }
db.add book { data = {title: "Emma", pages: 474} }
db.direct_query {
  sql = "SELECT title FROM book WHERE pages > ? ORDER BY id"
  arg = [400]
} as $long
db.direct_query {
  sql = "SELECT title, pages FROM book WHERE title = ?"
  arg = "Emma"
  response_type = "single"
} as $emma
debug.log { value = $long }
debug.log { value = $emma }
db.direct_query { sql = "SELECT titel FROM book" } as $typo
// expect: [{"title":"Dune"},{"title":"Emma"}]
// expect: {"title":"Emma","pages":474}
// expect error: standard at 22:1: db.direct_query: SQL error: no such column: titel
