// An uncaught throw stops the program: type standard, message = its value.
debug.log { value = "before" } // expect: before
throw {
  name = "ValidationError"
  value = "age must be positive"
}
debug.log { value = "after" }
// expect error: standard at 3:1: age must be positive
