// An endless loop stops at the timeout; the session goes on.
api.lambda {
  code = "while (true) {}"
  timeout = 0.2
} as $r
// expect error: standard at 2:1: api.lambda: the script ran longer than its timeout of 0.2 s and was stopped
