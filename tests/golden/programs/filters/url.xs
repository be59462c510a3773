// URL filters.
var $u { value = "https://shop.example:8443/cart?item=7&ref=mail#top" }
debug.log { value = $u|url_parse }
// expect: {"scheme":"https","host":"shop.example","port":8443,"path":"/cart","query":"item=7&ref=mail","fragment":"top"}
debug.log { value = [$u|url_getarg:"item", $u|url_getarg:"nope":"none", $u|url_hasarg:"ref"] } // expect: ["7","none",true]
debug.log { value = "https://a.io/p?x=1"|url_addarg:"q":"a b" } // expect: https://a.io/p?x=1&q=a%20b
debug.log { value = "https://a.io/p?x=1&y=2"|url_delarg:"x" } // expect: https://a.io/p?y=2
debug.log { value = ["a b&c"|url_encode, "a b~"|url_encode_rfc3986] } // expect: ["a%20b%26c","a%20b~"]
debug.log { value = ["x%21+y"|url_decode, "x%21+y"|url_decode_rfc3986] } // expect: ["x! y","x!+y"]
debug.log { value = "?p=1&list[]=a&list[]=b"|querystring_parse } // expect: {"p":"1","list":["a","b"]}
