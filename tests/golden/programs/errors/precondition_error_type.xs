// A precondition throws only XanoScript's own error types; other text is refused.
precondition (false) {
  error_type = "teapot"
  error = "short and stout"
}
// expect error: inputerror at 2:1: precondition: `error_type` must be one of inputerror, badrequest, unauthorized, accessdenied, notfound, toomanyrequests, standard, servererror; got teapot
