// A `password` input reaches the function as typed: only a table column stores a hash.
function "login" {
  input {
    email user filters=trim|lower
    password secret
  }
  stack {
  }
  response = $input
}
function.run "login" { input = {user: " Ann@Example.com ", secret: "hunter22"} } as $seen
debug.log { value = $seen.user } // expect: ann@example.com
debug.log { value = $seen.secret } // expect: hunter22
