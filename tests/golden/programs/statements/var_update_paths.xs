// var.update writes through paths, creating the objects that are missing.
var $profile { value = {name: "Ada"} }
var.update $profile.name { value = "Grace" }
var.update $profile.address.city { value = "Paris" }
var.update $profile.tags { value = ["x"] }
var.update $profile.tags[1] { value = "y" }
var.update $profile.tags[0] { value = "w" }
var.update $profile["score"] { value = 10 }
debug.log { value = $profile }
// expect: {"name":"Grace","address":{"city":"Paris"},"tags":["w","y"],"score":10}
var.update $fresh.a { value = 1 }
debug.log { value = $fresh } // expect: {"a":1}
var.update $profile.tags[5] { value = "z" }
// expect error: standard at 13:1: position 5 is past the end of an array of 2 elements
