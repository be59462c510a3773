// Columns live in the table's schema block; a declaration next to it is refused instead
// of quietly giving a table without that column.
table "visit" {
  schema {
    int id
  }
  text page
}
// expect error: inputerror at 7:3: table 'visit': field 'page' is declared outside its schema block
