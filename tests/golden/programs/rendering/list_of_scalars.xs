// An array of scalars shows as index/value rows.
var $mixed { value = [1, 2.5, "three", false, null] }
// expect value: [1,2.5,"three",false,null]
