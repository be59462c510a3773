// return at the top of a cell ends it; its value becomes the cell's value.
debug.log { value = "one" } // expect: one
conditional {
  if (true) {
    return {
      value = {done: true}
    }
  }
}
debug.log { value = "two" }
// expect value: {"done":true}
