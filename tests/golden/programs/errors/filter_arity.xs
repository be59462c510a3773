// Xano's validator does not count filter arguments: the cell runs up to the filter,
// which fails when it is reached (`xs check` warns about it beforehand).
debug.log { value = "before" }
debug.log { value = {a: 1}|get:"a":0:"extra" }
// expect: before
// expect error: inputerror at 4:27: filter `get` takes 1 to 2 arguments, got 3
