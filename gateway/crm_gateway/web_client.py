"""Serves the built web client (web/dist) at `/` from the same origin as the API (issue 9).

A path naming a built file answers that file (hashed assets are cached for good), gzipped when the build
left a .gz beside it and the browser accepts it; any other GET outside the API and its docs answers
index.html, so a reload on a client route such as /leads/42 works.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse

# Paths the client never shadows, even when they are not found.
_SERVER_PATHS = ("api/", "docs", "openapi.json", "redoc", "healthz", "readyz")
_IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
_REVALIDATE = {"Cache-Control": "no-cache"}


def install(app: FastAPI, folder: Path) -> None:
    """Add the catch-all route last, after every API route, and outside the OpenAPI document."""
    root = folder.resolve()
    index = root / "index.html"

    @app.get("/{path:path}", include_in_schema=False)
    async def web_client(path: str, request: Request) -> FileResponse:
        if path.startswith(_SERVER_PATHS):
            raise HTTPException(status_code=404)
        wanted = (root / path).resolve()
        if path and wanted.is_file() and wanted.is_relative_to(root):
            return _file(wanted, request, _IMMUTABLE if path.startswith("assets/") else _REVALIDATE)
        if not index.is_file():
            raise HTTPException(status_code=404, detail="the web client is not built (./crm up builds it)")
        return _file(index, request, _REVALIDATE)


def _file(path: Path, request: Request, cache: dict[str, str]) -> FileResponse:
    packed = path.with_name(path.name + ".gz")
    headers = {**cache, "Vary": "Accept-Encoding"}
    if packed.is_file() and "gzip" in request.headers.get("accept-encoding", ""):
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return FileResponse(packed, media_type=media_type, headers={**headers, "Content-Encoding": "gzip"})
    return FileResponse(path, headers=headers)
