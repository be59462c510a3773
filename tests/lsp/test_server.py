"""``xs lsp`` over stdio, driven by pygls' own language client as an editor would.

(pygls' client rather than pytest-lsp: pytest-lsp's runtest hook breaks nbval's cells.)
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pygls.lsp.client import LanguageClient

BAD = 'var $n { value = 1 }\nredis.set { key = "k" data = $n bogus = 2 }\n'
GOOD = 'function "double" {\n  input { int x }\n  stack { var $y { value = $input.x * 2 } }\n  response = $y\n}\n'


class EditorClient(LanguageClient):
    """A client that keeps the diagnostics the server publishes, per document."""

    def __init__(self, root: Path) -> None:
        super().__init__("xs-lsp-test", "1")
        self.root = root
        self.diagnostics: dict[str, asyncio.Queue[list[types.Diagnostic]]] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.queue(params.uri).put_nowait(list(params.diagnostics))

    def queue(self, uri: str) -> asyncio.Queue[list[types.Diagnostic]]:
        return self.diagnostics.setdefault(uri, asyncio.Queue())


@pytest_asyncio.fixture
async def client(tmp_path: Path):
    (tmp_path / "functions").mkdir()
    (tmp_path / "functions" / "double.xs").write_text(GOOD, encoding="utf-8")
    editor = EditorClient(tmp_path)
    await editor.start_io(sys.executable, "-m", "xs_kernel.cli", "lsp")
    await editor.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri()))
    editor.initialized(types.InitializedParams())
    yield editor
    await asyncio.wait_for(editor.shutdown_async(None), 10)
    editor.exit(None)
    await editor.stop()


def _open(client: EditorClient, name: str, text: str) -> str:
    uri = (client.root / name).as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="xanoscript", version=1, text=text)))
    return uri


async def _diagnostics(client: EditorClient, uri: str) -> list[types.Diagnostic]:
    return await asyncio.wait_for(client.queue(uri).get(), 20)


@pytest.mark.asyncio
async def test_diagnostics_on_a_bad_file_then_cleared_by_an_edit(client: EditorClient) -> None:
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
async def test_positions_are_utf16_for_the_client(client: EditorClient) -> None:
    uri = _open(client, "wide.xs", 'var $s { value = "😀" }\nvar $t { value = $s|nosuch }\n')
    (diagnostic,) = await _diagnostics(client, uri)
    assert diagnostic.range.start == types.Position(1, 19)
    uri = _open(client, "wide2.xs", 'var $s { value = "😀" } var $t { value = 1|nosuch }\n')
    (diagnostic,) = await _diagnostics(client, uri)
    assert diagnostic.range.start.character == 42  # `|` is code point 41; the emoji is two units


@pytest.mark.asyncio
async def test_completion_after_redis_dot_and_after_a_bar(client: EditorClient) -> None:
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
async def test_hover_on_redis_set(client: EditorClient) -> None:
    uri = _open(client, "hover.xs", 'redis.set { key = "k" data = 1 }\n')
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(0, 4)))
    assert hover is not None and hover.contents.value.startswith("redis.set {")
    assert "ttl" in hover.contents.value


@pytest.mark.asyncio
async def test_document_symbols(client: EditorClient) -> None:
    uri = _open(client, "symbols.xs", GOOD + 'var $top { value = 1 }\n')
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri)))
    assert [(s.name, s.kind) for s in found] == [
        ("double", types.SymbolKind.Function), ("$top", types.SymbolKind.Variable)]
    assert [c.name for c in found[0].children] == ["$y"]
    assert found[0].range.end.line == 4


@pytest.mark.asyncio
async def test_go_to_definition_across_the_workspace(client: EditorClient) -> None:
    uri = _open(client, "caller.xs", 'function.run "double" {\n  input = {x: 2}\n} as $four\n')
    found = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), types.Position(0, 16)))
    assert isinstance(found, types.Location)
    assert Path(found.uri.removeprefix("file://")).name == "double.xs"
    assert found.range.start == types.Position(0, 0)
