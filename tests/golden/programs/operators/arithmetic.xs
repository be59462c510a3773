// + - * keep ints; any decimal operand gives a decimal; null counts as 0.
debug.log { value = [7 + 3, 7 - 10, 6 * 7, 2 * 1.5, 0.1 + 0.2] }
// expect: [10,-3,42,3.0,0.30000000000000004]
debug.log { value = [null + 1, true + 1, "4" + 1, "2.5" * 2] } // expect: [1,2,5,5.0]
debug.log { value = 0 - 5 } // expect: -5
debug.log { value = "abc" + 1 }
// expect error: standard at 6:21: operator `+` needs numbers, got text "abc"
