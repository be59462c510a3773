"""The tutorial notebooks' cells, in reading order (see build_notebooks.py).

Each tutorial is a list of ("md" | "code", text). Every notebook starts from a clean
slate: ``%reset`` clears the session, and a setup cell deletes the keys the notebook
writes, so it can be rerun against a shared Redis server without leftovers.
"""

from __future__ import annotations

from tutorial_workspace import EXPORTED_WORKSPACE

# The redis specification the tutorials follow: the Redis Integration page of Xano's
# public XanoScript docs. Its examples run here as written.
SPEC = ("[*Redis Integration*](https://github.com/xano-inc/xano-developer-mcp/blob/main/"
        "src/xanoscript_docs/integrations/redis.md) (Xano's XanoScript docs, "
        "`integrations/redis.md`)")

GETTING_STARTED = [
    ("md", """
# Getting started with XanoScript in Jupyter

Each cell runs as XanoScript in one **session** that lives as long as the kernel: a
variable, a function or a stored key made in one cell is still there in the next.
The value of a cell's last statement is shown below it, arrays and objects as tables.
`%reset` starts over with an empty session.
"""),
    ("code", "%reset"),
    ("md", """
## Variables

`var $name { value = ... }` declares a variable. `$name` and `$var.name` are the same
variable. A cell that ends with a declaration shows the declared value.
"""),
    ("code", """
var $greeting { value = "Hello" }
var $who { value = "notebook" }
"""),
    ("code", '$greeting ~ ", " ~ $who ~ "!"'),
    ("md", """
`var.update` changes a variable, or one field of it; missing objects along the path are
created for you.
"""),
    ("code", """
var $profile { value = { name: "Ada", languages: ["xanoscript"] } }
var.update $profile.name { value = "Ada Lovelace" }
var.update $profile.address.city { value = "London" }
$profile
"""),
    ("md", """
## Filters

A filter transforms the value right before it: `$text|trim`. Filters chain from left to
right and some take arguments after colons. Text filters work on text, array filters on
arrays.
"""),
    ("code", '"  Mixed Case Words  "|trim|to_lower|split:" "'),
    ("code", """
var $scores { value = [72, 95, 88, 61] }
var $summary {
  value = {
    best: $scores|array_max,
    sorted: $scores|sort,
    passed: $scores|filter:$$ >= 70|count
  }
}
"""),
    ("md", """
A filter binds tighter than any operator, and XanoScript asks you to put a filtered
value in parentheses before comparing it: write `($scores|count) > 3`.
"""),
    ("code", "($scores|count) > 3"),
    ("md", "## Conditionals"),
    ("code", """
var $score { value = 88 }
conditional {
  if ($score >= 90) {
    var $grade { value = "A" }
  }
  elseif ($score >= 80) {
    var $grade { value = "B" }
  }
  else {
    var $grade { value = "C" }
  }
}
$grade
"""),
    ("md", """
## Loops

`foreach` walks an array, `for` counts from 0, `while` repeats while its condition holds.
`debug.log` prints a line as the loop runs.
"""),
    ("code", """
foreach ($profile.languages|push:"python") {
  each as $language {
    debug.log { value = "knows " ~ $language }
  }
}
"""),
    ("code", """
var $total { value = 0 }
for (5) {
  each as $i {
    math.add $total { value = $i }
  }
}
$total
"""),
    ("md", """
## Functions

A `function` cell defines a function; `function.run` calls it from any later cell.
Inputs are checked and converted against their declaration before the stack runs.
"""),
    ("code", """
function "price_with_tax" {
  input {
    decimal price
    decimal rate?=0.2
  }
  stack {
    var $gross { value = $input.price * (1 + $input.rate) }
  }
  response = $gross|round:2
}
"""),
    ("code", """
function.run "price_with_tax" { input = { price: 19.99 } } as $with_default_rate
function.run "price_with_tax" { input = { price: 19.99, rate: 0.07 } } as $with_low_rate
[$with_default_rate, $with_low_rate]
"""),
    ("md", """
## Errors

Errors carry a XanoScript type (`inputerror`, `accessdenied`, `notfound`, `standard`, ...),
a message and the place in the cell that raised them.
"""),
    ("code", """
%% tags: raises-exception
function.run "price_with_tax" { input = { rate: 0.1 } } as $missing_price
"""),
    ("code", """
%% tags: raises-exception
precondition ($score > 90) {
  error_type = "accessdenied"
  error = "Only A students may enter"
}
"""),
    ("md", "`try_catch` handles an error; `$error` describes it inside `catch`."),
    ("code", """
try_catch {
  try {
    throw {
      name = "OutOfStock"
      value = "No more widgets"
    }
  }
  catch {
    debug.log { value = "caught " ~ $error.name ~ ": " ~ $error.message }
  }
  finally {
    debug.log { value = "cleanup always runs" }
  }
}
"""),
    ("md", "`%vars` lists the session's variables; `%help` lists every magic."),
    ("code", "%vars"),
]

