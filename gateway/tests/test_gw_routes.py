"""Rules every route of the app keeps, checked by walking app.routes (no services needed)."""
from __future__ import annotations

import secrets

from crmkit.principal import generate_keypair
from fastapi.routing import APIRoute, iter_route_contexts

from crm_gateway.api.idempotent import idempotent, idempotent_keyed
from crm_gateway.app import create_app
from crm_gateway.settings import GatewaySettings

_ONCE = (idempotent, idempotent_keyed)


def _routes() -> list[tuple[str, APIRoute]]:
    """(full path, route) of every API route, through the included routers."""
    settings = GatewaySettings(database_url="postgresql+asyncpg://nobody@127.0.0.1/none",
                               jwt_secret=secrets.token_urlsafe(48), principal_private_key=generate_keypair()[0])
    return [(found.path, found.original_route) for found in iter_route_contexts(create_app(settings).routes)
            if isinstance(found.original_route, APIRoute)]


def _dependencies(dependant):
    for found in dependant.dependencies:
        yield found
        yield from _dependencies(found)


def test_every_creating_post_honours_idempotency_key():
    """DESIGN section 6: every POST that creates (answers 201) goes through the one Idempotency-Key path."""
    creating = [(path, route) for path, route in _routes()
                if "POST" in route.methods and (route.status_code == 201 or 201 in route.responses)]
    assert len(creating) >= 10  # the walk reaches into every included router
    missing = [path for path, route in creating
               if not any(found.call in _ONCE for found in _dependencies(route.dependant))]
    assert missing == []


def test_every_list_answers_a_next_cursor():
    """Every list endpoint answers the generic page: its items and a next_cursor (null on the last page)."""
    lists = [(path, route.response_model) for path, route in _routes() if "GET" in route.methods
             and "items" in getattr(route.response_model, "model_fields", {})]
    assert len(lists) >= 15
    # The hierarchy is one tree, answered whole (its items are the tree's accounts, parents first).
    without = [path for path, model in lists
               if "next_cursor" not in model.model_fields and path != "/api/v1/accounts/{account_id}/hierarchy"]
    assert without == []
