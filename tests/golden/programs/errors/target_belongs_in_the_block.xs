// A key written where a target would go is pointed back into the block.
redis.get "session" as $v
// expect error: inputerror at 2:11: `redis.get` takes nothing between its name and its block
