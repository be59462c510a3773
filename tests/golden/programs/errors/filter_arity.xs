// Filters check their number of arguments when the cell compiles.
debug.log { value = {a: 1}|get:"a":0:"extra" }
// expect error: inputerror at 2:27: filter `get` takes 1 to 2 arguments, got 3
