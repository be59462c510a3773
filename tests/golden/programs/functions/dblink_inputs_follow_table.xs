// A `dblink` input stands for the columns of a table: every column not hidden by
// `override` is accepted (coerced to the column's type), anything else is dropped.
table "member" {
  schema {
    int id
    text nickname filters=trim
    int level
    text secret
  }
}
function "sign_up" {
  input {
    dblink {
      table = "member"
      override = { secret: {hidden: true} }
    }
  }
  stack {
  }
  response = $input
}
function.run "sign_up" { input = {nickname: "  kim ", level: "3", secret: "s", color: "red"} } as $m
debug.log { value = $m } // expect: {"nickname":"kim","level":3}
function.run "sign_up" { input = {} } as $empty
debug.log { value = $empty } // expect: {}
try_catch {
  try {
    function.run "sign_up" { input = {level: "high"} } as $bad
  }
  catch {
    debug.log { value = $error.type ~ " " ~ $error.payload.param } // expect: inputerror level
  }
}
// cell
// The table is looked up when the function runs, so a missing one is reported then.
function "orphan" {
  input {
    dblink {
      table = "nowhere"
    }
  }
  stack {
  }
  response = 1
}
function.run "orphan" as $o
// expect error: notfound at 12:1: table 'nowhere' is not defined in this session
