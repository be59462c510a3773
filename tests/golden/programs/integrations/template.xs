// util.template_engine renders Twig (on Jinja2's sandbox).
var $name { value = "Ada" }
var $items { value = [{title: "tea"}, {title: "cake"}] }
util.template_engine {
  value = """
    Hello {{ $var.name }}!{% for item in $var.items %} [{{ loop.index }} {{ item.title|upper }}]{% endfor %}
    """
} as $text
debug.log { value = $text|trim }
// expect: Hello Ada! [1 TEA] [2 CAKE]
