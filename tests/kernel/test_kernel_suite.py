"""The standard jupyter_kernel_test suite, filled in with XanoScript samples.

Imported as a module (``jkt``) so pytest does not also collect the base class and run it
against python3.
"""

from __future__ import annotations

import pytest

import jupyter_kernel_test as jkt

pytestmark = pytest.mark.kernel


class TestXanoScriptKernel(jkt.KernelTests):
    kernel_name = "xanoscript"
    language_name = "xanoscript"
    file_extension = ".xs"

    code_hello_world = 'debug.log { value = "hello, world" }'
    code_stderr = "%time\nvar $t { value = 1 }"  # %time reports on stderr
    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"a" ~ "b"', "result": '"ab"'},
        {"code": "null", "result": "null"},
        {"code": '[1, "x"]', "result": '0) 1\n1) "x"'},
        {"code": '{name: "Ann"}', "result": '<div class="xs-result"><table class="xs-table">'
         '<thead><tr><th>key</th><th>value</th></tr></thead><tbody><tr><th>name</th>'
         '<td>Ann</td></tr></tbody></table></div>', "mime": "text/html"},
    ]
    code_display_data = [
        {"code": '%display [{id: 1, name: "Ann"}, {id: 2}]', "mime": "text/html"},
        {"code": '%display {ok: true}', "mime": "text/plain"},
    ]
    completion_samples = [
        {"text": "redis.inc", "matches": {"redis.incr"}},
        {"text": "%lsm", "matches": {"%lsmagic"}},
        {"text": 'redis.set {\n  key = "k"\n  tt', "matches": {"ttl"}},
        {"text": 'var $x { value = "a"|upp', "matches": {"upper"}},
    ]
    complete_code_samples = [
        'var $x { value = 1 }',
        '%vars',
        'redis.get { key = "a" } as $v',
        'var $s { value = 10 % 3 }',
    ]
    incomplete_code_samples = [
        "var $x {",
        'redis.set {\n  key = "a"',
        "var $list { value = [1,\n 2",
        '%input {\n  "id": 1',
    ]
    invalid_code_samples = [
        "}",
        "var $x { value = 1 }\n}",
    ]
    code_generate_error = 'throw { name = "Oops", value = "boom" }'
    code_inspect_sample = "redis.set"
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "1 + *"  # one distinct input of code_execute_result

    def test_xanoscript_error_carries_the_caret(self) -> None:
        self.flush_channels()
        reply, outputs = self.execute_helper(code='var $a { value = 1 }\nvar $b { value = $a|nosuch }')
        assert reply["content"]["status"] == "error"
        (error,) = outputs
        tb = error["content"]["traceback"]
        assert tb[1] == "  at <cell %d>, line 2, column 22" % reply["content"]["execution_count"] \
            or tb[1].startswith("  at <cell")
        assert any(line.strip().startswith("^") for line in tb)
