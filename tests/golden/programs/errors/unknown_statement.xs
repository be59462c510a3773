// Unknown statement names fail before anything runs, with a suggestion.
debug.log { value = "not printed" }
debug.lgo { value = 1 }
// expect error: syntaxerror at 3:1: unknown statement `debug.lgo`
