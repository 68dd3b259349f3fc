"""`mawgun extract` (documents -> records) and `mawgun eval` (records scored against gold records)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mawgun.cli.options import Db


def extract_command(
    in_path: Annotated[
        Path | None, typer.Option("--in", help="Input JSONL: one {doc_id, text, published, title, outlet, url} a line.")
    ] = None,
    out_path: Annotated[Path | None, typer.Option("--out", help="Output JSONL: one record (to_json) a line.")] = None,
    component: Annotated[
        str, typer.Option("--component", help="Extraction pipeline to run (default: rules).")
    ] = "rules",
    db: Db = None,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Re-extract documents already processed.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", help="Processes extracting at once (default: the cores); same output as 1."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Extract on a Dask cluster: a scheduler address (tcp://HOST:8786) or local[:N] for N local "
            "worker processes; same output as --jobs 1 (needs the dask extra).",
        ),
    ] = None,
) -> None:
    """Extract events, statistics and sanctions, each tied to its text spans.

    With --in/--out: from a JSONL file of documents to a JSONL file of records (events carry the
    canonical_id of their cluster within the batch). Without them: over the store's unprocessed
    documents, then deduplication of the new event reports into canonical events.

    Records are written as they come (memory stays flat whatever the input's size); with --jobs N,
    N processes extract chunks of documents and the output is the same, in the same order, as one job's.

    With --dask, chunks of documents go to the workers of a Dask cluster instead (docs/scale.md).

    Example: mawgun extract --in docs.jsonl --out records.jsonl --jobs 2
    """
    from rich.console import Console

    from mawgun.extract.api import InputError
    from mawgun.extract.dask_pool import DaskMissing
    from mawgun.extract.parallel import default_jobs
    from mawgun.pipeline import StageRefused, process_file, process_store

    console = Console(stderr=True)
    if (in_path is None) != (out_path is None):
        raise typer.BadParameter("give both --in and --out, or neither (to extract from the store)")
    clustered = None
    if jobs is not None and jobs < 1:
        raise typer.BadParameter("must be 1 or more", param_hint="--jobs")
    workers: int | str = jobs or default_jobs()
    if dask is not None:
        from mawgun.extract.dask_pool import parse_address

        if jobs is not None:
            raise typer.BadParameter("give --jobs (this machine) or --dask (a cluster), not both", param_hint="--dask")
        try:
            parse_address(dask)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--dask") from exc
        workers = dask
    try:
        if in_path is not None and out_path is not None:
            if not in_path.is_file():
                raise typer.BadParameter(f"{in_path} does not exist", param_hint="--in")
            summary = process_file(in_path, out_path, component=component, progress=not quiet, jobs=workers)
        else:
            result = process_store(db, reprocess=reprocess, progress=not quiet, jobs=workers)
            summary, clustered = result["extract"], result["cluster"]
    except (InputError, KeyError, DaskMissing, StageRefused) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        typer.echo(f"Error: {message}", err=True)
        raise typer.Exit(2) from exc
    console.print(
        f"{summary['documents']} documents: {summary['events']} events, {summary['statistics']} statistics, "
        f"{summary['sanctions']} sanctions"
    )
    if clustered is not None:
        console.print(
            f"{clustered['new_records']} new event reports clustered: "
            f"{clustered['canonical_events']} canonical events in the store"
        )
    for doc_id in summary.get("burmese_without_records", []):
        console.print(f"[yellow]Burmese document with nothing found:[/yellow] {doc_id}")
    for doc_id, reason in summary.get("failed", {}).items():
        console.print(f"[yellow]Not extracted (left unprocessed):[/yellow] {doc_id}: {reason}")
    for problem in summary.get("problems", []):
        console.print(f"[red]Skipped:[/red] {in_path}: {problem}", markup=True, highlight=False)
    if summary.get("problems"):
        raise typer.Exit(1)


def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold records (JSONL, see ../shared/bench/ANNOTATION.md).")],
    pred: Annotated[Path, typer.Argument(help="Predicted records (JSONL from `mawgun extract --out`).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON.")] = False,
    by_doc: Annotated[bool, typer.Option("--by-doc", help="Also list events found per document.")] = False,
) -> None:
    """Score predicted records against gold records: recall, precision, F1 and event field accuracies.

    Example: mawgun eval ../shared/bench/seeds-gold.jsonl records.jsonl --json
    """
    import json

    from mawgun.extract.evaluate import evaluate_files, format_report

    for path in (gold, pred):
        if not path.is_file():
            raise typer.BadParameter(f"{path} does not exist")
    try:
        report = evaluate_files(gold, pred)
    except ValueError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(report, indent=2) if as_json else format_report(report, by_doc))


def register(app: typer.Typer) -> None:
    """Add `extract` and `eval` to the `mawgun` command."""
    app.command("extract")(extract_command)
    app.command("eval")(eval_command)
