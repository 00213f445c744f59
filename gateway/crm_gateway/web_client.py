"""Serves the built web client (web/dist) at `/` from the same origin as the API (issue 9).

A path naming a built file answers that file (hashed assets are cached for good); any other GET outside
the API and its docs answers index.html, so a reload on a client route such as /leads/42 works.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException
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
    async def web_client(path: str) -> FileResponse:
        if path.startswith(_SERVER_PATHS):
            raise HTTPException(status_code=404)
        wanted = (root / path).resolve()
        if path and wanted.is_file() and wanted.is_relative_to(root):
            cached = _IMMUTABLE if path.startswith("assets/") else _REVALIDATE
            return FileResponse(wanted, headers=cached)
        if not index.is_file():
            raise HTTPException(status_code=404, detail="the web client is not built (./crm up builds it)")
        return FileResponse(index, headers=_REVALIDATE)
