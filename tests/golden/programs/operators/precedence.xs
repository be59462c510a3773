// Highest first: paths, filters, !, * /, %, + - ~, .., comparisons, &&, ||, ??, ?:
debug.log { value = 1 + 2 * 3 } // expect: 7
debug.log { value = 10 - 4 - 3 } // expect: 3
debug.log { value = 12 / 2 / 3 } // expect: 2
debug.log { value = 2 * 3 % 4 } // expect: 2
debug.log { value = 10 - 4 % 3 } // expect: 9
debug.log { value = 1 + 2 ~ "a" } // expect: 3a
debug.log { value = "a" ~ (1 + 2) } // expect: a3
debug.log { value = 2 == 1 + 1 } // expect: true
debug.log { value = true || false && false } // expect: true
debug.log { value = 1 < 2 == true } // expect: true
debug.log { value = !true == false } // expect: true
debug.log { value = ([1, 2, 3]|count) * 2 } // expect: 6
debug.log { value = 2 * [1, 2, 3]|count } // expect: 6
