// text.* edits change the variable; the tests give booleans through `as`.
var $s { value = "  padded  " }
text.trim $s
debug.log { value = "[" ~ $s ~ "]" } // expect: [padded]
text.append $s { value = "!" }
text.prepend $s { value = ">> " }
debug.log { value = $s } // expect: >> padded!
var $path { value = "//a/b//" }
text.ltrim $path { value = "/" }
debug.log { value = $path } // expect: a/b//
text.rtrim $path { value = "/" }
debug.log { value = $path } // expect: a/b
var $title { value = "The Quick Fox" }
text.contains $title { value = "Quick" } as $c1
text.contains $title { value = "quick" } as $c2
text.icontains $title { value = "quick" } as $c3
text.starts_with $title { value = "The" } as $s1
text.istarts_with $title { value = "the" } as $s2
text.ends_with $title { value = "fox" } as $e1
text.iends_with $title { value = "FOX" } as $e2
debug.log { value = [$c1, $c2, $c3, $s1, $s2, $e1, $e2] }
// expect: [true,false,true,true,true,false,true]
