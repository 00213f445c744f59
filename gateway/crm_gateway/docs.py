"""/docs: Swagger UI served by the gateway itself, from the swagger-ui-bundle package's assets (no
CDN, nothing fetched from elsewhere), started by a script file rather than inline code so the
pages' Content-Security-Policy needs no 'unsafe-inline' scripts."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

ASSETS = "/docs/assets"
_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><title>CRM API</title>
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
<link rel="icon" type="image/png" href="{ASSETS}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="/docs/start.js"></script>
</body>
</html>
"""


def install(app: FastAPI, openapi_url: str) -> None:
    start = f'window.ui = SwaggerUIBundle({{url: "{openapi_url}", dom_id: "#swagger-ui", deepLinking: true}});\n'

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(_PAGE)

    @app.get("/docs/start.js", include_in_schema=False)
    async def docs_start() -> Response:
        return Response(start, media_type="text/javascript")

    app.mount(ASSETS, StaticFiles(directory=swagger_ui_path), name="docs-assets")
