// $input comes from the session (xs run --input); $auth defaults to {}.
// input: {"user": {"id": 7}, "q": "find"}
debug.log { value = $input.user.id } // expect: 7
debug.log { value = $input.q ~ "!" } // expect: find!
debug.log { value = $auth } // expect: {}
debug.log { value = $auth.id ?? "anonymous" } // expect: anonymous
var.update $input.q { value = "changed" }
debug.log { value = $input.q } // expect: changed
