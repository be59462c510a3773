// `as $x|filters` filters the result before binding it.
object.keys { value = {b: 1, a: 2} } as $names|count
debug.log { value = $names } // expect: 2
array.filter ([5, 1, 4]) if ($this > 1) as $kept|sort
debug.log { value = $kept } // expect: [4,5]
