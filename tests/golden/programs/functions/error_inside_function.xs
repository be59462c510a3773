// An error inside a function defined in an earlier cell points into that cell.
function "divide" {
  input {
    int a
    int b
  }
  stack {
    var $q { value = $input.a / $input.b }
  }
  response = $q
}
// cell
function.run "divide" { input = {a: 6, b: 3} } as $ok
debug.log { value = $ok } // expect: 2
function.run "divide" { input = {a: 1, b: 0} } as $bad
// expect error: standard at 8:22: division by zero
