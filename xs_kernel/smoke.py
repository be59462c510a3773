"""Running what a workspace load defined, once each, with sample inputs: ``xs load --run``.

Each function, endpoint (``query``), task and tool is invoked with an input made from its
declarations (a default when one is given, else a plain value of the declared type: 1, "a",
true, an e-mail, a uuid, the first enum value…). The outcome of one run is one of

* ``ok``: it finished;
* ``raised``: it stopped at the program's own ``precondition`` or ``throw``, or at a
  ``notfound`` for a record the empty database does not hold (with sample inputs and no
  data that is the program doing its job);
* ``error``: anything else: an unknown or unsupported statement, a runtime error.

``$auth`` is user 1 (a uuid when the workspace's auth table has uuid ids).
"""

from __future__ import annotations

import base64
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import XsError, XsInterrupt
from .fieldtypes import NO_DEFAULT, Field
from .workspace import Loaded, describe

RUNNABLE = ("function", "query", "task", "tool", "workflow_test")

_SAMPLES: dict[str, Any] = {
    "int": 1, "decimal": 1.5, "bool": True, "text": "a", "email": "user@example.com",
    "password": "Sample-passw0rd!", "uuid": "00000000-0000-4000-8000-000000000001",
    "date": "2026-01-02", "timestamp": 1767312000000, "object": {}, "json": {},
    "array": [],
}
_FILE = {"access": "public", "path": "/sample/a.txt", "name": "a.txt", "type": "file",
         "size": 1, "mime": "text/plain", "meta": {}}
_SAMPLES.update({kind: dict(_FILE, type=kind) for kind in
                 ("file", "image", "video", "audio", "attachment")})
_SAMPLES["image"] = dict(_FILE, type="image", name="a.png", mime="image/png",
                         path="/sample/a.png")


@dataclass
class Ran:
    row: Loaded
    outcome: str  # ok | raised | error
    reason: str = ""


def sample_value(field: Any) -> Any:
    """A plain value FIELD (a ``fieldtypes.Field``) accepts."""
    if not isinstance(field, Field):
        return None
    if field.default is not NO_DEFAULT:
        value = field.default_value()
        return [value] if field.is_array and value is not None and type(value) is not list \
            else value
    if field.values:
        value: Any = field.values[0]
    elif field.children is not None:
        value = {c.name: sample_value(c) for c in field.children if not c.optional}
    else:
        value = _SAMPLES.get(field.type)
        if field.type == "text":
            value = _by_name(field.name, value)
        shortest = max((int(a[0]) for n, a in field.filters if n == "min" and a
                        and isinstance(a[0], (int, float))), default=0)
        if isinstance(value, str) and field.type in ("text", "password") and shortest:
            value = (value * int(shortest))[: max(int(shortest), len(value))]
    return [value] if field.is_array and value is not None else value


# Text inputs whose name says what they hold get a value of that kind.
_NAMED_TEXT = (("timezone", "UTC"), ("tz", "UTC"), ("email", "user@example.com"),
               ("password", _SAMPLES["password"]),
               ("url", "https://example.com/"), ("date", "2026-01-02"), ("uuid", _SAMPLES["uuid"]))


def _by_name(name: str, value: Any) -> Any:
    lowered = name.lower()
    for word, sample in _NAMED_TEXT:
        if lowered == word or lowered.endswith("_" + word):
            return sample
    return value


def sample_input(definition: Any, session: Any = None) -> dict[str, Any]:
    """An input object for DEFINITION (a FunctionDef): every declared field, sampled; a
    ``dblink { table = "t" }`` gives the columns of t (but its id) that a record needs."""
    given: dict[str, Any] = {}
    for field in getattr(definition, "inputs", None) or ():
        if isinstance(field, Field):
            value = sample_value(field)
            if value is not None or not field.optional:
                given[field.name] = value
        elif hasattr(field, "table") and hasattr(field, "hidden") and session is not None:
            given.update(_linked_sample(session, field))
    return given


def _linked_sample(session: Any, link: Any) -> dict[str, Any]:
    try:
        schema = session.services.db.schema(link.table)
    except XsError:
        return {}
    return {f.name: sample_value(f) for f in schema.fields
            if f.name != "id" and f.name not in link.hidden
            and not (f.nullable and f.optional) and sample_value(f) is not None}


def _program_raised(err: XsError) -> bool:
    """Did a `precondition` or `throw` of the program raise ERR, or a write to a record
    the empty database does not hold (as Xano would)?"""
    if err.type == "notfound" and " record with " in err.message:
        return True
    span, source = err.span, err.source or ""
    if span is None or span.line <= 0:
        return False
    lines = source.splitlines()
    if span.line > len(lines):
        return False
    words = lines[span.line - 1].strip().lstrip("!")
    return words.startswith(("precondition", "throw"))


def run_one(session: Any, row: Loaded, auth: dict[str, Any] | None = None) -> Ran:
    try:
        definition = session.prepare(row.definition)
        session.invoke(row.definition, input=sample_input(definition, session),
                       auth=auth if auth is not None else {"id": 1})
    except XsInterrupt:
        raise
    except XsError as err:
        name = err.cell or row.file
        return Ran(row, "raised" if _program_raised(err) else "error", describe(name, err))
    except Exception as exc:  # a bug of ours: report it, keep going
        return Ran(row, "error", f"{row.file}: internal error: {exc}")
    return Ran(row, "ok")


def sample_auth(session: Any, rows: list[Loaded]) -> dict[str, Any]:
    """`$auth` for the runs: user 1, with an id of the type the auth table declares
    (`table user { auth = true schema { uuid id … } }` gives a uuid)."""
    for row in rows:
        if row.kind != "table" or row.status != "loaded":
            continue
        try:
            schema = session.services.db.schema(row.name)
        except XsError:
            continue
        if schema.auth:
            return {"id": sample_value(schema.id_field) if schema.id_field.type != "int" else 1}
    return {"id": 1}


_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
                        "kgAAAABJRU5ErkJggg==")


def _sample_files(session: Any) -> None:
    """The files the sample file inputs name (`/sample/a.txt`, `/sample/a.png`), in a
    storage folder of the run's own (a folder the user chose is left alone)."""
    services = session.services
    if getattr(services, "storage_dir", None) is not None or os.environ.get("XS_STORAGE_DIR"):
        return
    root = Path(tempfile.mkdtemp(prefix="xs-storage-"))
    (root / "sample").mkdir()
    (root / "sample" / "a.txt").write_bytes(b"sample\n")
    (root / "sample" / "a.png").write_bytes(_PNG)
    services.storage_dir = root


def run_loaded(session: Any, rows: list[Loaded]) -> list[Ran]:
    """Run every loaded function, endpoint, task and tool once (see module doc)."""
    _sample_files(session)
    auth = sample_auth(session, rows)
    return [run_one(session, row, auth) for row in rows
            if row.status == "loaded" and row.kind in RUNNABLE]
