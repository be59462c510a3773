// api.lambda and the lambda_* filters run JavaScript in a sandboxed V8.
// input: {"name": "Ada"}
var $prices { value = [3, 4, 5] }
api.lambda {
  code = """
    const total = $var.prices.reduce((a, b) => a + b, 0);
    await new Promise(r => setTimeout(r, 1));
    return {total: total, hello: "hi " + $input.name};
    """
  timeout = 5
} as $r
debug.log { value = $r }
debug.log { value = $prices|lambda_map:"return $this * 10" }
debug.log { value = $prices|lambda_reduce:0:"return $result + $this" }
debug.log { value = $prices|lambda_filter:"return $this % 2" }
debug.log { value = [$prices|lambda_some:"return $this > 4", $prices|lambda_every:"return $this > 3"] }
debug.log { value = [$prices|lambda_find:"return $this > 3", $prices|lambda_findIndex:"return $this > 3"] }
debug.log { value = "tea"|lambda:"return $this.toUpperCase()" }
// expect: {"total":12,"hello":"hi Ada"}
// expect: [30,40,50]
// expect: 12
// expect: [3,5]
// expect: [true,false]
// expect: [4,1]
// expect: TEA
