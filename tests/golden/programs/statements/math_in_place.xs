// math.* statements change the variable in place, with the rules of + - * / %.
var $n { value = 10 }
math.add $n { value = 5 }
debug.log { value = $n } // expect: 15
math.sub $n { value = 20 }
debug.log { value = $n } // expect: -5
math.mul $n { value = -3 }
debug.log { value = $n } // expect: 15
math.div $n { value = 2 }
debug.log { value = $n } // expect: 7.5
math.div $n { value = 2.5 }
debug.log { value = $n } // expect: 3.0
var $m { value = 17 }
math.mod $m { value = 5 }
debug.log { value = $m } // expect: 2
var $flags { value = 12 }
math.bitwise.and $flags { value = 10 }
debug.log { value = $flags } // expect: 8
math.bitwise.or $flags { value = 3 }
debug.log { value = $flags } // expect: 11
math.bitwise.xor $flags { value = 1 }
debug.log { value = $flags } // expect: 10
var $box { value = {count: 1} }
math.add $box.count { value = 1 }
debug.log { value = $box } // expect: {"count":2}
math.div $m { value = 0 }
// expect error: standard at 26:1: division by zero
