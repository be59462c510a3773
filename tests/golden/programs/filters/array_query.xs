// Array aggregates, filters of empty values, sorting and grouping.
var $n { value = [3, 9, 4, 6] }
debug.log { value = [$n|sum, $n|product, $n|avg, $n|array_min, $n|array_max] } // expect: [22,648,5.5,3,9]
debug.log { value = [[]|sum, []|product, []|avg] } // expect: [0,1,null]
debug.log { value = [0, "", null, "x", [], {}, false, 7]|filter_empty } // expect: ["x",7]
debug.log { value = ["a", "", "b"]|filter_empty_text } // expect: ["a","b"]
debug.log { value = [[], [1], []]|filter_empty_array } // expect: [[1]]
debug.log { value = [{}, {k: 1}]|filter_empty_object } // expect: [{"k":1}]
debug.log { value = [1, null, 2]|filter_null } // expect: [1,2]
debug.log { value = [0, 5, 0.0]|filter_zero } // expect: [5]
debug.log { value = [true, false, 0]|filter_false } // expect: [true,0]
var $people { value = [{n: "cy", age: 30}, {n: "Al", age: 25}, {n: "bo", age: 35}] }
debug.log { value = $people|sort:"age":"number":true|map:$$.n } // expect: ["bo","cy","Al"]
debug.log { value = $people|sort:"n":"itext":false|map:$$.n } // expect: ["Al","bo","cy"]
debug.log { value = ["item10", "item9", "item1"]|sort:"":"natural":false } // expect: ["item1","item9","item10"]
debug.log { value = [{k: "x", v: 1}, {k: "y", v: 2}, {k: "x", v: 3}]|index_by:"k" }
// expect: {"x":[{"k":"x","v":1},{"k":"x","v":3}],"y":[{"k":"y","v":2}]}
