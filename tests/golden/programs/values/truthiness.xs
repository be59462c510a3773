// null false 0 0.0 "" "0" [] {} are falsy; everything else is truthy.
foreach ([null, false, 0, 0.0, "", "0", [], {}, true, 1, -1, 0.5, " ", "00", "false", [0], {a: null}]) {
  each as $v {
    debug.log { value = ($v|json_encode) ~ " -> " ~ ($v ? "truthy" : "falsy") }
  }
}
// expect: null -> falsy
// expect: false -> falsy
// expect: 0 -> falsy
// expect: 0.0 -> falsy
// expect: "" -> falsy
// expect: "0" -> falsy
// expect: [] -> falsy
// expect: {} -> falsy
// expect: true -> truthy
// expect: 1 -> truthy
// expect: -1 -> truthy
// expect: 0.5 -> truthy
// expect: " " -> truthy
// expect: "00" -> truthy
// expect: "false" -> truthy
// expect: [0] -> truthy
// expect: {"a":null} -> truthy
