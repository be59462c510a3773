// A statement written with `!` or with `disabled = true` is skipped.
!debug.log { value = "skipped by !" }
debug.log {
  value = "skipped by attribute"
  disabled = true
}
debug.log {
  value = "kept"
  disabled = false
}
!var $ghost { value = 1 }
debug.log { value = $ghost ?? "no ghost" }
// expect: kept
// expect warning: `$ghost` is not defined
// expect: no ghost
