"""Password policy (NIST SP 800-63B style: length over composition rules)."""
from __future__ import annotations

from crmkit.errors import InvalidInput

MIN_LENGTH = 8
MAX_LENGTH = 256


def check_password(password: str, *, username: str, field: str = "password") -> str:
    """Refuse passwords too short, too long, made of one repeated character, or containing the username."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"must be at least {MIN_LENGTH} characters", field=field)
    if len(password) > MAX_LENGTH:
        raise InvalidInput(f"must be at most {MAX_LENGTH} characters", field=field)
    if len(set(password)) < 3:
        raise InvalidInput("must not be one or two repeated characters", field=field)
    if username and username.lower() in password.lower():
        raise InvalidInput("must not contain the username", field=field)
    return password
