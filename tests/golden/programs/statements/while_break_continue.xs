// while repeats while truthy; continue skips the rest of the body; break leaves the loop.
var $n { value = 0 }
while (true) {
  each {
    math.add $n { value = 1 }
    conditional {
      if ($n % 2 == 0) {
        continue
      }
    }
    conditional {
      if ($n > 7) {
        break
      }
    }
    debug.log { value = $n }
  }
}
// expect: 1
// expect: 3
// expect: 5
// expect: 7
debug.log { value = $n } // expect: 9
foreach ([1, 2, 3]) {
  each as $outer {
    for (5) {
      each as $inner {
        conditional {
          if ($inner == 1) {
            break
          }
        }
        debug.log { value = $outer ~ "." ~ $inner }
      }
    }
  }
}
// expect: 1.0
// expect: 2.0
// expect: 3.0
