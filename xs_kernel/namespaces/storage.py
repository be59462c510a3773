"""``storage.*``: Xano's file vault, on a local folder per session.

Files live under a temporary folder made on first use (``XS_STORAGE_DIR`` chooses another):
``create_file_resource`` writes generated data as a file resource; ``create_attachment`` /
``create_image`` store a resource (or an earlier stored file) in the vault and return the
documented stored-file object ``{access, path, name, type, size, mime, meta}``;
``sign_private_url`` signs a vault path with the session's secret; ``read_file_resource``
reads one back; ``delete_file`` removes one. Paths never leave the session's folder.
Imports the registry, ``values`` and ``errors``; never the interpreter.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import mimetypes
import os
import struct
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from ..errors import XsError
from ..registry import Call, Param, builtin
from ..values import BinaryText, to_json, type_name

_IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
_KINDS = {"image": "image", "video": "video", "audio": "audio", "application/pdf": "pdf"}


def folder(call: Call) -> Path:
    """The session's storage folder, made on first use."""
    root = getattr(call.services, "storage_dir", None)
    if root is None:
        root = Path(os.environ.get("XS_STORAGE_DIR") or tempfile.mkdtemp(prefix="xs-storage-"))
        root.mkdir(parents=True, exist_ok=True)
        call.services.storage_dir = root
    return Path(root)


def _inside(call: Call, pathname: Any, owner: str) -> Path:
    if not isinstance(pathname, str) or not pathname.strip("/"):
        raise XsError("inputerror", f"{owner}: `pathname` must be a stored file's .path",
                      payload={"param": "pathname"})
    root = folder(call).resolve()
    path = (root / pathname.lstrip("/")).resolve()
    if root not in path.parents:
        raise XsError("accessdenied", f"{owner}: {pathname!r} is outside the file storage")
    return path


def _bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, BinaryText):  # bytes from |base64_decode, |hex2bin...
        return value.encode("latin-1")
    if isinstance(value, str):
        return value.encode("utf-8")
    return to_json(value).encode("utf-8")


def _safe_name(name: Any, owner: str) -> str:
    text = os.path.basename(str(name or "").replace("\\", "/"))
    if not text or text in (".", ".."):
        raise XsError("inputerror", f"{owner}: `filename` must be a file name, got {name!r}",
                      payload={"param": "filename"})
    return text


def _describe(name: str, data: bytes) -> dict[str, Any]:
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    kind = _KINDS.get(mime, _KINDS.get(mime.split("/")[0], "attachment"))
    return {"name": name, "type": kind, "size": len(data), "mime": mime}


def _source(call: Call, value: Any, owner: str) -> tuple[str, bytes]:
    """The name and bytes of a file resource or a stored file."""
    if isinstance(value, dict) and isinstance(value.get("path"), str):
        path = _inside(call, value["path"], owner)
        if not path.is_file():
            raise XsError("notfound", f"{owner}: no stored file at {value['path']!r}")
        return str(value.get("name") or path.name), path.read_bytes()
    raise XsError("inputerror", f"{owner}: `value` must be a file resource (from "
                  f"storage.create_file_resource) or a stored file, got {type_name(value)}",
                  payload={"param": "value"})


@builtin("storage.create_file_resource", Param("filename", "text", required=True),
         Param("filedata", required=True, doc="the content: text, or any value as JSON"))
def storage_create_file_resource(call: Call, filename: Any = None, filedata: Any = None) -> dict:
    """Turn data made in the stack (CSV, JSON...) into a file resource.

    storage.create_file_resource { filename = "report.csv" filedata = $csv } as $file
    """
    name = _safe_name(filename, "storage.create_file_resource")
    data = _bytes(filedata)
    rel = f"/tmp/{uuid.uuid4().hex[:12]}/{name}"
    path = _inside(call, rel, "storage.create_file_resource")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return {**_describe(name, data), "path": rel}


@builtin("storage.read_file_resource", Param("value", required=True))
def storage_read_file_resource(call: Call, value: Any = None) -> dict:
    """The content of a file resource or stored file: {name, size, mime, data}.

    `data` is text when the file is UTF-8, otherwise base64.

    storage.read_file_resource { value = $file } as $content
    """
    name, data = _source(call, value, "storage.read_file_resource")
    try:
        text, encoding = data.decode("utf-8"), "text"
    except UnicodeDecodeError:
        text, encoding = base64.b64encode(data).decode("ascii"), "base64"
    described = _describe(name, data)
    return {"name": name, "size": len(data), "mime": described["mime"], "data": text,
            "encoding": encoding}