KEY_VALUE = [
    ("md", """
# Key/value storage and TTL with `redis.*`

`redis.set` stores any XanoScript value under a key and `redis.get` reads it back with
the same type. By default the kernel uses an embedded store that needs no server; set
`XS_REDIS_URL` (or run `%redis connect redis://host:6379/0`) to use a real Redis server.

The redis tutorials (02 to 06) follow the redis specification, """ + SPEC + """:
each of its examples runs here as written, with the set-up it needs before it.
"""),
    ("code", "%reset"),
    ("md", """
Start from a clean slate: remove the keys this tutorial writes. `%redis del PATTERN`
alone only lists what it would delete; `--yes` deletes it (only keys under the session's
key prefix, so a shared server's other keys are safe).
"""),
    ("code", """
%redis del kv:* --yes
%redis del user:123:session --yes
"""),
    ("md", "## Storing and reading values"),
    ("code", """
redis.set {
  key = "kv:color"
  data = "teal"
}
redis.get { key = "kv:color" } as $color
"""),
    ("md", "Numbers, booleans, arrays and objects keep their type on the way back:"),
    ("code", """
redis.set {
  key = "kv:config"
  data = { retries: 3, ratio: 0.5, verbose: false, tags: ["a", "b"], owner: null }
}
redis.get { key = "kv:config" } as $config
"""),
    ("code", """
redis.has { key = "kv:config" } as $exists
redis.get { key = "kv:nothing-here" } as $missing
{ exists: $exists, missing: $missing }
"""),
    ("md", """
## The spec's key/value walkthrough

The next cell is the key/value example of the redis specification, run as written.
It stores `$session_data`, so we define that first.
"""),
    ("code", """
var $session_data { value = { user_id: 123, role: "editor" } }
"""),
    ("code", """
// Set value
redis.set {
  key = "user:123:session"
  data = $session_data
  ttl = 3600                            // Expires in 1 hour
}

// Get value
redis.get { key = "user:123:session" } as $session

// Check exists
redis.has { key = "user:123:session" } as $exists

// Delete
redis.del { key = "user:123:session" }
"""),
    ("code", """
redis.has { key = "user:123:session" } as $still_there
{ session: $session, existed: $exists, after_delete: $still_there }
"""),
    ("md", """
## Expiry

`ttl` is a number of seconds; after it runs out the key is gone. A `ttl` of 0 (the
default) means the key never expires.
"""),
    ("code", """
redis.set {
  key = "kv:short-lived"
  data = "here for a second"
  ttl = 1
}
redis.get { key = "kv:short-lived" } as $before
util.sleep { value = 1.5 }
redis.get { key = "kv:short-lived" } as $after
{ before: $before, after: $after }
"""),
    ("md", "A negative ttl is refused before Redis ever sees it:"),
    ("code", """
%% tags: raises-exception
redis.set {
  key = "kv:broken"
  data = 1
  ttl = -5
}
"""),
    ("md", "`redis.keys` lists key names matching a pattern (`*` matches anything):"),
    ("code", """
redis.keys { search = "kv:*" } as $names
"""),
    ("md", """
The `%redis keys` magic shows the same keys with what each holds, its ttl (`—` when it
never expires) and its value, a page at a time (`--page 2`, `--limit 10`):
"""),
    ("code", "%redis keys kv:*"),
]

