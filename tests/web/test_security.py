"""The web server against a hostile browser and hostile parameters (issue 15, point 11).

- dates at the ends of the calendar are a message, not a 500;
- a request whose Host header is not the server's own name is refused (DNS rebinding: a page on
  evil.example re-pointed at 127.0.0.1 must not read the store);
- no page may be framed (`frame-ancestors 'none'`, `X-Frame-Options: DENY`);
- `mawgun serve --host 0.0.0.0` warns that every document is served to the network.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from web.signin import bearer

EXTREME_DATES = ["0001-01-01", "0001-01-07", "9999-12-31", "9999-12-27", "0001-01-31"]


@pytest.mark.parametrize("day", EXTREME_DATES)
@pytest.mark.parametrize(
    "path", ["/reports", "/reports?period=monthly&", "/reports/full.md?", "/reports/full.html?period=monthly&"]
)
def test_extreme_dates_in_reports_are_a_message_not_a_server_error(client: TestClient, path: str, day: str) -> None:
    url = f"{path}{'&' if '?' in path else '?'}date={day}".replace("?&", "?").replace("&&", "&")
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code < 500, (url, response.text[:300])


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "localhost.evil"])
def test_foreign_host_headers_are_refused(client: TestClient, host: str) -> None:
    for path in ("/", "/api/v1/events", "/documents"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost", "LOCALHOST:80", "[::1]:8765", "192.168.1.20:8765"])
def test_the_servers_own_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/v1/events", headers={"Host": host}).status_code == 200


def test_more_host_names_can_be_allowed(filled_url: str) -> None:
    from mawgun.web.app import create_app

    with TestClient(create_app(filled_url, allowed_hosts=["mawgun.lan"]), headers=bearer(filled_url)) as client:
        assert client.get("/api/v1/events", headers={"Host": "mawgun.lan:8765"}).status_code == 200
        assert client.get("/api/v1/events", headers={"Host": "other.lan"}).status_code == 400


@pytest.mark.parametrize("path", ["/", "/api/v1/events", "/reports/full.html", "/static/app.css"])
def test_no_page_can_be_framed(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


def test_serving_to_the_network_warns(monkeypatch: pytest.MonkeyPatch, filled_url: str) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from mawgun.cli.main import app

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append(kwargs))
    result = CliRunner().invoke(app, ["serve", "--db", filled_url, "--host", "0.0.0.0", "--mode", "public"])
    assert result.exit_code == 0, result.output
    assert "without a login" in " ".join(result.output.split())
    assert calls and calls[0]["host"] == "0.0.0.0"
    private = CliRunner().invoke(app, ["serve", "--db", filled_url, "--host", "0.0.0.0"])
    assert "without a login" not in " ".join(private.output.split())
    assert "behind https" in " ".join(private.output.split())
    local = CliRunner().invoke(app, ["serve", "--db", filled_url])
    assert "without a login" not in local.output and "https" not in local.output


def test_a_document_id_with_slashes_and_query_characters_is_reachable(tmp_path, store_url: str) -> None:  # type: ignore[no-untyped-def]
    import json
    import re

    from mawgun.ingest import ingest_paths
    from mawgun.web.app import create_app

    doc_id = "wire/2024/03/report 1?draft#2"
    path = tmp_path / "docs.jsonl"
    text = "Junta jets bombed a market in Sagaing Region on 2 March 2024, residents said."
    path.write_text(json.dumps({"doc_id": doc_id, "text": text, "title": "Market bombed"}) + "\n")
    assert ingest_paths([path], store_url, progress=False).read == 1
    with TestClient(create_app(store_url), headers=bearer(store_url)) as client:
        listing = client.get("/documents", headers={"Accept": "text/html"}).text
        link = re.search(r'href="(/documents/[^"]+)">Market bombed', listing)
        assert link, "the documents page links the document"
        page = client.get(link.group(1).replace("&amp;", "&"))
        assert page.status_code == 200 and "Market bombed" in page.text
        api = client.get(link.group(1).replace("/documents/", "/api/v1/documents/"))
        assert api.status_code == 200 and api.json()["id"] == doc_id


def test_timestamps_carry_their_time_zone(client: TestClient) -> None:
    """RFC 3339 `date-time`, as the schema declares, needs a zone: the store's UTC times say so."""
    first = client.get("/api/v1/documents", params={"limit": 1}).json()
    doc_id = first["items"][0]["id"] if isinstance(first, dict) else first[0]["id"]
    document = client.get(f"/api/v1/documents/{doc_id}").json()
    assert document["ingested_at"].endswith(("Z", "+00:00")), document["ingested_at"]
