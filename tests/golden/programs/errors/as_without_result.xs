// `as` on a statement without a result is an error.
debug.log { value = 1 } as $nothing
// expect error: syntaxerror at 2:1: `debug.log` has no result, so `as $nothing` cannot bind anything
