"""The manager chain: who is below whom, and which changes would make it a loop."""
from __future__ import annotations

from collections.abc import Mapping

from crmkit.errors import InvalidInput


def subordinates(root: str, manager_of: Mapping[str, str | None]) -> set[str]:
    """Every user below `root` in the chain (direct reports, their reports, ...), never `root` itself."""
    reports: dict[str, list[str]] = {}
    for user, manager in manager_of.items():
        if manager:
            reports.setdefault(manager, []).append(user)
    found: set[str] = set()
    stack = list(reports.get(root, ()))
    while stack:
        user = stack.pop()
        if user in found or user == root:
            continue
        found.add(user)
        stack.extend(reports.get(user, ()))
    return found


def check_new_manager(user: str, new_manager: str | None, manager_of: Mapping[str, str | None]) -> None:
    """Refuse a manager that does not exist, is the user, or reports (however indirectly) to the user."""
    if new_manager is None:
        return
    if new_manager not in manager_of:
        raise InvalidInput("no such user", field="manager_id")
    if new_manager == user or new_manager in subordinates(user, manager_of):
        raise InvalidInput("this manager would make the reporting chain a loop", field="manager_id")
