// `if` on its own is not a statement: branches live inside `conditional`.
var $ready { value = true }
if ($ready) {
  debug.log { value = "go" }
}
// expect error: syntaxerror at 3:1: unknown statement `if`
