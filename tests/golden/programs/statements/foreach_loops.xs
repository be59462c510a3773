// foreach walks arrays; objects give their values; null gives nothing.
var $sum { value = 0 }
foreach ([3, 4, 5]) {
  each as $n {
    math.add $sum { value = $n }
  }
}
debug.log { value = $sum } // expect: 12
foreach ({first: "a", second: "b"}) {
  each as $v {
    debug.log { value = $v }
  }
}
// expect: a
// expect: b
foreach (null) {
  each as $never {
    debug.log { value = "not printed" }
  }
}
var $count { value = 0 }
foreach ([1, 2, 3]) {
  each {
    math.add $count { value = 1 }
  }
}
debug.log { value = $count } // expect: 3
foreach ("text") {
  each as $c {
    debug.log { value = $c }
  }
}
// expect error: inputerror at 28:10: foreach needs an array, got text
