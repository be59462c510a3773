// Attributes are checked against the statement's parameters.
math.add $n { amount = 1 }
// expect error: inputerror at 2:15: `math.add` has no attribute `amount`
