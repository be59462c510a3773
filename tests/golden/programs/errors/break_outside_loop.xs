// break and continue are only allowed inside loops.
conditional {
  if (true) {
    continue
  }
}
// expect error: syntaxerror at 4:5: `continue` is only allowed inside a loop
