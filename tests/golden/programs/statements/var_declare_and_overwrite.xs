// `var` declares a variable; declaring it again overwrites it.
var $greeting { value = "hello" }
debug.log { value = $greeting } // expect: hello
var $greeting { value = 42 }
debug.log { value = $greeting } // expect: 42
var $list { value = [1, "two", null, true, {k: 2.5}] }
debug.log { value = $list } // expect: [1,"two",null,true,{"k":2.5}]
var $size { value = $list|count }
// expect value: 5
