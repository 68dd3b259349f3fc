"""Scoring of extracted records against gold records, with the semantics of ../shared/bench/score.py
(written independently): events match on type, date within the gold tolerance + 1 day and equal
state/region; statistics on value within 0.5 %; sanctions on similar target and authority names. Pairs are
chosen greedily by score; recall counts required gold rows, precision all predictions; field accuracies are
measured on matched events."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

STATE_KEYS = {
    "kachin": "Kachin",
    "kayah": "Kayah",
    "karenni": "Kayah",
    "kayin": "Kayin",
    "karen": "Kayin",
    "chin": "Chin",
    "sagaing": "Sagaing",
    "tanintharyi": "Tanintharyi",
    "tenasserim": "Tanintharyi",
    "bago": "Bago",
    "pegu": "Bago",
    "magway": "Magway",
    "magwe": "Magway",
    "mandalay": "Mandalay",
    "mon": "Mon",
    "rakhine": "Rakhine",
    "arakan": "Rakhine",
    "yangon": "Yangon",
    "rangoon": "Yangon",
    "shan": "Shan",
    "ayeyarwady": "Ayeyarwady",
    "irrawaddy": "Ayeyarwady",
    "naypyitaw": "Nay Pyi Taw",
    "naypyidaw": "Nay Pyi Taw",
}
EQUIVALENT_ACTORS = [
    {"MIL", "POL", "PSH", "BGF", "SAC", "JUNTA"},
    {"3BHA", "MNDAA", "TNLA", "AA"},
    {"AA", "ULA"},
    {"KIA", "KIO"},
    {"KNU", "KNLA", "KNDO"},
    {"KNPP", "KA"},
    {"CNF", "CNA"},
    {"PDF", "LDF", "NUG"},
]
DIRECTIONS = ("north", "south", "east", "west", "northern", "southern", "eastern", "western")
KINDS = ("event", "statistic", "sanction")


def state_of(value: Any) -> str | None:
    """A state/region name in canonical form ("northern Shan State" -> Shan)."""
    if not value:
        return None
    key = re.sub(r"[^a-z]", "", str(value).lower())
    for suffix in ("state", "region", "division"):
        if key.endswith(suffix) and key != suffix:
            key = key[: -len(suffix)]
    for word in DIRECTIONS:
        if key.startswith(word) and key[len(word) :] in STATE_KEYS:
            key = key[len(word) :]
        if key.endswith(word) and key[: -len(word)] in STATE_KEYS:
            key = key[: -len(word)]
    return STATE_KEYS.get(key, key)


def name_key(value: Any) -> str:
    """A place or organisation name reduced for comparison (level words and punctuation dropped)."""
    if not value:
        return ""
    words = r"\b(?:township|town|village|tract|city|sub-township|camp|district|state|region)\b"
    return re.sub(r"[^a-z0-9]", "", re.sub(words, " ", str(value).lower()))


def names_alike(a: Any, b: Any, threshold: float = 0.8) -> bool:
    x, y = name_key(a), name_key(b)
    if not x or not y:
        return False
    return x == y or x in y or y in x or SequenceMatcher(None, x, y).ratio() >= threshold


def listed(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [v for v in value if v not in (None, "")]
    return [value]


def codes_of(value: Any) -> set[str]:
    codes: set[str] = set()
    for item in listed(value):
        if isinstance(item, dict):
            item = item.get("code") or item.get("id") or item.get("name") or ""
        codes.update(part.strip().upper() for part in re.split(r"[;,/|]", str(item)) if part.strip())
    return codes


def actors_agree(gold: Any, pred: Any) -> bool | None:
    g, p = codes_of(gold), codes_of(pred)
    if not g:
        return None
    if g & p or any(g & group and p & group for group in EQUIVALENT_ACTORS):
        return True
    return any(names_alike(x, y, 0.85) for x in g for y in p)


def day_of(value: Any) -> dt.date | None:
    if not value:
        return None
    text = str(value)
    for candidate in (text[:10], text[:7] + "-15"):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def doc_of(record: dict[str, Any]) -> str:
    key = str(record.get("doc_id") or record.get("doc") or "").rsplit("/", 1)[-1]
    return re.sub(r"\.(txt|html?|md|json)$", "", key)


def township_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool | None:
    names = listed(gold.get("admin3"))
    if not names:
        return None
    candidates = listed(pred.get("admin3")) + listed(pred.get("location"))
    return any(names_alike(a, b) for a in names for b in candidates)


def location_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool | None:
    if not gold.get("location"):
        return None
    return any(names_alike(gold["location"], c) for c in listed(pred.get("location")) + listed(pred.get("admin3")))


def fatalities_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool | None:
    if gold.get("fatalities") is None:
        return None
    return pred.get("fatalities") is not None and int(pred["fatalities"]) == int(gold["fatalities"])


def event_score(gold: dict[str, Any], pred: dict[str, Any]) -> float | None:
    """How well a predicted event fits a gold one; None when it cannot be that event."""
    if pred.get("event_type") != gold.get("event_type"):
        return None
    g_day, p_day = day_of(gold.get("date")), day_of(pred.get("date"))
    if g_day and (not p_day or abs((g_day - p_day).days) > int(gold.get("tol_days") or 0) + 1):
        return None
    g_state = state_of(gold.get("admin1"))
    if g_state and state_of(pred.get("admin1")) != g_state:
        return None
    score = 1.0 + (1.0 if pred.get("sub_event_type") == gold.get("sub_event_type") else 0.0)
    score += 0.5 if township_ok(gold, pred) else 0.0
    return score + (0.25 if g_day and p_day and g_day == p_day else 0.0)


def statistic_score(gold: dict[str, Any], pred: dict[str, Any]) -> float | None:
    try:
        g, p = float(gold["value"]), float(pred.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError):
        return None
    if g == 0 or abs(g - p) / abs(g) > 0.005:
        return None
    return 1.5 if names_alike(gold.get("metric"), pred.get("metric"), 0.6) else 1.0


def sanction_score(gold: dict[str, Any], pred: dict[str, Any]) -> float | None:
    if names_alike(gold.get("target"), pred.get("target"), 0.85) and names_alike(
        gold.get("authority"), pred.get("authority"), 0.7
    ):
        return 1.0
    return None


SCORERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], float | None]] = {
    "event": event_score,
    "statistic": statistic_score,
    "sanction": sanction_score,
}


def pair_up(
    golds: list[dict[str, Any]], preds: list[dict[str, Any]], scorer: Callable[..., float | None]
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing, best score first (required gold rows win ties)."""
    options = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            value = scorer(gold, pred)
            if value is not None:
                options.append((value + (0.001 if gold.get("required") else 0.0), gi, pi))
    options.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in options:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def f_measure(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p and r else 0.0


def event_checks(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool | None]:
    exact = gold.get("date") and int(gold.get("tol_days") or 0) == 0
    return {
        "sub_event_type": pred.get("sub_event_type") == gold.get("sub_event_type"),
        "date_exact": day_of(gold.get("date")) == day_of(pred.get("date")) if exact else None,
        "admin3": township_ok(gold, pred),
        "location": location_ok(gold, pred),
        "actor1": actors_agree(gold.get("actor1"), pred.get("actor1")),
        "actor2": actors_agree(gold.get("actor2"), pred.get("actor2")),
        "fatalities": fatalities_ok(gold, pred),
    }


def evaluate(gold: Iterable[dict[str, Any]], pred: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Recall, precision and F1 per kind, event field accuracies and per-document event counts."""
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    preds: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in gold:
        if row.get("kind") in SCORERS:
            by_doc[doc_of(row)][row["kind"]].append(row)
    docs = set(by_doc)
    for row in pred:
        if doc_of(row) in docs and row.get("kind") in SCORERS:
            preds[doc_of(row)][row["kind"]].append(row)
    report: dict[str, Any] = {}
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_doc: dict[str, dict[str, int]] = {}
    for kind in KINDS:
        required = found = predicted = correct = 0
        for doc in docs:
            g_rows, p_rows = by_doc[doc][kind], preds[doc][kind]
            pairs = pair_up(g_rows, p_rows, SCORERS[kind])
            doc_required = sum(1 for g in g_rows if g.get("required"))
            doc_found = sum(1 for gi, _ in pairs if g_rows[gi].get("required"))
            required, found = required + doc_required, found + doc_found
            predicted, correct = predicted + len(p_rows), correct + len(pairs)
            if kind == "event":
                per_doc[doc] = {
                    "gold_required": doc_required,
                    "found": doc_found,
                    "predicted": len(p_rows),
                    "matched": len(pairs),
                }
                for gi, pi in pairs:
                    for name, ok in event_checks(g_rows[gi], p_rows[pi]).items():
                        if ok is not None:
                            fields[name][0] += int(bool(ok))
                            fields[name][1] += 1
        recall, precision = share(found, required), share(correct, predicted)
        report[kind] = {
            "required": required,
            "found": found,
            "predicted": predicted,
            "correct": correct,
            "recall": recall,
            "precision": precision,
            "f1": f_measure(precision, recall),
        }
    report["event_fields"] = {k: {"accuracy": share(h, n), "n": n} for k, (h, n) in sorted(fields.items())}
    report["per_doc"] = per_doc
    return report


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Records of a JSONL file; a bad line raises ValueError naming it."""
    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not JSON: {exc.msg}") from exc
    return rows


def evaluate_files(gold_path: str | Path, pred_path: str | Path) -> dict[str, Any]:
    return evaluate(read_jsonl(gold_path), read_jsonl(pred_path))


def format_report(report: dict[str, Any], by_doc: bool = False) -> str:
    """The report as lines of text (the layout of score.py)."""
    lines = []
    for kind in KINDS:
        r = report[kind]
        lines.append(
            f"{kind:10s} recall {r['recall']} ({r['found']}/{r['required']})  "
            f"precision {r['precision']} ({r['correct']}/{r['predicted']})  F1 {r['f1']}"
        )
    for name, r in report["event_fields"].items():
        lines.append(f"  event field {name:15s} {r['accuracy']} (n={r['n']})")
    if by_doc:
        lines.extend(f"  {d}: {r}" for d, r in sorted(report["per_doc"].items()))
    return "\n".join(lines)
