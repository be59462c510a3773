// Object filters.
var $o { value = {name: "Ada", role: {title: "eng", level: 3}} }
debug.log { value = [$o|get:"name", $o|get:"role.level", $o|get:"missing":"dflt"] } // expect: ["Ada",3,"dflt"]
debug.log { value = [$o|has:"role.title", $o|has:"role.x"] } // expect: [true,false]
debug.log { value = $o|set:"role.level":4|get:"role" } // expect: {"title":"eng","level":4}
debug.log { value = $o|unset:"role"|keys } // expect: ["name"]
debug.log { value = [$o|keys, {a: 1, b: 2}|values] } // expect: [["name","role"],[1,2]]
debug.log { value = {p: 1}|entries } // expect: [{"key":"p","value":1}]
debug.log { value = {a: 1, b: 2, c: 3}|pick:["c", "a"] } // expect: {"a":1,"c":3}
debug.log { value = {a: 1, b: 2, c: 3}|unpick:["a"] } // expect: {"b":2,"c":3}
debug.log { value = [{a: 1}|set_conditional:"b":2:false, {a: 1}|set_conditional:"b":2:$$.a == 1] } // expect: [{"a":1},{"a":1,"b":2}]
debug.log { value = [{}|set_ifnotempty:"k":0, {}|set_ifnotempty:"k":"v"] } // expect: [{},{"k":"v"}]
debug.log { value = [{}|set_ifnotnull:"k":null, {}|set_ifnotnull:"k":0] } // expect: [{},{"k":0}]
debug.log { value = ["x", "y"]|create_object:[true, false] } // expect: {"x":true,"y":false}
debug.log { value = [{key: "k", value: [1]}]|create_object_from_entries } // expect: {"k":[1]}
debug.log { value = 0|fill_keys:["p", "q"] } // expect: {"p":0,"q":0}
