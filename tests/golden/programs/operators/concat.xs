// ~ joins the text forms of both sides.
debug.log { value = "n=" ~ 3 ~ ", d=" ~ 2.50 ~ ", b=" ~ true ~ ", z=" ~ null ~ "." }
// expect: n=3, d=2.5, b=true, z=.
debug.log { value = "list " ~ [1, "a"] ~ " obj " ~ {k: null} } // expect: list [1,"a"] obj {"k":null}
debug.log { value = 1 ~ 2 } // expect: 12
