// && || ! give booleans and skip the right side when the left decides.
debug.log { value = [0 || 1, 1 && "", "x" && [1], !0, !"0", ![]] }
// expect: [true,false,true,true,true,true]
debug.log { value = false && (1 / 0) } // expect: false
debug.log { value = true || (1 / 0) } // expect: true
