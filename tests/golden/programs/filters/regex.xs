// Regular expressions: the receiver is the pattern, written with delimiters.
debug.log { value = ["/^\\d{3}$/"|regex_matches:"123", "/^\\d{3}$/"|regex_matches:"12a"] } // expect: [true,false]
debug.log { value = "/(\\w+)=(\\d+)/"|regex_get_first_match:"a=1 b=2" } // expect: ["a=1","a","1"]
debug.log { value = "/(\\w+)=(\\d+)/"|regex_get_all_matches:"a=1 b=2" } // expect: [["a=1","b=2"],["a","b"],["1","2"]]
debug.log { value = "/(\\d+)/"|regex_replace:"<$1>":"x12y3" } // expect: x<12>y<3>
debug.log { value = "1+1=2?"|regex_quote } // expect: 1\+1\=2\?
