"""util.template_engine (Twig on Jinja2's sandbox), storage.* on the session folder,
the cryptography-backed security.* and the unsupported cloud.*/ai.* statements."""

from __future__ import annotations

import base64

import pytest

from xs_kernel.namespaces.template import twig_to_jinja
from xs_kernel.registry import load_builtins
from xs_kernel.session import Session


def ok(session: Session, code: str) -> None:
    outcome = session.run(code)
    assert outcome.error is None, outcome.error


@pytest.mark.parametrize("twig, expected", [
    ("Hi {{ $var.name }}", "Hi Ada"),
    ("Hi {{ $name|upper }}", "Hi ADA"),
    ("{{ $input.q ~ '!' }}", "x!"),
    ("{% for i in 1..3 %}{{ i }}{% endfor %}", "123"),
    ("{% for k, v in $var.obj %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;"),
    ("{% for x in $var.items %}{{ loop.index }}:{{ x.n }} {% endfor %}", "1:1 2:2 "),
    ("{{ $var.items|length }} {{ $missing|default('none') }}", "2 none"),
    ("{{ $var.obj|json_encode|raw }}", '{"a":1,"b":2}'),
    ("{{ '$name' }}", "$name"),
    ("{% if $var.items is empty %}e{% else %}f{% endif %}", "f"),
    ("{% apply upper %}hi{% endapply %}", "HI"),
    ("{{ 'a-b'|replace({'-': '+'}) }}", "a+b"),
    ("{{ 1234.5|number_format(1) }}", "1,234.5"),
])
def test_twig_templates_render(twig: str, expected: str) -> None:
    session = Session()
    session.set_root("input", {"q": "x"})
    ok(session, 'var $name { value = "Ada" }\nvar $obj { value = {a: 1, b: 2} }\n'
                'var $items { value = [{n: 1}, {n: 2}] }')
    session.variables["tpl"] = twig
    ok(session, "util.template_engine { value = $tpl } as $out")
    assert session.variables["out"] == expected


def test_dollar_names_are_rewritten_only_inside_tags() -> None:
    assert twig_to_jinja("$x {{ $x }} {% if $input.a %}") == "$x {{ var.x }} {% if input.a %}"


@pytest.mark.parametrize("twig, kind", [
    ("{{ 1 / 0 }}", "standard"),
    ("{% for x in %}", "inputerror"),
    ("{{ x.y( }}", "inputerror"),
])
def test_bad_templates_are_errors_and_the_session_goes_on(twig: str, kind: str) -> None:
    session = Session()
    session.variables["tpl"] = twig
    outcome = session.run("util.template_engine { value = $tpl } as $out")
    assert outcome.error is not None and outcome.error.type == kind
    assert "util.template_engine" in outcome.error.message
    ok(session, "util.template_engine { value = 'ok' } as $out")


@pytest.mark.parametrize("twig", [
    "{{ ''.__class__.__mro__ }}",
    "{{ range.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ $var.__class__ }}",
])
def test_the_sandbox_reaches_no_python_internals(twig: str) -> None:
    session = Session()
    session.variables["tpl"] = twig
    outcome = session.run("util.template_engine { value = $tpl } as $out")
    if outcome.error is None:
        assert session.variables["out"] == ""
    else:
        assert outcome.error.type in ("accessdenied", "standard")


def test_twig_printing_of_null_booleans_and_arrays() -> None:
    session = Session()
    ok(session, 'var $l { value = [1, 2] }\nutil.template_engine {\n'
                '  value = "{{ $nothing }}|{{ true }}|{{ false }}|{{ $l }}|{{ $l|slice(1, 1)|join }}"\n'
                '} as $out')
    assert session.variables["out"] == "|1||[1,2]|2"


def test_a_file_resource_is_stored_signed_read_and_deleted() -> None:
    session = Session()
    ok(session, 'storage.create_file_resource { filename = "r.csv" filedata = "a,b" } as $res\n'
                'storage.create_attachment {\n  value = $res\n  access = "private"\n'
                '  filename = "report.csv"\n} as $file\n'
                'storage.read_file_resource { value = $file } as $content\n'
                'storage.sign_private_url { pathname = $file.path ttl = 60 } as $url')
    stored = session.variables["file"]
    assert {k: stored[k] for k in ("access", "name", "type", "size", "mime", "meta")} == {
        "access": "private", "name": "report.csv", "type": "attachment", "size": 3,
        "mime": "text/csv", "meta": {"validated": False}}
    assert stored["path"].startswith("/vault/") and stored["path"].endswith("/report.csv")
    assert session.variables["content"]["data"] == "a,b"
    assert stored["path"] + "?expires=" in session.variables["url"]
    ok(session, "storage.delete_file { pathname = $file.path }")
    outcome = session.run("storage.read_file_resource { value = $file } as $again")
    assert outcome.error is not None and outcome.error.type == "notfound"


def test_create_image_reads_png_size_and_refuses_other_extensions() -> None:
    session = Session()
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x03\x00\x00\x00\x02"
    session.variables["png"] = base64.b64encode(header).decode()
    ok(session, 'storage.create_file_resource {\n  filename = "a.png"\n'
                '  filedata = $png|base64_decode\n} as $res\n'
                'storage.create_image { value = $res access = "public" } as $img')
    assert session.variables["img"]["meta"]["width"] == 3
    outcome = session.run('storage.create_image { value = $res filename = "a.pdf" } as $x')
    assert outcome.error is not None and outcome.error.message == "Invalid file extension."


