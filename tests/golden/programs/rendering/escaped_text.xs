// Every value is escaped in HTML; text that could pass for another value is quoted.
var $unsafe {
  value = {html: "<script>alert('x')</script>", looks_null: "null", amp: "a & b"}
}
// expect value: {"html":"<script>alert('x')</script>","looks_null":"null","amp":"a & b"}
