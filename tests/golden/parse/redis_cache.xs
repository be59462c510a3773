# expect-kinds: Statement Statement Conditional Statement Statement Statement Statement ExprStmt
# Hash comments work as well as double-slash ones.
redis.set {
  key = "greeting"   // the key
  data = "hello"
  ttl = 60
}
redis.get { key = "greeting" } as $cached
conditional {
  if ($cached == null) {
    redis.set { key = "greeting", data = "hi", ttl = 0 }
  }
}
redis.incr { key = "visits" by = 5 } as $visits
redis.ratelimit {
  key = "api:" ~ $env.$remote_ip
  max = 100
  ttl = 60
  error = "slow down"
} as $rl
redis.push { key = "queue", value = { job: "resize", size: [64, 128] } } as $len
redis.keys { search = "visit*" } as $keys|count
$keys
