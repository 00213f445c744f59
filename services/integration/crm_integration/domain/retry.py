"""When to try a failed delivery again: exponential backoff, capped, never giving up."""
from __future__ import annotations


def retry_delay(attempts: int, *, base_seconds: float, max_seconds: float) -> float:
    """Seconds to wait after the `attempts`-th failed delivery: base, 2*base, 4*base, ... up to the cap."""
    if attempts < 1:
        raise ValueError("attempts counts failures and starts at 1")
    exponent = min(attempts - 1, 32)  # 2**32 * any sane base is far past every cap
    return min(base_seconds * 2 ** exponent, max_seconds)