COUNTERS = [
    ("md", """
# Counters with `redis.incr` and `redis.decr`

A counter needs no set-up: incrementing a key that does not exist starts it at 0.
The examples marked as the specification's come from """ + SPEC + """.
"""),
    ("code", """
%reset
%redis del page_views --yes
%redis del inventory:item-123 --yes
%redis del count:* --yes
"""),
    ("md", "The counters example of the specification:"),
    ("code", """
# Increment
redis.incr {
  key = "page_views"
  by = 1
} as $new_count

# Decrement
redis.decr {
  key = "inventory:item-123"
  by = 1
} as $new_count
"""),
    ("code", """
redis.get { key = "page_views" } as $views
redis.get { key = "inventory:item-123" } as $stock
{ page_views: $views, stock: $stock }
"""),
    ("md", "`by` defaults to 1 and may be any integer; a decimal `by` gives a decimal counter."),
    ("code", """
redis.incr { key = "count:points" by = 10 } as $points
redis.incr { key = "count:points" } as $points
redis.decr { key = "count:points" by = 4 } as $points
"""),
    ("code", """
redis.incr { key = "count:distance" by = 2.5 } as $distance
"""),
    ("md", "A number stored with `redis.set` is a counter too:"),
    ("code", """
redis.set { key = "count:seeded" data = 41 }
redis.incr { key = "count:seeded" } as $answer
"""),
    ("md", """
## A page-view counter

A function that counts views per page and reports the total so far.
"""),
    ("code", """
function "track_view" {
  input {
    text page filters=trim|lower
  }
  stack {
    redis.incr { key = "count:views:" ~ $input.page } as $views
  }
  response = { page: $input.page, views: $views }
}
"""),
    ("code", """
function.run "track_view" { input = { page: "Home" } } as $first
function.run "track_view" { input = { page: "home " } } as $second
function.run "track_view" { input = { page: "pricing" } } as $third
[$first, $second, $third]
"""),
    ("md", "Counting on a key that holds something else is an error that says what the key holds:"),
    ("code", """
%% tags: raises-exception
redis.set { key = "count:label" data = { name: "not a number" } }
redis.incr { key = "count:label" } as $oops
"""),
]

LISTS = [
    ("md", """
# Lists and queues

A Redis list holds values in order. `push`/`pop` work at the end, `unshift`/`shift` at the
front; `range` reads a slice (both ends inclusive) and `count` gives the length.
The specification's list walkthrough below is the one of """ + SPEC + """.
"""),
    ("code", """
%reset
%redis del queue:tasks --yes
%redis del queue:priority --yes
%redis del recent:logs --yes
%redis del list:* --yes
"""),
    ("code", """
redis.push { key = "list:letters" value = "b" } as $length
redis.push { key = "list:letters" value = "c" } as $length
redis.unshift { key = "list:letters" value = "a" } as $length
redis.range { key = "list:letters" start = 0 stop = -1 } as $letters
"""),
    ("code", """
redis.range { key = "list:letters" start = -2 stop = -1 } as $last_two
"""),
    ("md", "`pop` and `shift` take one element off and return it; an empty list gives null."),
    ("code", """
redis.pop { key = "list:letters" } as $last
redis.shift { key = "list:letters" } as $first
redis.shift { key = "list:letters" } as $middle
redis.shift { key = "list:letters" } as $nothing_left
{ last: $last, first: $first, middle: $middle, nothing_left: $nothing_left }
"""),
    ("md", "`remove` deletes matching elements (`count` 0 = all of them) and says how many went."),
    ("code", """
foreach (["x", "y", "x", "z", "x"]) {
  each as $item {
    redis.push { key = "list:mixed" value = $item }
  }
}
redis.remove { key = "list:mixed" value = "x" count = 2 } as $removed
redis.range { key = "list:mixed" } as $left
{ removed: $removed, left: $left }
"""),
    ("md", """
## The specification's list walkthrough

It pushes `$task` and `$urgent_task`, which we define first.
"""),
    ("code", """
var $task { value = { id: 1, job: "resize-image" } }
var $urgent_task { value = { id: 2, job: "send-invoice" } }
foreach ([1, 2, 3]) {
  each as $n {
    redis.push { key = "recent:logs" value = "log line " ~ $n }
  }
}
"""),
    ("code", """
# Push to end
redis.push {
  key = "queue:tasks"
  value = $task
} as $length

# Push to front
redis.unshift {
  key = "queue:priority"
  value = $urgent_task
}

# Pop from end
redis.pop { key = "queue:tasks" } as $task

# Pop from front
redis.shift { key = "queue:tasks" } as $task

# Get range
redis.range {
  key = "recent:logs"
  start = 0
  stop = 9
} as $logs

# Count
redis.count { key = "queue:tasks" } as $count
"""),
    ("code", "{ length: $length, task: $task, logs: $logs, count: $count }"),
    ("md", """
Why `task: null`? The walkthrough reuses `$task`. It pushed `$task` onto the empty
`queue:tasks` (`length: 1`), then `pop` took that job back off the end into `$task`, so the
queue was empty again when `shift` ran: `shift` on an empty list gives `null`, and `as $task`
stored that `null` over the job. `count: 0` says the same. In real code, give each result its
own name (`as $last_task`, `as $first_task`).
"""),
    ("md", """
## A work queue

Producers push jobs; a worker shifts them off the front until the queue is empty.
"""),
    ("code", """
foreach (["thumbnail", "email", "report"]) {
  each as $job {
    redis.push { key = "list:jobs" value = { job: $job } }
  }
}
redis.count { key = "list:jobs" } as $waiting
"""),
    ("code", """
var $done { value = [] }
redis.shift { key = "list:jobs" } as $next
while ($next != null) {
  each {
    debug.log { value = "working on " ~ $next.job }
    array.push $done { value = $next.job }
    redis.shift { key = "list:jobs" } as $next
  }
}
$done
"""),
]

