// for (n) binds 0 .. n-1; the variable keeps its last value after the loop.
var $seen { value = [] }
for (3) {
  each as $i {
    array.push $seen { value = $i }
  }
}
debug.log { value = $seen } // expect: [0,1,2]
debug.log { value = $i } // expect: 2
for (0) {
  each as $j {
    debug.log { value = "never" }
  }
}
for ("2") {
  each as $k {
    debug.log { value = "k" ~ $k }
  }
}
// expect: k0
// expect: k1
