// `as $x` keeps its own copy: changing it never reaches the value it came from.
var $source { value = {items: [1, 2]} }
object.values { value = $source } as $parts
array.push $parts { value = "extra" }
debug.log { value = $source } // expect: {"items":[1,2]}
debug.log { value = $parts } // expect: [[1,2],"extra"]
redis.set { key = "golden:copy" data = {items: [1, 2]} }
redis.get { key = "golden:copy" } as $first
var.update $first.items { value = [] }
redis.get { key = "golden:copy" } as $second
debug.log { value = $second } // expect: {"items":[1,2]}
redis.del { key = "golden:copy" }