RATE_LIMITING = [
    ("md", """
# Rate limiting

`redis.ratelimit` counts calls on a key in a fixed window of `ttl` seconds that opens with
the first call. It gives `true` while the count stays within `max`. Past the limit it
throws a `toomanyrequests` error carrying your `error` text, or, without `error`, returns
`false`.
The specification's example below is the one of """ + SPEC + """.
"""),
    ("code", """
%reset
%redis del api:127.0.0.1 --yes
%redis del limit:* --yes
"""),
    ("md", """
The specification's example, keyed on the caller's address. `$env.$remote_ip` is the
address of the client making an API request; a notebook is not a request, so the kernel
fakes one: `$env.$remote_ip` is always `"127.0.0.1"` here (the other request values are
faked too, see `docs/semantics.md`). The key is therefore `api:127.0.0.1`, the one the
set-up cell deleted, and every cell counts as the same caller.
"""),
    ("code", """
redis.ratelimit {
  key = "api:" ~ $env.$remote_ip
  max = 100
  ttl = 60
  error = "Rate limit exceeded"
} as $status
"""),
    ("md", "With a small `max` we can watch the limit arrive. Without `error` the call over the limit returns `false`:"),
    ("code", """
var $answers { value = [] }
for (5) {
  each as $i {
    redis.ratelimit { key = "limit:quiet" max = 3 ttl = 60 } as $allowed
    array.push $answers { value = $allowed }
  }
}
$answers
"""),
    ("md", "With `error`, the call over the limit is an error you can catch:"),
    ("code", """
for (3) {
  each as $i {
    try_catch {
      try {
        redis.ratelimit { key = "limit:loud" max = 2 ttl = 60 error = "Slow down" } as $ok
        debug.log { value = "call " ~ ($i + 1) ~ " allowed" }
      }
      catch {
        debug.log { value = "call " ~ ($i + 1) ~ " refused: " ~ $error.type ~ " / " ~ $error.message }
      }
    }
  }
}
"""),
    ("code", """
%% tags: raises-exception
redis.ratelimit { key = "limit:loud" max = 2 ttl = 60 error = "Slow down" } as $ok
"""),
    ("md", "## The window resets\n\nAfter `ttl` seconds the counter expires and calls are allowed again."),
    ("code", """
redis.ratelimit { key = "limit:short" max = 1 ttl = 1 } as $first
redis.ratelimit { key = "limit:short" max = 1 ttl = 1 } as $second
util.sleep { value = 1.5 }
redis.ratelimit { key = "limit:short" max = 1 ttl = 1 } as $after_window
{ first: $first, second: $second, after_window: $after_window }
"""),
    ("md", "The counter lives at the key itself, so deleting the key resets the limit at once:"),
    ("code", """
redis.del { key = "limit:loud" }
redis.ratelimit { key = "limit:loud" max = 2 ttl = 60 error = "Slow down" } as $again
"""),
]

