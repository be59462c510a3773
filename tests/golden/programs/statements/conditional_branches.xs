// The first branch whose condition is truthy runs; a var set in a branch stays visible.
for (4) {
  each as $n {
    conditional {
      if ($n == 0) {
        var $label { value = "zero" }
      }
      elseif ($n == 1) {
        var $label { value = "one" }
      }
      elseif ($n < 3) {
        var $label { value = "few" }
      }
      else {
        var $label { value = "many" }
      }
    }
    debug.log { value = $label }
  }
}
// expect: zero
// expect: one
// expect: few
// expect: many
conditional {
  if ("0") {
    debug.log { value = "text zero is truthy" }
  }
}
debug.log { value = "after" } // expect: after
