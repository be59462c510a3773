// debug.log prints text as is and every other value as compact JSON.
debug.log { value = "plain text, \"quoted\"" } // expect: plain text, "quoted"
debug.log { value = 42 } // expect: 42
debug.log { value = 2.5 } // expect: 2.5
debug.log { value = 2.0 } // expect: 2.0
debug.log { value = null } // expect: null
debug.log { value = false } // expect: false
debug.log { value = {b: 1, a: [true, null, "é"]} } // expect: {"b":1,"a":[true,null,"é"]}
debug.log { value = now > 1700000000000 } // expect: true
