// Endpoints, tools, tasks and functions defined in a session are callable by name.
query "notes/{id}" verb=PATCH {
  api_group = "notes"
  input {
    int id
    text? title?
  }
  stack {
    util.get_raw_input { encoding = "json" } as $sent
    util.get_input as $same
    util.set_header { value = "X-Note: " ~ $input.id }
  }
  response = {id: $input.id, sent: $sent, same: $same == $sent}
}
tool double {
  input { int n }
  stack {}
  response = $input.n * 2
}
task tick {
  stack {
    debug.log { value = "tick" }
  }
}
function "inc" {
  input { int n }
  stack {}
  response = $input.n + 1
}
middleware mark {
  stack {}
  response = null
}
addon note_count {
  stack {}
  response = 0
}
// cell
api.call "notes/{id}" verb=PATCH { api_group = "notes" input = {id: 5} } as $note
debug.log { value = $note } // expect: {"id":5,"sent":{"id":5},"same":true}
tool.call double { input = {n: 21} } as $d
debug.log { value = $d } // expect: 42
task.call tick as $t // expect: tick
function.call "inc" { input = {n: 1} } as $i
debug.log { value = $i } // expect: 2
middleware.call mark { input = {vars: {}, type: "pre"} } as $m
addon.call note_count as $c
debug.log { value = [$m, $c] } // expect: [null,0]
action.call "missing" as $x // expect error: unsupported at 11:1: action.call: no action 'missing' in this session; an action installed from Xano's marketplace runs only on Xano
