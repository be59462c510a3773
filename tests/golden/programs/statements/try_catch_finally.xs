// catch sees $error; finally always runs; errors without a catch go on after finally.
try_catch {
  try {
    debug.log { value = "trying" }
    var $x { value = 1 / 0 }
    debug.log { value = "not reached" }
  }
  catch {
    debug.log { value = $error.type ~ ": " ~ $error.message }
  }
  finally {
    debug.log { value = "cleanup 1" }
  }
}
// expect: trying
// expect: standard: division by zero
// expect: cleanup 1
try_catch {
  try {
    precondition (false) {
      error_type = "notfound"
      error = "no such item"
      payload = {id: 7}
    }
  }
  catch {
    debug.log { value = $error }
  }
}
// expect: {"name":"notfound","message":"no such item","type":"notfound","code":"notfound","status":404,"payload":{"id":7}}
try_catch {
  try {
    throw {
      name = "Boom"
      value = "it broke"
    }
  }
  finally {
    debug.log { value = "cleanup 2" }
  }
}
// expect: cleanup 2
// expect error: standard at 33:5: it broke
