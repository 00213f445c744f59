"""The app installs to a phone's home screen (issue 9 item 10): the page links a web app manifest that the
gateway serves, and it names a standalone app with an icon that loads."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def test_the_page_links_an_installable_manifest(screen):
    page = screen.page
    screen.go("/login")
    href = page.locator("link[rel=manifest]").get_attribute("href")
    manifest = page.request.get(screen.url + href)
    assert manifest.ok and "manifest" in manifest.headers["content-type"]
    body = manifest.json()
    assert body["display"] == "standalone" and body["start_url"] == "/" and body["name"]
    for icon in body["icons"]:
        assert page.request.get(screen.url + icon["src"]).ok, icon
