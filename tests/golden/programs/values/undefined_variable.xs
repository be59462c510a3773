// Reading an undefined variable gives null and one warning per variable, with a suggestion.
var $counter { value = 1 }
debug.log { value = $countr } // expect: null
debug.log { value = $countr ?? "still null" } // expect: still null
debug.log { value = $nothing_like_it } // expect: null
// expect warning: variable `$countr` is not defined, so it reads as null (did you mean `$counter`?)
// expect warning: variable `$nothing_like_it` is not defined, so it reads as null
