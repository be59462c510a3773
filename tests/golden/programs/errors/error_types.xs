// Every error has a type, a message and an optional payload; catch sees them all.
foreach (["inputerror", "accessdenied", "notfound", "badrequest", "unauthorized", "toomanyrequests"]) {
  each as $kind {
    try_catch {
      try {
        precondition (false) {
          error_type = $kind
          error = "failed as " ~ $kind
        }
      }
      catch {
        debug.log { value = $error.type ~ " " ~ $error.status ~ " " ~ $error.message }
      }
    }
  }
}
// expect: inputerror 400 failed as inputerror
// expect: accessdenied 403 failed as accessdenied
// expect: notfound 404 failed as notfound
// expect: badrequest 400 failed as badrequest
// expect: unauthorized 401 failed as unauthorized
// expect: toomanyrequests 429 failed as toomanyrequests
