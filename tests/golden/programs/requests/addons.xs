// An addon runs once per record of a db.query or db.get, with $output bound to it.
table "addon_post" {
  schema {
    int id
    text title
  }
}
table "addon_comment" {
  schema {
    int id
    int post_id
  }
}
addon comments_of {
  input {
    int post_id
  }
  stack {
    db.query addon_comment {
      where = $db.addon_comment.post_id == $input.post_id
      return = {type: "count"}
    }
  }
}
// cell
db.add addon_post { data = {title: "a"} } as $a
db.add addon_post { data = {title: "b"} }
db.add addon_comment { data = {post_id: $a.id} }
db.query addon_post {
  return = {type: "list", paging: {page: 1, per_page: 10}}
  addon = [{name: "comments_of", input: {post_id: $output.id}, as: "items.comments"}]
} as $page
debug.log { value = $page.items|map:$$.comments } // expect: [1,0]
db.get addon_post {
  field_value = $a.id
  addon = [{name: "comments_of", input: {post_id: $output.id}, as: "comments"}]
} as $one
debug.log { value = $one.comments } // expect: 1
db.get addon_post {
  field_value = $a.id
  addon = [{name: "nope", input: {}, as: "x"}]
} as $bad // expect error: notfound at 14:1: no addon 'nope'
