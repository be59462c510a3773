"""``xs lsp`` over stdio, driven by pytest-lsp's client as an editor would."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

BAD = 'var $n { value = 1 }\nredis.set { key = "k" data = $n bogus = 2 }\n'
GOOD = 'function "double" {\n  input { int x }\n  stack { var $y { value = $input.x * 2 } }\n  response = $y\n}\n'


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "xs_kernel.cli", "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    (root / "functions").mkdir()
    (root / "functions" / "double.xs").write_text(GOOD, encoding="utf-8")
    lsp_client.root = root
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=root.as_uri()))
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, name: str, text: str) -> str:
    uri = (client.root / name).as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="xanoscript", version=1, text=text)))
    return uri


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    while uri not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics.pop(uri))


@pytest.mark.asyncio
async def test_diagnostics_on_a_bad_file_then_cleared_by_an_edit(client: LanguageClient) -> None:
    uri = _open(client, "bad.xs", BAD)
    (diagnostic,) = await _diagnostics(client, uri)
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert "has no attribute `bogus`" in diagnostic.message
    assert (diagnostic.range.start.line, diagnostic.range.start.character) == (1, 32)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [types.TextDocumentContentChangeWholeDocument(text=BAD.replace(" bogus = 2", ""))]))
    assert await _diagnostics(client, uri) == []


@pytest.mark.asyncio
async def test_positions_are_utf16_for_the_client(client: LanguageClient) -> None:
    uri = _open(client, "wide.xs", 'var $s { value = "😀" }\nvar $t { value = $s|nosuch }\n')
    (diagnostic,) = await _diagnostics(client, uri)
    assert diagnostic.range.start == types.Position(1, 19)
    uri = _open(client, "wide2.xs", 'var $s { value = "😀" } var $t { value = 1|nosuch }\n')
    (diagnostic,) = await _diagnostics(client, uri)
    assert diagnostic.range.start.character == 42  # `|` is code point 41; the emoji is two units


@pytest.mark.asyncio
async def test_completion_after_redis_dot_and_after_a_bar(client: LanguageClient) -> None:
    uri = _open(client, "complete.xs", 'redis.\nvar $a { value = "x"|up }\n')
    result = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(uri), types.Position(0, 6)))
    labels = {item.label for item in result.items}
    assert {"redis.set", "redis.get", "redis.ratelimit"} <= labels
    assert not any(label.startswith("db.") for label in labels)
    result = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(uri), types.Position(1, 23)))
    upper = next(item for item in result.items if item.label == "upper")
    assert upper.kind == types.CompletionItemKind.Method
    assert upper.text_edit.range.start == types.Position(1, 21)


@pytest.mark.asyncio
async def test_hover_on_redis_set(client: LanguageClient) -> None:
    uri = _open(client, "hover.xs", 'redis.set { key = "k" data = 1 }\n')
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(0, 4)))
    assert hover is not None and hover.contents.value.startswith("redis.set {")
    assert "ttl" in hover.contents.value


@pytest.mark.asyncio
async def test_document_symbols(client: LanguageClient) -> None:
    uri = _open(client, "symbols.xs", GOOD + 'var $top { value = 1 }\n')
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri)))
    assert [(s.name, s.kind) for s in found] == [
        ("double", types.SymbolKind.Function), ("$top", types.SymbolKind.Variable)]
    assert [c.name for c in found[0].children] == ["$y"]
    assert found[0].range.end.line == 4


@pytest.mark.asyncio
async def test_go_to_definition_across_the_workspace(client: LanguageClient) -> None:
    uri = _open(client, "caller.xs", 'function.run "double" {\n  input = {x: 2}\n} as $four\n')
    found = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), types.Position(0, 16)))
    assert isinstance(found, types.Location)
    assert Path(found.uri.removeprefix("file://")).name == "double.xs"
    assert found.range.start == types.Position(0, 0)
