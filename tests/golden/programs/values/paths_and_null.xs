// Missing keys, out-of-range positions and members of null or scalars are null.
var $data { value = {list: [10, 20, 30], obj: {k: "v"}, none: null} }
debug.log { value = [$data.list.0, $data.list[1], $data.list[-1], $data.list[-4], $data.list[9]] }
// expect: [10,20,30,null,null]
debug.log { value = [$data.obj.k, $data.obj["k"], $data.obj.missing, $data.none.deeper.still] }
// expect: ["v","v",null,null]
debug.log { value = [$data.obj.k.length, $data.list.x, (5).field] } // expect: [null,null,null]
debug.log { value = $var.data.obj.k ~ " " ~ ($var|keys) } // expect: v ["data"]
var $i { value = 2 }
debug.log { value = $data.list[$i - 1] } // expect: 20
