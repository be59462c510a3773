// foreach.remove (or bare `remove`) drops the current element from the iterated variable.
var $numbers { value = [1, 2, 3, 4, 5, 6] }
foreach ($numbers) {
  each as $n {
    conditional {
      if ($n % 2 == 0) {
        foreach.remove
      }
    }
  }
}
debug.log { value = $numbers } // expect: [1,3,5]
var $box { value = {items: ["keep", "drop", "keep"]} }
foreach ($box.items) {
  each as $word {
    conditional {
      if ($word == "drop") {
        remove
      }
    }
  }
}
debug.log { value = $box } // expect: {"items":["keep","keep"]}
