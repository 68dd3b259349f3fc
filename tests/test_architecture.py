"""The architecture picture of docs/index.md matches the code: who imports whom among the stages,
measured with an AST walk of `mawgun/` (imports inside functions included), is exactly the list the
page gives ("`ingest` → `store`, `geo`, `actors`; ..."), and no stage imports one that runs after it
in the data's order (ingest, extract, dedup: no round trips)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mawgun"
DOC = ROOT / "docs" / "index.md"


def stage_of(module: str) -> str | None:
    """The stage (sub-package or top module) of a `mawgun.…` module name."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "mawgun" else None


def imports_in(path: Path, stage: str) -> set[str]:
    """The stages `path` imports (absolute `mawgun.x` imports and relative ones)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {s for alias in node.names if (s := stage_of(alias.name))}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            name = stage_of(node.module)
            if node.module == "mawgun":
                found |= {alias.name for alias in node.names}
            elif name:
                found.add(name)
    return found - {stage}


def measured_graph() -> dict[str, set[str]]:
    """Stage -> the stages its modules import."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).parts
        stage = relative[0].removesuffix(".py")
        graph.setdefault(stage, set()).update(imports_in(path, stage))
    return graph


def documented_graph() -> dict[str, set[str]]:
    """The "Who imports whom" list of docs/index.md: stage -> the stages it imports."""
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    listing = text.split("Who imports whom", 1)[1].split(". Every stage", 1)[0]
    listing = re.sub(r"\([^)]*\)", "", listing).split(":", 1)[1]  # reasons in brackets left out
    graph: dict[str, set[str]] = {}
    for clause in listing.split(";"):
        left, right = clause.split("→")
        targets = set(re.findall(r"`(\w+)`", right))
        for stage in re.findall(r"`(\w+)`", left):
            graph[stage] = targets
    return graph


def test_the_documented_import_graph_is_the_measured_one() -> None:
    documented, measured = documented_graph(), measured_graph()
    assert len(documented) >= 10
    named = (set(documented) | {t for targets in documented.values() for t in targets}) - {"model"}  # the core
    documented = {stage: targets - {"model"} for stage, targets in documented.items()}
    differences = {
        stage: {"missing from the docs": sorted((measured.get(stage, set()) & named) - documented[stage]),
                "in the docs, not in the code": sorted(documented[stage] - measured.get(stage, set()))}
        for stage in documented
        if (measured.get(stage, set()) & named) != documented[stage]
    }  # fmt: skip
    assert not differences, differences


def test_no_stage_imports_a_later_stage_of_the_data() -> None:
    measured = measured_graph()
    order = ["ingest", "extract", "dedup"]
    for i, stage in enumerate(order):
        assert not measured[stage] & set(order[i + 1 :]), stage
