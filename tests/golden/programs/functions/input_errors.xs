// A bad input fails with an inputerror naming the input, at the call.
function "needs_age" {
  input {
    int age filters=min:0
    text name
  }
  stack {
  }
  response = $input.age
}
try_catch {
  try {
    function.run "needs_age" { input = {age: "old", name: "x"} } as $r
  }
  catch {
    debug.log { value = $error.type ~ " " ~ ($error.payload|json_encode) }
  }
}
// expect: inputerror {"param":"age"}
try_catch {
  try {
    function.run "needs_age" { input = {age: -1, name: "x"} } as $r
  }
  catch {
    debug.log { value = $error.payload.param } // expect: age
  }
}
try_catch {
  try {
    function.run "needs_age" { input = {age: 3, name: ""} } as $r
  }
  catch {
    debug.log { value = $error.payload.param } // expect: name
  }
}
function.run "needs_age" { input = {name: "no age"} } as $r
// expect error: inputerror at 36:1: input `age` is required but missing
