// Inputs are coerced to their declared types; only declared fields reach $input.
function "shape" {
  input {
    int count
    decimal price
    bool active
    text label
    json meta
    int[] ids
    text? note
    int limit?
  }
  stack {
  }
  response = $input
}
function.run "shape" {
  input = {count: "12", price: 3, active: "yes", label: 7, meta: "{\"a\":1}", ids: ["1", 2], note: null, extra: true}
} as $shaped
debug.log { value = $shaped }
// expect: {"count":12,"price":3.0,"active":true,"label":"7","meta":{"a":1},"ids":[1,2],"note":null}
