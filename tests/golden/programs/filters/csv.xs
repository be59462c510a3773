// CSV filters (multi-line results shown through json_encode).
debug.log { value = ["id", "city"]|csv_create:[{id: 1, city: "Oslo"}, [2, "Rome, IT"]]|json_encode }
// expect: "id,city\n1,Oslo\n2,\"Rome, IT\"\n"
debug.log { value = [["k", "v"], [1, "x-y"]]|csv_encode|json_encode } // expect: "k,v\n1,x-y\n"
debug.log { value = "k;v\n1;2"|csv_decode:";" } // expect: [["k","v"],["1","2"]]
debug.log { value = "name,age\nZoe,9\nMax"|csv_parse } // expect: [{"name":"Zoe","age":"9"},{"name":"Max","age":null}]
