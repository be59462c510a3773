// object.keys / values / entries, in key order.
var $settings { value = {theme: "dark", size: 12, beta: false} }
object.keys { value = $settings } as $keys
object.values { value = $settings } as $values
object.entries { value = {only: 1} } as $entries
debug.log { value = $keys } // expect: ["theme","size","beta"]
debug.log { value = $values } // expect: ["dark",12,false]
debug.log { value = $entries } // expect: [{"key":"only","value":1}]
object.keys { value = "text" } as $bad
// expect error: inputerror at 9:1: `object.keys` works on an object, got text
