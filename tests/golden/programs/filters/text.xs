// Text filters.
debug.log { value = ("  mid  "|trim) ~ "|" ~ ("--mid--"|trim:"-") } // expect: mid|mid
debug.log { value = ("  l"|ltrim) ~ ("r  "|rtrim) ~ ("xxl"|ltrim:"x") } // expect: lrl
debug.log { value = ["MiXeD"|to_lower, "MiXeD"|to_upper, "one two"|capitalize] } // expect: ["mixed","MIXED","One Two"]
debug.log { value = ["héllo"|strlen, "abcdef"|substr:2:3, "abcdef"|substr:-2] } // expect: [5,"cde","ef"]
debug.log { value = "a;b;;c"|split:";" } // expect: ["a","b","","c"]
debug.log { value = "banana"|replace:"an":"AN" } // expect: bANANa
debug.log { value = ["x"|concat:"y", "x"|concat:"y":" + "] } // expect: ["xy","x + y"]
debug.log { value = ["Haystack"|contains:"st", "Haystack"|contains:"ST", "Haystack"|icontains:"ST"] } // expect: [true,false,true]
debug.log { value = ["Report.PDF"|ends_with:".pdf", "Report.PDF"|iends_with:".pdf"] } // expect: [false,true]
debug.log { value = ["Report"|starts_with:"Re", "Report"|istarts_with:"re"] } // expect: [true,true]
debug.log { value = ["find the word"|index:"the", "find the word"|index:"zz", "ABC"|iindex:"b"] } // expect: [5,false,1]
debug.log { value = ["<i>x</i> & y"|escape, "<p>Hi <b>there</b></p>"|strip_html] } // expect: ["&lt;i&gt;x&lt;/i&gt; &amp; y","Hi there"]
debug.log { value = "it's \"ok\""|addslashes } // expect: it\'s \"ok\"
debug.log { value = ["5"|pad_start:3:"0", "ab"|pad_end:5:"-"] } // expect: ["005","ab---"]
debug.log { value = "%s scored %03d (%.1f%%)"|sprintf:"Kim":7:99.26 } // expect: Kim scored 007 (99.3%)
debug.log { value = ["Crème brûlée"|unaccent, "tab\there"|text_escape, "a\\nb"|text_unescape|strlen] } // expect: ["Creme brulee","tab\\there",3]
debug.log { value = ["O'Brien"|sql_esc, "my col"|sql_alias] } // expect: ["'O''Brien'","\"my col\""]
