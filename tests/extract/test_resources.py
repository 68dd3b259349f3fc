"""The gazetteer and the actor registry are required: extraction without them stops with an error that names
what is missing, instead of silently coding places and actors another way."""

from __future__ import annotations

import builtins
import datetime as dt
from typing import Any

import pytest

from mawgun.extract import actors, extract_document, places
from mawgun.extract.places import MissingResourceError
from mawgun.model import Document

TEXT = "Junta jets bombed Kyauk Kyi village in Kani Township, Sagaing Region, on Monday, killing three villagers."


def refuse_import(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    """Make `import module` fail as it would in an install without it."""
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == module or name.startswith(module + "."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)


@pytest.fixture(autouse=True)
def fresh_caches() -> Any:
    places.get_geocoder.cache_clear()
    actors.get_registry.cache_clear()
    yield
    places.get_geocoder.cache_clear()
    actors.get_registry.cache_clear()


def extract_sample() -> list[Any]:
    doc = Document(doc_id="resources", text=TEXT, published=dt.date(2024, 6, 5))
    return extract_document(doc)


def test_a_missing_gazetteer_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_import(monkeypatch, "mawgun.geo")
    with pytest.raises(MissingResourceError, match="gazetteer"):
        extract_sample()


def test_a_missing_actor_registry_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    places.get_geocoder()  # loaded before imports are refused
    refuse_import(monkeypatch, "mawgun.actors")
    with pytest.raises(MissingResourceError, match="actor registry"):
        extract_sample()


def test_an_unreadable_gazetteer_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import mawgun.geo

    def broken() -> Any:
        raise FileNotFoundError("mawgun/geo/data/gazetteer.sqlite")

    monkeypatch.setattr(mawgun.geo, "get_geocoder", broken)
    with pytest.raises(MissingResourceError, match="gazetteer"):
        extract_sample()


def test_with_both_resources_the_sample_is_coded() -> None:
    (event,) = [r.to_json() for r in extract_sample() if r.kind == "event"]
    assert (event["admin3"], event["actor1"], event["fatalities"]) == ("Kani", ["MIL"], 3)
