// A function defined in one cell can be called from any later cell.
function "greet" {
  input {
    text name filters=trim
    text greeting?="Hello"
  }
  stack {
    var $line { value = $input.greeting ~ ", " ~ $input.name ~ "!" }
  }
  response = $line
}
// cell
function.run "greet" { input = {name: "  Ada  "} } as $a
function.run "greet" {
  input = {name: "Bo", greeting: "Hi"}
} as $b
debug.log { value = $a } // expect: Hello, Ada!
debug.log { value = $b } // expect: Hi, Bo!
debug.log { value = $line } // expect: null
// expect warning: `$line` is not defined
