"""jupyter-lsp finds `xs lsp` through its entry point, and the spec it reads is valid."""

from __future__ import annotations

import subprocess

from jupyter_lsp import LanguageServerManager

from xs_kernel.kernel import XanoScriptKernel


def test_jupyter_lsp_discovers_the_xanoscript_server() -> None:
    manager = LanguageServerManager()
    manager.initialize()
    spec = manager.language_servers["xanoscript-lsp"]
    info = XanoScriptKernel.language_info
    assert info["name"] in spec["languages"]
    assert info["mimetype"] in spec["mime_types"]


def test_the_spec_command_starts_a_server_that_answers_initialize() -> None:
    manager = LanguageServerManager()
    manager.initialize()
    argv = manager.language_servers["xanoscript-lsp"]["argv"]
    body = b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    request = b"Content-Length: %d\r\n\r\n" % len(body) + body
    exit_body = b'{"jsonrpc":"2.0","method":"exit"}'
    request += b"Content-Length: %d\r\n\r\n" % len(exit_body) + exit_body
    done = subprocess.run(argv, input=request, capture_output=True, timeout=60)
    assert b'"completionProvider"' in done.stdout and b'"hoverProvider"' in done.stdout
