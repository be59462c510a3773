// A cell ending with a statement that has a result shows it, as a REPL would; `as` still binds.
redis.set { key = "visits" data = 41 }
redis.incr { key = "visits" }
// expect value: 42
