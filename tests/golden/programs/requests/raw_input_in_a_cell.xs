// In a plain cell the raw input is the cell's $input, parsed (json) or as text.
// input: {"name": "Ann", "tags": ["a"]}
util.get_raw_input { encoding = "json" } as $parsed
debug.log { value = $parsed.name } // expect: Ann
util.get_raw_input { encoding = "text" } as $text
debug.log { value = $text } // expect: {"name":"Ann","tags":["a"]}
util.set_header { value = "X-Ok: yes" duplicates = "add" }
util.set_header { value = "broken" } // expect error: inputerror at 8:1: util.set_header: 'broken' is not "Name: value"
