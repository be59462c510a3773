// util.sleep waits (decimals allowed) and then carries on.
util.sleep { value = 0.01 }
debug.log { value = "awake" } // expect: awake
util.sleep { value = -1 }
// expect error: inputerror at 4:1: `util.sleep` needs a positive number of seconds, got -1
