// A function runs in its own scope; `return` gives its value early.
var $outside { value = "caller" }
function "classify" {
  input {
    int n
  }
  stack {
    conditional {
      if ($input.n < 0) {
        return { value = "negative" }
      }
    }
    var $outside { value = "callee" }
  }
  response = $input.n == 0 ? "zero" : "positive"
}
function.run "classify" { input = {n: -4} } as $a
function.run "classify" { input = {n: 0} } as $b
function.run "classify" { input = {n: 9} } as $c
debug.log { value = [$a, $b, $c, $outside] } // expect: ["negative","zero","positive","caller"]
