// Database operators are only meaningful inside a db where clause.
debug.log { value = "not printed: the cell fails before running" }
var $found { value = 2 in [1, 2, 3] }
// expect error: syntaxerror at 3:22: operator `in` is only allowed inside a db where clause
