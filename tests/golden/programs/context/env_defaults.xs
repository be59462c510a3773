// $env has request-style defaults, the process environment and overrides.
// env: SERVICE_KEY=abc123
debug.log { value = $env.$remote_ip } // expect: 127.0.0.1
debug.log { value = $env.$request_method } // expect: POST
debug.log { value = $env.$http_headers } // expect: {}
debug.log { value = $env.$datasource ~ "/" ~ $env.$branch } // expect: live/v1
debug.log { value = $env.SERVICE_KEY } // expect: abc123
debug.log { value = $env.NOT_SET_ANYWHERE_XYZ } // expect: null
