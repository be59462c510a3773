"""Masking credentials in anything the kernel shows: one function, linear in its input.

``mask_credentials`` hides every password form that redis-py, libpq and SQLAlchemy accept:
the userinfo of a URL (``redis://user:secret@host``, also a password with spaces or an
``@`` in it), and ``password=`` / ``passwd=`` / ``pwd=`` / ``passfile=`` / ``sslpassword=``
/ ``sentinel_password=`` given as URL query parameters or as libpq ``key=value`` words. Errors, magic output and
excerpts of cells all pass through it. Linear on purpose: a regex that tries a scheme at
every position of a long word is quadratic (an 80 KB word once took 16 s).
"""

from __future__ import annotations

import re

MASK = "***"
_AUTHORITY_END = re.compile(r"[/?#\n]")
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
# Keys whose value is a secret, as URL query parameters or libpq conninfo words. The
# lookbehind keeps `mypassword=` (a longer name) out; each alternative is a literal, so
# the scan stays linear.
_SECRET_KEYS = re.compile(
    r"(?i)(?<![\w-])(password|passwd|pwd|passfile|sslpassword|ssl_password|"
    r"ssl_key_password|ssl_keyfile_password|sentinel_password)"
    r"(\s*=\s*)('[^'\n]*'|\"[^\"\n]*\"|[^&\s;,)]*)")


def mask_credentials(text: str) -> str:
    """TEXT with every credential replaced by ``***``."""
    if not text:
        return text
    return _SECRET_KEYS.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", _mask_userinfo(text))


def _mask_userinfo(text: str) -> str:
    out: list[str] = []
    done = 0
    start = text.find("://")
    while start >= 0:
        if _scheme_before(text, start):
            end = _userinfo_end(text, start + 3)
            if end is not None:
                colon = text.find(":", start + 3, end)
                if colon >= 0 and colon + 1 < end:
                    out.append(text[done:colon + 1])
                    out.append(MASK)
                    done = end
                start = end
        start = text.find("://", start + 3)
    out.append(text[done:])
    return "".join(out)


def _scheme_before(text: str, at: int) -> bool:
    return at > 0 and text[at - 1] in _SCHEME_CHARS


def _userinfo_end(text: str, begin: int) -> int | None:
    """The index of the ``@`` ending the userinfo that starts at BEGIN, if any: the last
    ``@`` of the authority, which ends at the first ``/``, ``?``, ``#`` or newline. Every
    ``://`` holds a ``/``, so authorities never overlap and the whole scan stays linear."""
    found = _AUTHORITY_END.search(text, begin)
    cut = found.start() if found else len(text)
    at = text.rfind("@", begin, cut)
    return at if at >= 0 else None
