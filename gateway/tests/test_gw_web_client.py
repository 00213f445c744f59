"""The gateway serves the built web client at / (issue 9): files by path, index.html for client routes,
and the API, its docs and health never shadowed."""
from __future__ import annotations

import gzip

import httpx
import pytest

from crm_gateway.app import create_app


@pytest.fixture
def web_app(tmp_path, settings_for, gateway_db):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><div id=app></div>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)")
    (tmp_path / "manifest.webmanifest").write_text("{}")
    (tmp_path / "assets" / "index-abc123.js.gz").write_bytes(gzip.compress(b"console.log(1)"))
    return create_app(settings_for(gateway_db, web_dir=tmp_path))


async def _get(app, path: str, **headers) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway.test") as c:
        return await c.get(path, headers=headers)


async def test_client_routes_answer_index_html(web_app):
    for path in ("/", "/leads", "/accounts/8f2c/overview"):
        page = await _get(web_app, path)
        assert page.status_code == 200 and "<div id=app>" in page.text, path
        assert page.headers["cache-control"] == "no-cache"


async def test_built_files_are_served_and_hashed_assets_cached_for_good(web_app):
    asset = await _get(web_app, "/assets/index-abc123.js")
    assert asset.text == "console.log(1)" and "immutable" in asset.headers["cache-control"]
    assert (await _get(web_app, "/manifest.webmanifest")).text == "{}"


async def test_a_gzipped_build_file_goes_to_browsers_that_accept_gzip(web_app):
    packed = await _get(web_app, "/assets/index-abc123.js", **{"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip" and packed.text == "console.log(1)"  # httpx unpacks it
    assert packed.headers["content-type"].startswith(("text/javascript", "application/javascript"))
    plain = await _get(web_app, "/assets/index-abc123.js", **{"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.text == "console.log(1)"


async def test_api_docs_and_paths_outside_the_folder_are_not_the_client(web_app):
    missing = await _get(web_app, "/api/v1/no-such-thing")
    assert missing.status_code == 404 and "<div" not in missing.text
    assert (await _get(web_app, "/openapi.json")).json()["info"]["title"] == "CRM API"
    assert "/{path}" not in (await _get(web_app, "/openapi.json")).json()["paths"]
    escaped = await _get(web_app, "/..%2f..%2fetc%2fpasswd")
    assert "root:" not in escaped.text
