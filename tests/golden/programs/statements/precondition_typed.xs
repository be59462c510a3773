// error_type picks the error's type.
var $user { value = null }
precondition ($user != null) {
  error_type = "accessdenied"
  error = "Sign in first"
}
// expect error: accessdenied at 3:1: Sign in first
