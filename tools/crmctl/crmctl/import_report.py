"""What `./crm import` shows: a one-line progress bar on a terminal (plain lines when stderr is a log
or a pipe), then the final counts, the first failed rows and where to download them all."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

COUNTERS = ("created", "updated", "unchanged", "skipped", "failed")
FINISHED = ("completed", "failed")
BAR_WIDTH = 24
PLAIN_EVERY_SECONDS = 5.0
_SAMPLE_BYTES = 64 * 1024


def size(n: int) -> str:
    """812 B, 1.5 KB, 104.9 MB."""
    if n < 1000:
        return f"{n} B"
    scaled = n / 1000
    for unit in ("KB", "MB"):
        if scaled < 1000:
            return f"{scaled:.1f} {unit}"
        scaled /= 1000
    return f"{scaled:.1f} GB"


def estimate_rows(path: Path) -> int | None:
    """The file's data rows, counted in a small file and guessed from the first 64 KiB's line length in a
    big one (None when that sample holds no line break). Enough for a percentage, never exact."""
    total = path.stat().st_size
    with path.open("rb") as file:
        sample = file.read(_SAMPLE_BYTES)
    if len(sample) == total:
        rows = sum(1 for line in sample.splitlines() if line.strip()) - 1
    elif b"\n" in sample:
        rows = round(total * sample.count(b"\n") / len(sample)) - 1
    else:
        return None
    return rows if rows > 0 else None


def printable(text: str) -> str:
    """Text from the file as the terminal should show it: control characters spelt out, never obeyed."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def counts_text(counts: dict) -> str:
    return f"{counts['rows_read']:,} rows read: " + ", ".join(f"{name} {counts[name]:,}" for name in COUNTERS)


def progress_line(job: dict, estimated_rows: int | None = None) -> str:
    """`[#######-----------------]  31% running  12,345 rows read: created 10, ...`; no bar without an
    estimate. Until the job finishes the bar stops at 99%: the estimate may fall short."""
    line = f"{job['status']}  {counts_text(job['counts'])}"
    if not estimated_rows:
        return line
    fraction = 1.0 if job["status"] in FINISHED else min(job["counts"]["rows_read"] / estimated_rows, 0.99)
    filled = int(fraction * BAR_WIDTH)
    return f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {int(fraction * 100):3d}% {line}"


class Progress:
    """Redraws one line in place on a terminal; elsewhere writes a line when the job moved, at most every
    few seconds, and always its last state."""

    def __init__(self, stream: TextIO, *, estimated_rows: int | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._estimated_rows = estimated_rows
        self._clock = clock
        self._last_line = ""
        self._last_at: float | None = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        if self._tty and self._last_line:
            self._stream.write("\n")
            self._stream.flush()

    def show(self, job: dict) -> None:
        line = progress_line(job, self._estimated_rows)
        if self._tty:
            self._stream.write(f"\r{line}\x1b[K")
        elif line != self._last_line and (self._last_at is None or job["status"] in FINISHED
                                          or self._clock() - self._last_at >= PLAIN_EVERY_SECONDS):
            self._stream.write(line + "\n")
            self._last_at = self._clock()
        else:
            return
        self._last_line = line
        self._stream.flush()


def summary(job: dict, failures: list[dict], *, csv_url: str) -> str:
    """The final word: status, counts, the first failed rows (row, field, reason) and the CSV of them all."""
    lines = [f"import {job['id']} ({job['kind']}, {printable(job['filename'])}): {job['status']}"]
    if job["status"] == "failed":
        lines.append(f"the file was refused: {printable(job['error'])}")
    lines.append(counts_text(job["counts"]))
    if failures:
        # `failures` has a line per problem, and a failed row may have several.
        shown, failed = len({f["row_number"] for f in failures}), job["counts"]["failed"]
        lines.append(f"failed rows ({'all ' if shown >= failed else f'the first {shown} of '}{failed:,}):")
        lines.extend(f"  row {f['row_number']}  {printable(f['field'])}: {printable(f['reason'])}" for f in failures)
        lines.append(f"every failed row as CSV: {csv_url}")
    return "\n".join(lines) + "\n"
