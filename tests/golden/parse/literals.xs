// expect-kinds: VarDecl VarDecl VarDecl VarDecl VarDecl VarDecl VarDecl
var $escapes { value = "tab\there \"quoted\" \x41 and \\d kept" }
var $single { value = 'it\'s a \n literal backslash-n' }
var $poem {
  value = """
    roses are red
      violets indent
    """
}
var $lazy { value = `$escapes|strlen` }
var $code {
  value = ```
    ($poem|split:"\n")|count
  ```
}
var $when { value = [2025-03-01 08:30:00+0000, now, true, false, null, -3, 0.5] }
var $uuid { value = (|uuid) }
