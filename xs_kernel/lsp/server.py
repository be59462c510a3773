"""``xs lsp``: the XanoScript language server (pygls, stdio).

Thin wiring from LSP messages to ``features`` and ``analysis``: positions are converted
between the client's units (UTF-16 unless negotiated otherwise) and code points here and
nowhere else. Diagnostics are published shortly after the last edit (debounced), so a
burst of keystrokes costs one analysis.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..registry import load_builtins
from ..source import Span
from . import features
from .analysis import ERROR, Analyser, Problem

DEBOUNCE_SECONDS = 0.04
_SYMBOL_KINDS = {
    "function": lsp.SymbolKind.Function, "query": lsp.SymbolKind.Method,
    "table": lsp.SymbolKind.Struct, "task": lsp.SymbolKind.Event,
    "tool": lsp.SymbolKind.Function, "middleware": lsp.SymbolKind.Interface,
    "variable": lsp.SymbolKind.Variable,
}
_COMPLETION_KINDS = {
    "statement": lsp.CompletionItemKind.Function, "keyword": lsp.CompletionItemKind.Keyword,
    "attribute": lsp.CompletionItemKind.Property, "filter": lsp.CompletionItemKind.Method,
    "variable": lsp.CompletionItemKind.Variable, "key": lsp.CompletionItemKind.Field,
    "magic": lsp.CompletionItemKind.Snippet,
}


class XanoScriptServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("xs-lsp", __version__)
        self.analyser = Analyser(load_builtins())
        self.pending: dict[str, asyncio.Task[None]] = {}

    # -- positions: client units <-> code points

    def lines(self, uri: str) -> list[str]:
        return list(self.workspace.get_text_document(uri).lines)

    def to_points(self, uri: str, position: lsp.Position) -> tuple[str, int, int]:
        document = self.workspace.get_text_document(uri)
        point = self.workspace.position_codec.position_from_client_units(
            list(document.lines), position)
        return document.source, point.line, point.character

    def to_range(self, lines: list[str], span: Span) -> lsp.Range:
        server = lsp.Range(lsp.Position(max(span.line - 1, 0), max(span.column - 1, 0)),
                           lsp.Position(max(span.end_line - 1, 0), max(span.end_column - 1, 0)))
        return self.workspace.position_codec.range_to_client_units(lines, server)

    def folder(self) -> Path | None:
        root = self.workspace.root_path
        return Path(root) if root else None

    # -- diagnostics

    def schedule(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.ensure_future(self._publish_later(uri))

    async def _publish_later(self, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        self.pending.pop(uri, None)
        self.publish(uri)

    def publish(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        lines = list(document.lines)
        diagnostics = [self.diagnostic(lines, p) for p in self.analyser.problems(document.source)]
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=document.version))

    def diagnostic(self, lines: list[str], problem: Problem) -> lsp.Diagnostic:
        severity = (lsp.DiagnosticSeverity.Error if problem.severity == ERROR
                    else lsp.DiagnosticSeverity.Warning)
        return lsp.Diagnostic(range=self.to_range(lines, problem.span), message=problem.text,
                              severity=severity, source="xanoscript")


server = XanoScriptServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: XanoScriptServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: XanoScriptServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: XanoScriptServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION,
                lsp.CompletionOptions(trigger_characters=[".", "|", "$", "%"]))
def completion(ls: XanoScriptServer, params: lsp.CompletionParams) -> lsp.CompletionList:
    text, line, column = ls.to_points(params.text_document.uri, params.position)
    reply = features.completions(text, line, column, ls.analyser)
    start = features.offset(text, line, column) - reply["cursor_start"]
    edit_range = lsp.Range(lsp.Position(params.position.line, params.position.character - start),
                           params.position)
    items = [lsp.CompletionItem(
        label=m["text"], kind=_COMPLETION_KINDS.get(m["type"]), detail=m["signature"] or None,
        text_edit=lsp.TextEdit(edit_range, m["text"]))
        for m in reply["metadata"]["_jupyter_types_experimental"]]
    return lsp.CompletionList(is_incomplete=False, items=items)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: XanoScriptServer, params: lsp.HoverParams) -> lsp.Hover | None:
    text, line, column = ls.to_points(params.text_document.uri, params.position)
    found = features.hover(text, line, column, ls.analyser)
    if found is None:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.PlainText, value=found))


@server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(ls: XanoScriptServer,
                     params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
    uri = params.text_document.uri
    lines = ls.lines(uri)
    text = ls.workspace.get_text_document(uri).source
    return [_symbol(ls, lines, s) for s in features.symbols(text, ls.analyser)]


def _symbol(ls: XanoScriptServer, lines: list[str], symbol: features.Symbol) -> lsp.DocumentSymbol:
    where = ls.to_range(lines, symbol.span)
    return lsp.DocumentSymbol(
        name=symbol.name, detail=symbol.kind, range=where, selection_range=where,
        kind=_SYMBOL_KINDS.get(symbol.kind, lsp.SymbolKind.Object),
        children=[_symbol(ls, lines, child) for child in symbol.children])


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
def definition(ls: XanoScriptServer, params: lsp.DefinitionParams) -> lsp.Location | None:
    uri = params.text_document.uri
    text, line, column = ls.to_points(uri, params.position)
    found = features.definition(text, line, column, ls.analyser, ls.folder())
    if found is None:
        return None
    if found.path is None:
        return lsp.Location(uri, ls.to_range(ls.lines(uri), found.span))
    target = found.path.resolve().as_uri()
    return lsp.Location(target, ls.to_range(ls.lines(target), found.span))


def main(argv: Any = None) -> int:
    """Serve LSP on stdin/stdout until the client says exit."""
    server.start_io()
    return 0

