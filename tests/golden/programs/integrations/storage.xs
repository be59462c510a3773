// storage.* keeps files in a folder of the session and returns the documented objects.
storage.create_file_resource {
  filename = "report.csv"
  filedata = "id,total\n1,12"
} as $resource
storage.create_attachment {
  value = $resource
  access = "private"
  filename = "report.csv"
} as $file
storage.read_file_resource { value = $file } as $content
debug.log { value = $file|unset:"path" }
debug.log { value = $content.data|split:"\n" }
// expect: {"access":"private","name":"report.csv","type":"attachment","size":13,"mime":"text/csv","meta":{"validated":false}}
// expect: ["id,total","1,12"]
