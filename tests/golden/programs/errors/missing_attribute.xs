// A required attribute must be given.
var $s { value = "x" }
text.append $s {
}
// expect error: inputerror at 3:1: `text.append` needs the attribute `value`
