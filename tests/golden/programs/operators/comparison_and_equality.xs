// == compares numbers by value and structures deeply; === also compares the type.
debug.log { value = [1 == 1.0, 1 === 1.0, 1 !== 1.0, "1" == 1, null == false] }
// expect: [true,false,true,false,false]
debug.log { value = [[1, {a: [2]}] == [1, {a: [2]}], {a: 1, b: 2} == {a: 1, b: 2}, [1, 2] != [2, 1]] }
// expect: [true,true,true]
debug.log { value = [2 < 10, "2" < "10", "b" > "a", 3 >= 3.0, null < 0, "5" > 4] }
// expect: [true,false,true,true,true,true]
