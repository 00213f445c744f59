"""`./crm protos`: regenerate the Python stubs of protos/ into protos/python/gen (never edited by hand)."""
from __future__ import annotations

import shutil
import tempfile
from importlib import resources
from pathlib import Path

from grpc_tools import protoc

ROOT = Path(__file__).resolve().parents[3]
PROTOS = ROOT / "protos"
GENERATED = PROTOS / "python" / "gen"


def generate(out: Path = GENERATED) -> list[Path]:
    """Write the stubs of every .proto under protos/crm into `out`; answers the files written."""
    sources = sorted(p.relative_to(PROTOS).as_posix() for p in (PROTOS / "crm").rglob("*.proto"))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    well_known = str(resources.files("grpc_tools") / "_proto")
    code = protoc.main(["protoc", f"-I{PROTOS}", f"-I{well_known}", f"--python_out={out}",
                        f"--pyi_out={out}", f"--grpc_python_out={out}", *sources])
    if code != 0:
        raise SystemExit(f"protoc failed with exit code {code}")
    for folder in [out / "crm", *(p for p in (out / "crm").rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    return sorted(p for p in out.rglob("*") if p.is_file())


def stale_files() -> list[str]:
    """Files whose committed stubs differ from what the protos generate now (empty when fresh)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh_root = Path(tmp) / "gen"
        fresh = {p.relative_to(fresh_root).as_posix(): p.read_bytes() for p in generate(fresh_root)}
    current = {p.relative_to(GENERATED).as_posix(): p.read_bytes()
               for p in GENERATED.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    return sorted(name for name in fresh.keys() | current.keys() if fresh.get(name) != current.get(name))
