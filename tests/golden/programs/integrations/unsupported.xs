// Cloud services cannot run here: the file parses and runs until the statement is reached.
debug.log { value = "before" }
cloud.elasticsearch.query {
  base_url = "https://search.example"
  index = "products"
} as $hits
// expect: before
// expect error: unsupported at 3:1: `cloud.elasticsearch.query` is not supported by this kernel: it calls a cloud service (Elasticsearch) that a local kernel does not reach
