"""Rules for text from outside: what a stored or forwarded string may hold, making a string safe to
store, and cells no spreadsheet runs (emails are matched by crmkit.fields.email_key).

PostgreSQL refuses NUL in text, a lone surrogate cannot be encoded for protobuf or the database,
and control characters in names and phones are invisible mischief; so all of them are refused at
the edge, naming the field, rather than failing later as a server error.
"""
from __future__ import annotations

import re

# C0 and C1 controls, DEL and lone surrogates; tab, line feed and carriage return are allowed in
# multi-line text only.
_ANYWHERE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# OWASP CSV injection: a spreadsheet runs a cell starting with one of these as a formula, also
# after leading whitespace (which may itself be a tab or a line break).
_FORMULA_STARTS = ("=", "+", "-", "@")


def flaw(text: str, *, multiline: bool = True) -> str | None:
    """Why `text` may not be stored, or None when it may."""
    found = (_ANYWHERE if multiline else _ONE_LINE).search(text)
    if found is None:
        return None
    char = found.group()
    if char == "\x00":
        return "must not contain a NUL character"
    if "\ud800" <= char <= "\udfff":
        return "must not contain an unpaired surrogate"
    return f"must not contain the control character U+{ord(char):04X}"


def storable(text: str) -> str:
    """`text` with every character `flaw` refuses replaced by U+FFFD, so a refused input can still be
    kept (a failed import row) and shown."""
    return _ANYWHERE.sub("\ufffd", text)


def spreadsheet_safe(cell: str) -> str:
    """The cell as text no spreadsheet runs: a quote before a cell whose first non-blank character starts
    a formula, or that starts with a tab or a line break."""
    risky = cell[:1] in ("\t", "\r", "\n") or cell.lstrip().startswith(_FORMULA_STARTS)
    return "'" + cell if risky else cell
