// A JavaScript exception is a XanoScript error naming the script's line.
var $n { value = 2 }
api.lambda {
  code = """
    const half = $var.n / 2;
    throw new Error("no luck " + half);
    """
} as $r
// expect error: standard at 3:1: api.lambda: JavaScript Error: no luck 1 (script line 2, column 7)
