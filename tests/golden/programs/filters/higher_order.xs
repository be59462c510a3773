// Expression filters: the argument runs per element with $$, $index, $parent, $result.
var $items { value = [{sku: "a", qty: 2}, {sku: "b", qty: 0}, {sku: "c", qty: 5}] }
debug.log { value = $items|map:$$.sku ~ "x" ~ $$.qty } // expect: ["ax2","bx0","cx5"]
debug.log { value = $items|filter:$$.qty > 0|map:$$.sku } // expect: ["a","c"]
debug.log { value = $items|find:$$.qty == 5 } // expect: {"sku":"c","qty":5}
debug.log { value = [$items|findIndex:$$.sku == "b", $items|findIndex:$$.sku == "z"] } // expect: [1,-1]
debug.log { value = [$items|some:$$.qty == 0, $items|every:$$.qty >= 0, []|some:true] } // expect: [true,true,false]
debug.log { value = $items|reduce:$result + $$.qty:100 } // expect: 107
debug.log { value = [10, 20, 30]|map:$$ + $index + ($parent|count) } // expect: [13,24,35]
debug.log { value = 6|transform:$$ * 7 } // expect: 42
var $threshold { value = 1 }
debug.log { value = [1, 2, 3]|filter:$$ > $threshold } // expect: [2,3]
debug.log { value = [[1, 2], [3]]|map:($$|map:$$ * 10) } // expect: [[10,20],[30]]
