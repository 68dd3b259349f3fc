"""Stages are hard dependencies: no `except` hides a missing or broken stage.

A gazetteer or actor registry that cannot load must be an error that names it, never a quiet
fallback that changes results. Two checks hold the package to that: ruff's BLE001 (no blind
`except Exception`) is enabled and clean, and no handler of ImportError/ModuleNotFoundError (nor
`contextlib.suppress` of them or of Exception) swallows the error instead of raising.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mawgun"
IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}
# The one import that may be missing: a standard-library module that does not exist on Windows.
ALLOWED = {("mawgun/ingest/isolate.py", "resource")}


def names_of(node: ast.expr | None) -> set[str]:
    """The exception class names an `except` clause or `suppress(...)` call names."""
    if node is None:
        return {"BaseException"}
    if isinstance(node, ast.Tuple):
        return {name for item in node.elts for name in names_of(item)}
    return {node.id} if isinstance(node, ast.Name) else {node.attr} if isinstance(node, ast.Attribute) else set()


def swallowed_imports(source: str, rel: str) -> list[str]:
    """`file:line` of every ImportError handler that does not raise, and every suppress() of one."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(isinstance(n, ast.Import) for n in node.body):
            imported = {alias.name for n in node.body if isinstance(n, ast.Import) for alias in n.names}
            if imported and all((rel, name) in ALLOWED for name in imported):
                continue
        if isinstance(node, ast.Try):
            for handler in node.handlers:
                raises = any(isinstance(n, ast.Raise) for n in ast.walk(handler))
                if names_of(handler.type) & (IMPORT_ERRORS | {"BaseException"}) and not raises:
                    found.append(f"{rel}:{handler.lineno}")
        suppress = isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "suppress"
        broad = IMPORT_ERRORS | {"Exception", "BaseException"}
        if suppress and any(names_of(arg) & broad for arg in node.args):  # type: ignore[attr-defined]
            found.append(f"{rel}:{node.lineno}")
    return found


def test_no_import_error_is_swallowed() -> None:
    found = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        for hit in swallowed_imports(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    ]
    assert found == [], "a missing stage must raise; these handlers hide it: " + ", ".join(found)


def test_blind_except_is_a_lint_error_and_none_is_left() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "BLE" in config["tool"]["ruff"]["lint"]["select"]
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "BLE001", "--output-format", "concise", "mawgun"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout


def test_the_check_finds_swallowed_imports_and_lets_raising_ones_pass() -> None:
    hidden = "try:\n    import mawgun.geo\nexcept ImportError:\n    geo = None\n"
    quiet = "import contextlib\nwith contextlib.suppress(Exception):\n    import mawgun.actors\n"
    loud = "try:\n    import mawgun.geo\nexcept ImportError as exc:\n    raise RuntimeError('geo') from exc\n"
    assert swallowed_imports(hidden, "a.py") == ["a.py:3"]
    assert swallowed_imports(quiet, "b.py") == ["b.py:2"]
    assert swallowed_imports(loud, "c.py") == []
