// Functions may call themselves, up to 100 nested calls.
function "fib" {
  input {
    int n
  }
  stack {
    conditional {
      if ($input.n < 2) {
        return { value = $input.n }
      }
    }
    function.run "fib" { input = {n: $input.n - 1} } as $a
    function.run "fib" { input = {n: $input.n - 2} } as $b
  }
  response = $a + $b
}
function.run "fib" { input = {n: 15} } as $f
debug.log { value = $f } // expect: 610
function "forever" {
  input {
  }
  stack {
    function.run "forever" as $again
  }
  response = null
}
function.run "forever" as $x
// expect error: standard at 23:5: too many nested function calls (more than 100) when calling `forever`
