// precondition passes silently when true; the default error type is standard.
precondition (1 < 2) {
  error = "never"
}
debug.log { value = "passed" } // expect: passed
precondition ([]) {
  error = "the list is empty"
}
// expect error: standard at 6:1: the list is empty