PATTERNS = [
    ("md", """
# Patterns: session caching, response caching, queues

The three patterns ("Common Patterns") of the redis specification, """ + SPEC + """,
run as written. They read `$input`,
`$env`, a `product` table and a few variables, which the set-up cells provide.
"""),
    ("code", """
%reset
%input {"token": "tok-42", "category": "books"}
%env RESEND_API_KEY=re_test_key
"""),
    ("code", """
redis.del { key = "session:tok-42" }
redis.del { key = "cache:products:books" }
redis.del { key = "queue:emails" }
var $token { value = $input.token }
var $user { value = { id: 7, role: "admin", email: "ada@example.com" } }
var $message { value = "Thanks for joining!" }
"""),
    ("code", """
table "product" {
  schema {
    int id
    text name
    text category
    decimal price
  }
}
"""),
    ("code", """
db.add "product" { data = { name: "Dune", category: "books", price: 9.5 } } as $p1
db.add "product" { data = { name: "Emma", category: "books", price: 7.25 } } as $p2
db.add "product" { data = { name: "Lamp", category: "home", price: 30 } } as $p3
db.query "product" { sort = { name: "asc" } } as $all
"""),
    ("md", "## Session caching"),
    ("code", """
// Store session
redis.set {
  key = "session:" ~ $token
  data = { user_id: $user.id, role: $user.role }
  ttl = 86400  // 24 hours
}

// Retrieve session
redis.get { key = "session:" ~ $input.token } as $session

precondition ($session != null) {
  error_type = "accessdenied"
  error = "Invalid session"
}
"""),
    ("code", "$session"),
    ("md", "When the session is gone, the same check refuses access:"),
    ("code", """
%% tags: raises-exception
redis.del { key = "session:" ~ $token }
redis.get { key = "session:" ~ $input.token } as $session
precondition ($session != null) {
  error_type = "accessdenied"
  error = "Invalid session"
}
"""),
    ("md", """
## API response caching

The first run reads the database and fills the cache; the second is served from Redis.
"""),
    ("code", """
// Check cache first
redis.get { key = "cache:products:" ~ $input.category } as $cached

conditional {
  if ($cached != null) {
    var $products { value = $cached }
  }
  else {
    // Fetch from database
    db.query "product" {
      where = $db.product.category == $input.category
    } as $products

    // Cache for 5 minutes
    redis.set {
      key = "cache:products:" ~ $input.category
      data = $products
      ttl = 300
    }
  }
}
"""),
    ("code", """
{ served_from_cache: $cached != null, names: $products|map:$$.name }
"""),
    ("code", """
redis.get { key = "cache:products:" ~ $input.category } as $cached
conditional {
  if ($cached != null) {
    var $products { value = $cached }
  }
}
{ served_from_cache: $cached != null, names: $products|map:$$.name }
"""),
    ("md", "## Queue processing\n\nOne cell adds a message to the queue, a task-like cell takes it off and sends it."),
    ("code", """
// Add to queue
redis.push {
  key = "queue:emails"
  value = { to: $user.email, subject: "Welcome", body: $message }
}

// Process queue (in a task)
redis.shift { key = "queue:emails" } as $email

conditional {
  if ($email != null) {
    util.send_email {
      service_provider = "resend"
      api_key = $env.RESEND_API_KEY
      to = $email.to
      from = "noreply@example.com"
      subject = $email.subject
      message = $email.body
    }
  }
}
"""),
    ("md", "The kernel never sends mail: `%outbox` shows what would have gone out."),
    ("code", "%outbox"),
]

TUTORIALS = {
    "01-getting-started": GETTING_STARTED,
    "02-key-value-and-ttl": KEY_VALUE,
    "03-counters": COUNTERS,
    "04-lists-and-queues": LISTS,
    "05-rate-limiting": RATE_LIMITING,
    "06-patterns": PATTERNS,
    "07-exported-workspace": EXPORTED_WORKSPACE,
}
