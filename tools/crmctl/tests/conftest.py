"""Say loudly, at the end of the run, that the container tests did not run and why (issue 11)."""
from __future__ import annotations

CONTAINER_SKIP = "container tests skipped: "


def pytest_terminal_summary(terminalreporter) -> None:
    reasons = set()
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if CONTAINER_SKIP in reason:
            reasons.add(reason[reason.index(CONTAINER_SKIP):])
    for reason in sorted(reasons):
        terminalreporter.write_sep("!", "CONTAINER TESTS DID NOT RUN", red=True, bold=True)
        terminalreporter.write_line(reason, red=True, bold=True)
