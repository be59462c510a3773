// A runtime error points at the attribute that failed, not at the statement's first line.
redis.set {
  key = "session"
  data = {user: 1}
  ttl = -5
}
// expect error: inputerror at 5:3: redis.set: `ttl` must be 0 or more, got -5
