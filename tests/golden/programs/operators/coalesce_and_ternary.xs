// ?? replaces only null; ?: evaluates only the side it picks.
var $zero { value = 0 }
debug.log { value = [$zero ?? 10, null ?? 10, $missing.deep ?? "dflt", "" ?? "x"] }
// expect warning: `$missing` is not defined
// expect: [0,10,"dflt",""]
debug.log { value = $zero > 0 ? "positive" : "not positive" } // expect: not positive
debug.log { value = true ? "yes" : 1 / 0 } // expect: yes
debug.log { value = null ?? 1 + 1 } // expect: 2
