"""CLI of the geo stage: `mawgun geocode` (JSONL in, JSONL out) and `mawgun places search NAME`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from mawgun.cli import groups

OUTPUT_FIELDS = ("admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "pcode")


def read_cases(path: Path, problems: list[str]) -> list[dict[str, Any]]:
    """Input lines {"id", "text"} (optional "context" or "headline"); a bad line is added to
    `problems` with its number and the other lines are read."""
    cases = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                case = case_from_line(raw, number)
            except ValueError as exc:
                problems.append(str(exc))
                continue
            if case is not None:
                cases.append(case)
    return cases


def case_from_line(raw: bytes, number: int) -> dict[str, Any] | None:
    """One input case (None for a blank line); ValueError naming the line's fault."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"line {number} is not valid UTF-8 (byte {exc.start})") from exc
    if not line.strip():
        return None
    try:
        case = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"line {number} is not JSON ({getattr(exc, 'msg', exc)})") from exc
    if not isinstance(case, dict) or not isinstance(case.get("text"), str):
        raise ValueError(f"line {number} has no 'text' string")
    if case.get("id") in (None, "") or not isinstance(case["id"], str | int):
        raise ValueError(f"line {number} has no 'id' (a string or number)")
    return case


def geocode_case(geocoder: Any, case: dict[str, Any]) -> dict[str, Any]:
    """One output line: the case id and the resolved place's fields (null when nothing resolved)."""
    context = str(case.get("context") or case.get("headline") or "")
    place = geocoder.geocode_description(str(case["text"]), context=context)
    row: dict[str, Any] = {"id": case.get("id")}
    row.update({field: getattr(place, field) if place else None for field in OUTPUT_FIELDS})
    return row


def geocode_command(
    input_path: Annotated[Path, typer.Option("--in", exists=True, dir_okay=False, help="JSONL lines {id, text}.")],
    output_path: Annotated[Path, typer.Option("--out", dir_okay=False, help="JSONL predictions to write.")],
) -> None:
    """Geocode place descriptions to MIMU admin units, P-codes and coordinates.

    Each input line is {"id", "text"} (an optional "context" paragraph helps); each output line is
    {"id", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "pcode"}.

    Example: mawgun geocode --in cases.jsonl --out preds.jsonl
    """
    from rich.progress import Progress

    from mawgun.geo import get_geocoder

    problems: list[str] = []
    cases = read_cases(input_path, problems)
    geocoder = get_geocoder()
    resolved = 0
    with output_path.open("w", encoding="utf-8") as out, Progress(transient=True) as progress:
        task = progress.add_task("Geocoding", total=len(cases))
        for case in cases:
            row = geocode_case(geocoder, case)
            resolved += row["admin1"] is not None
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            progress.advance(task)
    typer.echo(f"{resolved} of {len(cases)} descriptions resolved -> {output_path}")
    for problem in problems:
        typer.echo(f"skipped: {input_path}: {problem}", err=True)
    if problems:
        raise typer.Exit(1)


def places_search_command(
    name: Annotated[str, typer.Argument(help="A place name in any common spelling.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most rows to show.")] = 10,
) -> None:
    """Search the gazetteer (states to villages) by name, alias or close spelling.

    Example: mawgun places search Hpruso
    """
    from rich.console import Console

    from mawgun.cli.tables import make_table
    from mawgun.geo import get_geocoder

    places = get_geocoder().search(name, limit=limit)
    if not places:
        typer.echo(f"No place matches {name!r}.")
        raise typer.Exit(code=1)
    rows = []
    for p in places:
        coords = f"{p.latitude:.4f}, {p.longitude:.4f}" if p.latitude is not None and p.longitude is not None else ""
        row = (p.level, p.location, p.admin3, p.admin2, p.admin1)
        rows.append([p.pcode or "", *(value or "" for value in row), coords])
    columns = ("P-code", "level", "name", "township", "district", "state/region", "lat, lon")
    Console().print(make_table(columns, rows, title=f"Places matching {name!r}"))


def register(app: typer.Typer) -> None:
    """Add `geocode` to the root app and `search` to the shared `places` group."""
    app.command("geocode")(geocode_command)
    groups.places_app.command("search")(places_search_command)
