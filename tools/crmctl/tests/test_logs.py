"""Process logs: owner-only, rotated by size, passwords and generated secrets masked (issue 11)."""
from __future__ import annotations

import io
import stat

from crmctl.logs import LogFile


def test_a_log_masks_url_passwords_and_known_secrets(tmp_path):
    log = LogFile(tmp_path / "svc.log", secrets=["s3cret-jwt-value"])
    log.pump(io.BytesIO(b"connecting to postgresql://postgres:hunter2hunter2@127.0.0.1:5432/crm\n"
                        b"jwt s3cret-jwt-value loaded\n")).join()
    text = (tmp_path / "svc.log").read_text()
    assert "hunter2" not in text and "s3cret-jwt-value" not in text
    assert "postgresql://postgres:***@127.0.0.1:5432/crm" in text
    assert stat.S_IMODE((tmp_path / "svc.log").stat().st_mode) == 0o600


def test_a_log_rotates_by_size_and_keeps_a_few_backups(tmp_path):
    log = LogFile(tmp_path / "svc.log", max_bytes=100, backups=2)
    for n in range(30):
        log.note(f"line {n:02d} " + "x" * 20)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["svc.log", "svc.log.1", "svc.log.2"]
    assert "line 29" in (tmp_path / "svc.log").read_text() or "line 29" in (tmp_path / "svc.log.1").read_text()
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in tmp_path.iterdir())
