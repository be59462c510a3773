// expect-kinds: VarDecl Conditional Switch Foreach For While TryCatch Precondition
var $n { value = 7 }
conditional {
  if ($n > 10 && ($n % 2) == 0) {
    var $size { value = "big and even" }
  }
  elseif ($n > 5 || $n == -1) {
    var $size { value = "medium" }
  }
  else {
    var $size { value = "small" }
  }
}
switch ($n) {
  case (7) {
    debug.log { value = "seven" }
  } break
  case (8) {
    debug.log { value = "eight" }
  }
  default {
    debug.log { value = "other" }
  }
}
foreach ([1, 2, 3]) {
  each as $item {
    conditional {
      if ($item == 2) {
        continue
      }
    }
    array.push $seen { value = $item }
  }
}
for ($n) {
  each as $i {
    math.add $total { value = $i }
  }
}
while ($n > 0) {
  each {
    math.sub $n { value = 1 }
  }
}
try_catch {
  try {
    throw {
      name = "Oops"
      value = "something broke"
    }
  }
  catch {
    debug.log { value = $error.name ~ ": " ~ $error.message }
  }
  finally {
    debug.log { value = "cleanup" }
  }
}
precondition ($n >= 0) {
  error_type = "inputerror"
  error = "n must not be negative"
  payload = { n: $n }
}
