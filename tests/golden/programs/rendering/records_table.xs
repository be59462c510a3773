// A list of objects shows as a table with one column per key.
var $people {
  value = [{name: "Ann", age: 31, admin: true}, {name: "Bo", age: null, admin: false}]
}
// expect value: [{"name":"Ann","age":31,"admin":true},{"name":"Bo","age":null,"admin":false}]
