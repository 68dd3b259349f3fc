"""The map's third-party scripts, served from their PyPI packages (never copied into this repository).

Leaflet comes from `XStatic-Leaflet` and its clustering plugin from `xstatic-leaflet-markercluster`
(both in the `web` extra); each package's data folder is mounted read-only under `/vendor/`, so the
dashboard fetches nothing from the internet.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

# URL folder -> (XStatic module, its PyPI name)
PACKAGES = {
    "leaflet": ("xstatic.pkg.leaflet", "XStatic-Leaflet"),
    "markercluster": ("xstatic.pkg.leaflet_markercluster", "xstatic-leaflet-markercluster"),
}


class MissingExtra(RuntimeError):
    """A package of the `web` extra is not installed."""


def package_dir(module: str, distribution: str) -> Path:
    """The data folder of an XStatic package; MissingExtra naming the extra when it is absent."""
    try:
        found = importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(
            f"the dashboard map needs {distribution}, part of the web extra: pip install 'mawgun[web]'"
        ) from exc
    return Path(found.BASE_DIR)


def mount_vendor(app: FastAPI) -> None:
    """Serve Leaflet and Leaflet.markercluster at /vendor/leaflet/ and /vendor/markercluster/."""
    for folder, (module, distribution) in PACKAGES.items():
        files = StaticFiles(directory=package_dir(module, distribution))
        app.mount(f"/vendor/{folder}", files, name=f"vendor-{folder}")
