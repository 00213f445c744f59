"""The architecture's rules, checked on the source (DESIGN.md sections 1, 2 and 4; issue 8 item 8).

Each rule reads the Python files as syntax trees; nothing is imported or run. A failure names the
file and line that breaks the rule, so the fix is a look away.
"""
from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVICES = sorted(p.parent for p in ROOT.glob("services/*/crm_*/__init__.py"))
GATEWAY = ROOT / "gateway" / "crm_gateway"
KIT = ROOT / "libs" / "crmkit" / "crmkit"
OUR_PACKAGES = {p.name for p in SERVICES} | {"crm_gateway"}

# What a domain module may import besides the standard library: the pure parts of the kit and two
# validators that do no I/O. Anything else (SQLAlchemy, protobuf, gRPC, NATS, JWT) is an adapter's job.
PURE_KIT = {"crmkit.errors", "crmkit.fields", "crmkit.listing", "crmkit.principal", "crmkit.domain",
            "crmkit.identity.model", "crmkit.account_access.rule"}
PURE_THIRD_PARTY = {"email_validator", "phonenumbers"}
# The constructors of SQL statements; building one outside adapters/ puts a query where nobody looks.
SQL_BUILDERS = {"select", "insert", "update", "delete", "text", "tuple_", "union_all", "exists"}
# The module-level scope builders every record-level query of a service starts from (DESIGN.md section 2).
SCOPES = {"readable", "editable", "readable_in_full", "full_view"}


@dataclass(frozen=True)
class Import:
    path: Path
    line: int
    module: str
    names: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line} imports {self.module}"


def python_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imports(path: Path) -> Iterator[Import]:
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(path, node.lineno, alias.name, ())
        elif isinstance(node, ast.ImportFrom) and node.module == "crmkit":  # `from crmkit import fields`
            for alias in node.names:
                yield Import(path, node.lineno, f"crmkit.{alias.name}", ())
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield Import(path, node.lineno, node.module, tuple(a.name for a in node.names))


def top(module: str) -> str:
    return module.split(".")[0]


def test_no_service_imports_another_nor_the_gateway():
    """Services talk over gRPC and events, never through each other's code (DESIGN.md section 1)."""
    wrong = [str(i) for pkg in [*SERVICES, GATEWAY] for path in python_files(pkg) for i in imports(path)
             if top(i.module) in OUR_PACKAGES - {pkg.name}]
    assert wrong == []


def test_the_kit_imports_no_service():
    wrong = [str(i) for path in python_files(KIT) for i in imports(path) if top(i.module) in OUR_PACKAGES]
    assert wrong == []


@pytest.mark.parametrize("package", [*SERVICES, GATEWAY], ids=lambda p: p.name)
def test_domain_is_pure(package: Path):
    """domain/ runs without a database or network: stdlib, the pure kit and pure validators only."""
    stdlib = sys.stdlib_module_names
    wrong = []
    for path in python_files(package / "domain"):
        for i in imports(path):
            allowed = (top(i.module) in stdlib or top(i.module) == "__future__" or i.module in PURE_KIT
                       or top(i.module) in PURE_THIRD_PARTY or i.module.startswith(f"{package.name}.domain"))
            if not allowed:
                wrong.append(str(i))
    assert wrong == []


@pytest.mark.parametrize("package", [*SERVICES, GATEWAY], ids=lambda p: p.name)
def test_sql_lives_only_in_adapters(package: Path):
    """All database queries are in adapters/ (the repository layer), where the scope builders are."""
    wrong = []
    for path in python_files(package):
        relative = path.relative_to(package)
        if relative.parts[0] == "adapters":
            continue
        for i in imports(path):
            if top(i.module) == "sqlalchemy" and SQL_BUILDERS & set(i.names):
                wrong.append(f"{i} {sorted(SQL_BUILDERS & set(i.names))}")
    assert wrong == []


def _calls(node: ast.AST) -> tuple[set[str], set[str]]:
    """(bare names called, names called on self) inside one function."""
    names, methods = set(), set()
    for n in ast.walk(node):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
            names.add(n.func.id)
        elif (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)
              and n.func.value.id == "self"):
            methods.add(n.func.attr)
    return names, methods


def _scoped_functions(module: ast.Module) -> set[str]:
    """Functions of a module that reach a module-level scope builder, directly or through a helper of
    the same module (a method's `self._readable(principal)` that calls `readable_in_full(...)`)."""
    functions = [n for n in ast.walk(module) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    calls = {id(f): _calls(f) for f in functions}
    scoped: set[str] = set()
    while True:
        grown = {f.name for f in functions
                 if calls[id(f)][0] & (SCOPES | scoped) or calls[id(f)][1] & scoped}
        if grown <= scoped:
            return scoped
        scoped |= grown


def _parts_of_scopes(module: ast.Module) -> set[str]:
    """The helpers the scope builders are made of (accounts' `_full`, `_team`, ...), at any depth:
    the rule must not ask them to call the builders back."""
    functions = {n.name: n for n in module.body if isinstance(n, ast.FunctionDef)}
    parts: set[str] = set()
    todo = [name for name in functions if name in SCOPES]
    while todo:
        for called in _calls(functions[todo.pop()])[0] & functions.keys() - parts - SCOPES:
            parts.add(called)
            todo.append(called)
    return parts


@pytest.mark.parametrize("package", SERVICES, ids=lambda p: p.name)
def test_record_queries_start_from_the_scope(package: Path):
    """Every repository function given the caller's principal starts from a module-level scope builder
    (readable, editable, ...), so a new query cannot forget visibility (DESIGN.md section 2)."""
    wrong = []
    for path in python_files(package / "adapters"):
        module = tree(path)
        scoped = _scoped_functions(module) | _parts_of_scopes(module)
        for node in ast.walk(module):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.name in SCOPES | scoped:
                continue
            if "principal" in {a.arg for a in [*node.args.args, *node.args.kwonlyargs]}:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}() takes a principal "
                             f"but reaches none of {sorted(SCOPES)}")
    assert wrong == []


@pytest.mark.parametrize("package", [*SERVICES, GATEWAY], ids=lambda p: p.name)
def test_settings_import_nothing_of_their_service(package: Path):
    """Settings are a leaf: reading the environment must not pull in the service's adapters."""
    settings = package / "settings.py"
    wrong = [str(i) for i in imports(settings) if top(i.module) == package.name]
    assert wrong == []
