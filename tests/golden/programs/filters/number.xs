// Number filters.
debug.log { value = [-7|abs, 4.25|abs] } // expect: [7,4.25]
debug.log { value = [20|add:22, 1.5|add:1] } // expect: [42,2.5]
debug.log { value = [9|subtract:12, 50|multiply:3, 2.5|multiply:2] } // expect: [-3,150,5.0]
debug.log { value = [12|divide:4, 9|divide:2] } // expect: [3,4.5]
debug.log { value = [17|modulus:5, -17|modulus:5] } // expect: [2,-2]
debug.log { value = [4.2|ceil, -4.2|ceil, 4.8|floor, -4.2|floor] } // expect: [5,-4,4,-5]
debug.log { value = [3.14159|round:3, 7.5|round, 2.4|round] } // expect: [3.142,8,2]
debug.log { value = [6|even, 7|even, 7|odd, 6|odd] } // expect: [true,false,true,false]
debug.log { value = [8|max:3, 8|min:3, "b"|max:"a"] } // expect: [8,3,"b"]
debug.log { value = 1234567.891|number_format:1:".":"," } // expect: 1,234,567.9
debug.log { value = 1234.5|number_format } // expect: 1,235
debug.log { value = [12|bitwise_and:10, 12|bitwise_or:3, 12|bitwise_xor:10, 0|bitwise_not] }
// expect: [8,15,6,-1]
debug.log { value = 3|divide:0 }
// expect error: standard at 15:22: filter `divide`: division by zero