def _store(call: Call, owner: str, value: Any, access: Any, filename: Any,
           image: bool) -> dict:
    if access not in ("public", "private"):
        raise XsError("inputerror", f"{owner}: `access` must be \"public\" or \"private\", "
                      f"got {access!r}", payload={"param": "access"})
    source_name, data = _source(call, value, owner)
    name = _safe_name(filename if filename not in (None, "") else source_name, owner)
    meta: dict[str, Any] = {"validated": False}
    if image:
        if name.rsplit(".", 1)[-1].lower() not in _IMAGE_EXTENSIONS:
            raise XsError("standard", "Invalid file extension.",
                          hint="storage.create_image takes JPEG, PNG, GIF and WEBP; "
                               "use storage.create_attachment for other files")
        meta.update(_image_size(data))
    rel = f"/vault/{uuid.uuid4().hex[:8]}/{name}"
    path = _inside(call, rel, owner)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    described = _describe(name, data)
    return {"access": access, "path": rel, "name": name,
            "type": "image" if image else described["type"], "size": len(data),
            "mime": described["mime"], "meta": meta}


def _image_size(data: bytes) -> dict[str, int]:
    """Width and height from a PNG or GIF header (other formats: none)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return {"width": width, "height": height}
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return {"width": width, "height": height}
    return {}


_STORE_PARAMS = (Param("value", required=True, doc="a file resource or stored file"),
                 Param("access", "text", default="public", doc="public or private"),
                 Param("filename", "text", doc="the stored name (default: the value's name)"))


@builtin("storage.create_attachment", *_STORE_PARAMS)
def storage_create_attachment(call: Call, value: Any = None, access: Any = "public",
                              filename: Any = None) -> dict:
    """Store a file of any type in the vault; returns {access, path, name, type, size,
    mime, meta}.

    storage.create_attachment { value = $file access = "private" filename = "a.pdf" } as $f
    """
    return _store(call, "storage.create_attachment", value, access, filename, image=False)


@builtin("storage.create_image", *_STORE_PARAMS)
def storage_create_image(call: Call, value: Any = None, access: Any = "public",
                         filename: Any = None) -> dict:
    """Store an image (JPEG, PNG, GIF, WEBP) in the vault; meta has width and height.

    storage.create_image { value = $file access = "public" filename = "logo.png" } as $img
    """
    return _store(call, "storage.create_image", value, access, filename, image=True)


@builtin("storage.sign_private_url", Param("pathname", "text", required=True),
         Param("ttl", "int", default=60, doc="lifetime in seconds"))
def storage_sign_private_url(call: Call, pathname: Any = None, ttl: Any = 60) -> str:
    """A time-limited signed URL for a stored file (base: XS_STORAGE_URL).

    storage.sign_private_url { pathname = $file.path ttl = 300 } as $url
    """
    path = _inside(call, pathname, "storage.sign_private_url")
    if not path.is_file():
        raise XsError("notfound", f"storage.sign_private_url: no stored file at {pathname!r}")
    if ttl is None or ttl <= 0:
        raise XsError("inputerror", "storage.sign_private_url: `ttl` must be a positive "
                      "number of seconds", payload={"param": "ttl"})
    expires = int(time.time()) + int(ttl)
    message = f"{pathname}:{expires}".encode()
    signature = hmac.new(call.services.auth_secret.encode(), message, hashlib.sha256)
    base = os.environ.get("XS_STORAGE_URL", "http://localhost").rstrip("/")
    return f"{base}{pathname}?expires={expires}&signature={signature.hexdigest()[:32]}"


@builtin("storage.delete_file", Param("pathname", "text", required=True), returns=False)
def storage_delete_file(call: Call, pathname: Any = None) -> None:
    """Delete a stored file by its .path.

    storage.delete_file { pathname = $file.path }
    """
    path = _inside(call, pathname, "storage.delete_file")
    if not path.is_file():
        raise XsError("notfound", f"storage.delete_file: no stored file at {pathname!r}")
    path.unlink()
