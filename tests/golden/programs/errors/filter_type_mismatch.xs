// Filters check the type of the value they receive.
debug.log { value = "abc"|strlen } // expect: 3
debug.log { value = [1, 2]|strlen }
// expect error: inputerror at 3:27: filter `strlen` expects text, got array
