// An object shows as key/value rows; nested values stay compact.
var $settings {
  value = {theme: "dark", limits: {daily: 100, burst: [1, 2]}, beta: null}
}
// expect value: {"theme":"dark","limits":{"daily":100,"burst":[1,2]},"beta":null}
