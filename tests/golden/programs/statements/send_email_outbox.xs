// util.send_email records the message instead of sending it.
util.send_email {
  service_provider = "resend"
  api_key = "key"
  to = "ada@example.com"
  from = "noreply@example.com"
  subject = "Hi"
  message = "Hello there"
} as $sent
debug.log { value = $sent|is_object } // expect: true
