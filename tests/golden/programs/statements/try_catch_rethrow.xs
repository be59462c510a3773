// An error raised inside catch propagates; finally still runs first.
try_catch {
  try {
    throw {
      name = "First"
      value = "original"
    }
  }
  catch {
    throw {
      name = "Second"
      value = "from catch: " ~ $error.name ~ "/" ~ $error.message
    }
  }
  finally {
    debug.log { value = "finally ran" }
  }
}
// expect: finally ran
// expect error: standard at 10:5: from catch: First/original
