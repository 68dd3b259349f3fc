"""Sending pre-serialised JSON: compressed once per body, not on every request.

Large cached answers (the map layer, the township outlines) are kept as bytes; their gzip form is
cached beside them, so a repeated request costs neither serialisation nor compression.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from fastapi import Request, Response


@lru_cache(maxsize=32)
def gzipped(body: bytes) -> bytes:
    """`body` gzip-compressed (cached: the same bytes object is compressed once)."""
    return gzip.compress(body, compresslevel=6)


def json_bytes(request: Request, body: bytes, cache_control: str | None = None) -> Response:
    """A JSON response from serialised bytes, gzip-compressed when the client accepts it."""
    headers = {"Vary": "Accept-Encoding"}
    if cache_control:
        headers["Cache-Control"] = cache_control
    if len(body) > 2000 and "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        return Response(gzipped(body), media_type="application/json", headers=headers)
    return Response(body, media_type="application/json", headers=headers)
