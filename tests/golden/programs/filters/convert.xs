// Conversions and type tests.
debug.log { value = ["42"|to_int, "12.9 cm"|to_int, 7.9|to_int, "x"|to_int, false|to_int] } // expect: [42,12,7,0,0]
debug.log { value = ["2.25"|to_decimal, "3 apples"|to_decimal, 4|to_decimal] } // expect: [2.25,3.0,4.0]
debug.log { value = [5|to_text, 0.5|to_text, true|to_text, null|to_text, [1]|to_text] } // expect: ["5","0.5","true","","[1]"]
debug.log { value = ["on"|to_bool, "no"|to_bool, 0|to_bool, [1]|to_bool, "maybe"|to_bool] } // expect: [true,false,false,true,true]
debug.log { value = {a: [1, null]}|json_encode } // expect: {"a":[1,null]}
debug.log { value = "[true, {\"k\": 2}]"|json_decode } // expect: [true,{"k":2}]
debug.log { value = [null|is_null, 0|is_null, ""|is_empty, "0"|is_empty, " "|is_empty] } // expect: [true,false,true,true,false]
debug.log { value = [[]|is_array, {}|is_array, {}|is_object, 3|is_int, 3.0|is_int, 3.0|is_decimal] }
// expect: [true,false,true,true,false,true]
debug.log { value = ["t"|is_text, 1|is_text, true|is_bool, 1|is_bool] } // expect: [true,false,true,false]
debug.log { value = ["123e4567-e89b-12d3-a456-426614174000"|is_uuid, "123"|is_uuid] } // expect: [true,false]
debug.log { value = [null|first_notnull:"dflt", 0|first_notnull:"dflt", 0|first_notempty:"dflt", "v"|first_notempty:"dflt"] }
// expect: ["dflt",0,"dflt","v"]
debug.log { value = [2|equals:2.0, 2|not_equals:3, 3|greater_than:2, 3|greater_than_or_equal:3] } // expect: [true,true,true,true]
debug.log { value = [1|less_than:2, 2|less_than_or_equal:1, true|not, 0|not] } // expect: [true,false,false,true]
