// Arrays and objects are values: assigning one makes a private copy.
var $a { value = {items: [1, 2]} }
var $b { value = $a }
var.update $b.items[0] { value = 99 }
array.push $a.items { value = 3 }
debug.log { value = $a } // expect: {"items":[1,2,3]}
debug.log { value = $b } // expect: {"items":[99,2]}
var $rows { value = [{n: 1}, {n: 2}] }
foreach ($rows) {
  each as $row {
    var.update $row.n { value = 0 }
  }
}
debug.log { value = $rows } // expect: [{"n":1},{"n":2}]
