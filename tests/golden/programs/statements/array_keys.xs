// array.map / group_by take `by`; union / difference / intersection compare by `by`.
var $people { value = [{name: "Ann", team: "red"}, {name: "Bo", team: "blue"}, {name: "Cy", team: "red"}] }
array.map ($people) { by = $this.name|to_upper } as $names
debug.log { value = $names } // expect: ["ANN","BO","CY"]
array.map ($people) { by = $index ~ ":" ~ $this.name } as $labels
debug.log { value = $labels } // expect: ["0:Ann","1:Bo","2:Cy"]
array.group_by ($people) { by = $this.team } as $teams
debug.log { value = $teams|keys } // expect: ["red","blue"]
debug.log { value = $teams.red|count } // expect: 2
array.union ([1, 3, 5]) { value = [5, 6, 1.0] } as $union
debug.log { value = $union } // expect: [1,3,5,6]
array.difference ([1, 2, 3, 4]) { value = [2, 4] } as $diff
debug.log { value = $diff } // expect: [1,3]
array.intersection ([1, 2, 3, 4]) {
  value = [4, 3, 9]
} as $common
debug.log { value = $common } // expect: [3,4]
array.intersection ($people) {
  value = [{name: "X", team: "blue"}]
  by = $this.team
} as $blue
debug.log { value = $blue } // expect: [{"name":"Bo","team":"blue"}]
