// Unknown filter names fail before anything runs, with a suggestion.
debug.log { value = "a" }
debug.log { value = "abc"|to_uper }
// expect error: syntaxerror at 3:26: unknown filter `to_uper`
