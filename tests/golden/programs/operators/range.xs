// a..b is an inclusive range of ints; it counts down when a > b.
debug.log { value = 1..5 } // expect: [1,2,3,4,5]
debug.log { value = (3..0) } // expect: [3,2,1,0]
var $n { value = 3 }
debug.log { value = ((0..$n - 1)|count) } // expect: 3
debug.log { value = 1..20000000 }
// expect error: standard at 6:21: range 1..20000000 has 20000000 elements; the limit is 10,000,000