def test_an_empty_filename_keeps_the_value_name() -> None:
    """Xano's editor writes `filename = ""` for "the uploaded file's own name"."""
    session = Session()
    ok(session, 'storage.create_file_resource { filename = "r.csv" filedata = "a,b" } as $res\n'
                'storage.create_attachment { value = $res access = "public" filename = "" }'
                ' as $file')
    assert session.variables["file"]["name"] == "r.csv"


@pytest.mark.parametrize("code, kind", [
    ('storage.create_attachment { value = "text" access = "public" } as $x', "inputerror"),
    ('storage.create_attachment { value = $res access = "open" } as $x', "inputerror"),
    ('storage.sign_private_url { pathname = "/../../etc/passwd" } as $x', "accessdenied"),
    ('storage.delete_file { pathname = "/vault/none/x.txt" }', "notfound"),
    ('storage.create_file_resource { filename = "" filedata = "x" } as $x', "inputerror"),
])
def test_bad_storage_input_is_a_clear_error(code: str, kind: str) -> None:
    session = Session()
    ok(session, 'storage.create_file_resource { filename = "a.txt" filedata = "x" } as $res')
    outcome = session.run(code)
    assert outcome.error is not None and outcome.error.type == kind


def test_keys_and_aes_round_trip() -> None:
    session = Session()
    ok(session, 'security.create_rsa_key { bits = 2048 } as $rsa\n'
                'security.create_curve_key { curve = "P-384" } as $ec\n'
                'security.create_secret_key { bits = 128 } as $sk\n'
                'security.create_rsa_key { format = "pem" } as $pem\n'
                'var $k { value = "0123456789abcdef0123456789abcdef" }\n'
                'security.encrypt { data = "hello" algorithm = "aes-256-cbc" key = $k '
                'iv = "0123456789abcdef" } as $enc\n'
                'security.decrypt { data = $enc algorithm = "aes-256-cbc" key = $k '
                'iv = "0123456789abcdef" } as $dec\n'
                'security.encrypt { data = "hi" algorithm = "aes-256-gcm" key = $k '
                'iv = "0123456789ab" } as $g\n'
                'security.decrypt { data = $g algorithm = "aes-256-gcm" key = $k '
                'iv = "0123456789ab" } as $gd')
    v = session.variables
    assert v["rsa"]["kty"] == "RSA" and v["rsa"]["e"] == "AQAB"
    assert v["ec"]["crv"] == "P-384" and len(v["ec"]["x"]) == 64
    assert v["sk"]["kty"] == "oct" and len(v["sk"]["k"]) == 22
    assert v["pem"].startswith("-----BEGIN PRIVATE KEY-----")
    assert v["dec"] == "hello" and v["gd"] == "hi" and v["enc"] != "hello"


@pytest.mark.parametrize("code", [
    'security.create_rsa_key { bits = 1000 } as $x',
    'security.create_curve_key { curve = "P-1" } as $x',
    'security.encrypt { data = "a" algorithm = "rot13" key = "k" iv = "i" } as $x',
    'security.encrypt { data = "a" algorithm = "aes-256-cbc" key = "short" '
    'iv = "0123456789abcdef" } as $x',
    'security.decrypt { data = "bm90IGNpcGhlcg==" algorithm = "aes-128-cbc" '
    'key = "0123456789abcdef" iv = "0123456789abcdef" } as $x',
])
def test_bad_security_input_is_an_input_error(code: str) -> None:
    outcome = Session().run(code)
    assert outcome.error is not None and outcome.error.type == "inputerror"


def test_unsupported_statements_parse_and_fail_only_when_reached() -> None:
    session = Session()
    outcome = session.run('var $before { value = 1 }\n'
                          'conditional {\n  if (false) {\n'
                          '    cloud.aws.s3.read_file {\n      bucket = "b"\n'
                          '      file_key = "k"\n    } as $never\n  }\n}\n'
                          'var $after { value = 2 }\n'
                          'ai.agent.run "helper" {\n  args = {}\n} as $reply')
    assert outcome.error is not None and outcome.error.type == "unsupported"
    assert "`ai.agent.run` is not supported" in outcome.error.message
    assert "AI model provider" in outcome.error.message
    assert session.variables["after"] == 2
    assert outcome.error.as_value()["status"] == 501


def test_every_unsupported_statement_has_help_text() -> None:
    registry = load_builtins()
    for name in ("cloud.elasticsearch.query", "cloud.elasticsearch.document", "ai.agent.run",
                 "cloud.google.storage.upload_file"):
        assert "Not supported here" in registry.function(name).doc


@pytest.mark.parametrize("prefix, name", [
    ("api.lam", "api.lambda"), ("util.templ", "util.template_engine"),
    ("storage.create_a", "storage.create_attachment"), ("security.create_r", "security.create_rsa_key"),
    ("cloud.elasticsearch.q", "cloud.elasticsearch.query"),
])
def test_new_statements_complete_and_have_shift_tab_help(prefix: str, name: str) -> None:
    from xs_kernel.completion import complete, inspect

    registry = load_builtins()
    assert name in complete(prefix, None, registry, {})["matches"]
    reply = inspect(name + " {", len(name) - 1, registry, {})
    assert reply["found"] and registry.function(name).doc.split("\n")[0] in (
        reply["data"]["text/plain"])


@pytest.mark.parametrize("name", ["lambda_map", "lambda_reduce"])
def test_lambda_filters_have_shift_tab_help(name: str) -> None:
    from xs_kernel.completion import inspect

    registry = load_builtins()
    code = f'$a|{name}'
    reply = inspect(code, len(code), registry, {})
    assert reply["found"] and "JavaScript" in reply["data"]["text/plain"]
