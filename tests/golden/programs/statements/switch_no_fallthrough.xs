// switch runs the first equal case only, with or without `break`; else `default`.
foreach (["b", "c", 3, "z"]) {
  each as $key {
    switch ($key) {
      case ("a") {
        debug.log { value = "A" }
      } break
      case ("b") {
        debug.log { value = "B" }
      }
      case ("c") {
        debug.log { value = "C" }
      } break
      case (3.0) {
        debug.log { value = "three" }
      } break
      default {
        debug.log { value = "other " ~ $key }
      }
    }
  }
}
// expect: B
// expect: C
// expect: three
// expect: other z
