"""The request guard: an ASGI middleware that refuses what no route could use before routing, body
parsing or authentication spend anything on it (SEC).

- a path, query or header value with a NUL, a control character or bytes that are not UTF-8: 400
  naming the parameter;
- a body over its route class's limit (small JSON bodies; import uploads), by Content-Length or by
  the bytes actually streamed: 413;
- a JSON body that is not UTF-8 or nests deeper than any body of this API: 400, before a parser
  recurses into it.
"""
from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from crmkit.text import flaw
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crm_gateway.problems import problem

MAX_JSON_DEPTH = 32
UPLOAD_PATHS = frozenset({"/api/v1/imports", "/api/v1/imports/"})
# A JSON string (escapes included) or one bracket: brackets inside strings do not nest anything.
_JSON_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_OPENERS = frozenset(b"[{")
_CLOSERS = frozenset(b"]}")


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


def _text_flaw(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "is not valid UTF-8"
    return flaw(text, multiline=False)


def json_too_deep(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text nests arrays and objects more than `limit` deep (counted without parsing)."""
    depth = 0
    for token in _JSON_TOKENS.finditer(raw):
        first = token.group()[0]
        if first in _OPENERS:
            depth += 1
            if depth > limit:
                return True
        elif first in _CLOSERS:
            depth -= 1
    return False


def _query_problems(query: bytes) -> list[dict]:
    problems = []
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        name, value = (unquote_to_bytes(part.replace(b"+", b" ")) for part in (name, value))
        field = name.decode("utf-8", "replace")
        why = _text_flaw(name) or _text_flaw(value)
        if why:
            problems.append({"field": field if not _text_flaw(name) else "query", "message": why})
    return problems


_PARAM = re.compile(r"\\{([A-Za-z_][A-Za-z0-9_]*)\\}")


def _path_templates(app) -> list[re.Pattern]:
    """The documented paths as patterns with a named group per path parameter."""
    found = []
    for template in (app.openapi().get("paths", {}) if hasattr(app, "openapi") else {}):
        pattern = _PARAM.sub(lambda m: f"(?P<{m.group(1)}>[^/]+)", re.escape(template))
        found.append(re.compile(f"^{pattern}/?$"))
    return found


def _path_field(scope: Scope, templates: list[re.Pattern]) -> str:
    """The path parameter holding a bad character, or "path" when no documented path names it."""
    for template in templates:
        matched = template.match(scope["path"])
        if matched:
            for name, value in matched.groupdict().items():
                if flaw(value, multiline=False) or "\ufffd" in value:
                    return name
    return "path"


def _header_problems(scope: Scope) -> list[dict]:
    return [{"field": name.decode("latin-1"), "message": why}
            for name, value in scope.get("headers", ()) if (why := _text_flaw(value))]


def _is_json(headers: Headers) -> bool:
    media = headers.get("content-type", "").split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


class RequestGuardMiddleware:
    def __init__(self, app: ASGIApp, *, json_limit: int, upload_limit: int) -> None:
        self.app = app
        self.json_limit = json_limit
        self.upload_limit = upload_limit
        self._templates: list[re.Pattern] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self._refused_head(scope)
        if refused is not None:
            await refused(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = self.upload_limit if scope["path"] in UPLOAD_PATHS else self.json_limit
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            status = 400 if not declared.isdigit() else 413
            detail = "Content-Length is not a number" if status == 400 else BodyTooLarge(limit).detail
            await problem(status, detail)(scope, receive, send)
            return
        if _is_json(headers) and scope["method"] in ("POST", "PUT", "PATCH"):
            await self._json(scope, receive, send, limit)
            return
        await self._counted(scope, receive, send, limit)

    def _refused_head(self, scope: Scope):
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")
        why = _text_flaw(unquote_to_bytes(raw_path.split(b"?")[0]))
        if why:
            if self._templates is None:
                self._templates = _path_templates(scope.get("app"))
            return problem(400, "the path has an invalid parameter",
                           errors=[{"field": _path_field(scope, self._templates), "message": why}])
        for errors, where in ((_query_problems(scope.get("query_string", b"")), "query"),
                              (_header_problems(scope), "header")):
            if errors:
                return problem(400, f"the request has an invalid {where} parameter", errors=errors)
        return None

    async def _json(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        """Read the whole (small) body first, so its depth and encoding are known before parsing."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await problem(413, BodyTooLarge(limit).detail)(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        why = None
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            why = "the request body is not valid UTF-8"
        if why is None and json_too_deep(body):
            why = f"the request body nests deeper than {MAX_JSON_DEPTH} levels"
        if why:
            await problem(400, why, errors=[{"field": "body", "message": why}])(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _counted(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        """Stream the body through, refusing it once more than `limit` bytes arrived."""
        size, started = 0, False

        async def counting() -> Message:
            nonlocal size
            message = await receive()
            size += len(message.get("body", b""))
            if size > limit:
                raise BodyTooLarge(limit)
            return message

        async def watching(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting, watching)
        except BodyTooLarge as exc:
            if started:
                raise
            await problem(413, exc.detail)(scope, receive, send)
