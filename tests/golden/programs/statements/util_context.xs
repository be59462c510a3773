// util.get_* read the request context and the variables of the running stack.
// input: {"id": 5, "tags": ["a"]}
// env: APP_MODE=test
var $local { value = 1 }
util.get_all_input as $all
util.get_raw_input as $raw
util.get_env as $env_all
util.get_vars as $vars
util.geo_distance {
  latitude_1 = 0
  longitude_1 = 0
  latitude_2 = 0
  longitude_2 = 1
} as $km
debug.log { value = $all } // expect: {"id":5,"tags":["a"]}
debug.log { value = $raw } // expect: {"id":5,"tags":["a"]}
debug.log { value = $env_all.APP_MODE ~ " " ~ $env_all.$remote_ip } // expect: test 127.0.0.1
debug.log { value = $vars|keys } // expect: ["local","all","raw","env_all"]
debug.log { value = $km|round:1 } // expect: 111.2
