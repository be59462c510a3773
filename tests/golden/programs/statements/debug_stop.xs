// debug.stop halts everything and shows its value, even inside try_catch.
debug.log { value = "start" } // expect: start
try_catch {
  try {
    debug.stop { value = {halted: "here"} }
  }
  catch {
    debug.log { value = "not caught" }
  }
}
debug.log { value = "never" }
// expect value: {"halted":"here"}
