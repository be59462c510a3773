// `/` is exact for ints when it can be; `%` keeps the sign of the left side.
debug.log { value = [10 / 2, 10 / 4, 9 / 3.0, -9 / 2] } // expect: [5,2.5,3.0,-4.5]
debug.log { value = [10 % 3, -10 % 3, 10 % -3, 7.5 % 2] } // expect: [1,-1,1,1.5]
try_catch {
  try {
    var $x { value = 5 % 0 }
  }
  catch {
    debug.log { value = $error.message } // expect: modulo by zero
  }
}
debug.log { value = 1 / 0.0 }
// expect error: standard at 12:21: division by zero
