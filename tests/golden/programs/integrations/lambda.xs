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
// expect: {"total":12,"hello":"hi Ada"}
// expect: [30,40,50]
// expect: 12
