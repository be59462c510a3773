// array.push/unshift/merge change the variable; pop/shift remove and return an element.
var $queue { value = ["b"] }
array.push $queue { value = "c" }
array.unshift $queue { value = "a" }
array.merge $queue { value = ["d", "e"] }
debug.log { value = $queue } // expect: ["a","b","c","d","e"]
array.pop $queue as $last
array.shift $queue as $first
debug.log { value = $first ~ $last } // expect: ae
debug.log { value = $queue } // expect: ["b","c","d"]
var $empty { value = [] }
array.pop $empty as $nothing
debug.log { value = $nothing } // expect: null
array.push $new_list { value = 1 }
debug.log { value = $new_list } // expect: [1]
// expect warning: `$new_list` is not defined
