// group runs its stack in place: variables set inside are visible after it.
group {
  description = "setup"
  stack {
    var $total { value = 10 }
    var $count { value = 4 }
  }
}
debug.log { value = $total / $count } // expect: 2.5
