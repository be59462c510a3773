// expect-kinds: Construct Statement ExprStmt
function "geometry/area" {
  description = "Area of a rectangle, optionally rounded"
  input {
    decimal width filters=min:0
    decimal height filters=min:0
    int? digits?=2 {
      description = "how many decimals to keep"
    }
  }
  stack {
    var $area { value = $input.width * $input.height }
    conditional {
      if ($input.digits != null) {
        var.update $area { value = $area|round:$input.digits }
      }
    }
  }
  response = $area
  test "a unit square" {
    input = { width: 1, height: 1 }
    expect.to_equal ($response) { value = 1 }
  }
  test "rounds" {
    input = { width: 1.234, height: 1, digits: 1 }
    expect.to_equal ($response) { value = 1.2 }
  }
}
function.run "geometry/area" {
  input = { width: 3, height: 4 }
} as $twelve
$twelve
