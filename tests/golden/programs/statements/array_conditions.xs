// array.* with `if (...)`: the condition sees $this, $index and $parent.
var $ages { value = [12, 19, 15, 30] }
array.find ($ages) if ($this >= 18) as $adult
array.find_index ($ages) if ($this >= 18) as $adult_at
array.find_index ($ages) if ($this > 99) as $nobody
array.has ($ages) if ($this == 15) as $has_15
array.every ($ages) if ($this > 10) as $all_over_10
array.filter ($ages) if ($this < 18) as $minors
array.filter_count ($ages) if ($this < 18) as $minor_count
array.partition ($ages) if ($index % 2 == 0) as $by_position
array.filter ($ages) if ($this == ($parent|array_max)) as $oldest
debug.log { value = [$adult, $adult_at, $nobody, $has_15, $all_over_10] }
// expect: [19,1,-1,true,true]
debug.log { value = [$minors, $minor_count, $oldest] } // expect: [[12,15],2,[30]]
debug.log { value = $by_position } // expect: {"true":[12,15],"false":[19,30]}
array.every ([]) if (false) as $vacuous
debug.log { value = $vacuous } // expect: true
