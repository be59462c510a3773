// Calling a function that was never defined is a notfound error with a suggestion.
function "compute_total" {
  input {
  }
  stack {
  }
  response = 1
}
function.run "compute_totl" as $t
// expect error: notfound at 9:1: function `compute_totl` is not defined
