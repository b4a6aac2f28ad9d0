"""Pages by code: a team's link opens its board, any other code gets a refusal page and never a board."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import WebSocketDenialResponse
from starlette.websockets import WebSocketDisconnect

from tests.server.conftest import BASE_URL, socket_url, team_url

PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}")
EXTERNAL = re.compile(r"(?:https?:)?//(?!www\.w3\.org/2000/svg)[a-z0-9.-]+\.[a-z]{2,}")  # an address on another host


def test_a_team_link_opens_that_team_page_in_english_or_french(client, hub):
    english = client.get(team_url(hub, 1))
    assert english.status_code == 200
    assert '<h1 id="team-name">Blue</h1>' in english.text
    assert ">End turn</button>" in english.text
    french = client.get(team_url(hub, 1) + "?lang=fr")
    assert ">Finir le tour</button>" in french.text and '<html lang="fr">' in french.text
    by_browser = client.get(team_url(hub, 1), headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.8"})
    assert '<html lang="fr">' in by_browser.text
    assert not PLACEHOLDER.search(english.text + french.text)
    assert english.headers["cache-control"] == "no-store"
    assert english.headers["referrer-policy"] == "no-referrer"


def test_everything_the_page_needs_is_served_by_the_host(client, hub):
    page = client.get(team_url(hub, 0)).text + client.get(hub.facilitator_link().removeprefix(BASE_URL)).text
    assets = re.findall(r'(?:src|href)="(/[^"]+)"', page)
    assert {"/static/style.css", "/static/common.js", "/static/team.js", "/static/facilitator.js"} <= set(assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    for name in ("common.js", "team.js", "facilitator.js", "style.css"):
        assert not EXTERNAL.search(client.get(f"/static/{name}").text), name  # no CDN: it works offline


@pytest.mark.parametrize(
    "code",
    ["nothing", "", "x" * 500, "%00", "%2e%2e"],
)
def test_unknown_codes_get_a_404_page(client, code):
    response = client.get(f"/t/{code}")
    assert response.status_code == 404
    assert "End turn" not in response.text and "team-name" not in response.text


def test_an_altered_code_opens_nothing(client, hub):
    code = hub.room.access.teams[0]
    altered = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert client.get(f"/t/{altered}").status_code == 404
    assert client.get(f"/t/{code.upper() if code != code.upper() else code.lower()}").status_code == 404
    assert client.get(f"/f/{hub.room.access.teams[0]}").status_code == 404  # a team code is not the facilitator's
    assert client.get(f"/t/{hub.room.access.facilitator}").status_code == 404  # nor a board


def test_a_replaced_link_gets_a_403_and_the_new_one_works(client, hub):
    old = team_url(hub, 2)
    hub.room.replace_link(2)
    refused = client.get(old)
    assert refused.status_code == 403
    assert "replaced" in refused.text and "Green" not in refused.text
    assert client.get(team_url(hub, 2)).status_code == 200
    with pytest.raises((WebSocketDisconnect, WebSocketDenialResponse)), client.websocket_connect(f"{old}/ws"):
        pass


def test_a_socket_with_a_wrong_code_is_refused_before_it_opens(client, hub):
    with pytest.raises((WebSocketDisconnect, WebSocketDenialResponse)), client.websocket_connect("/t/nothing/ws"):
        pass
    team_code = hub.room.access.teams[0]
    with pytest.raises((WebSocketDisconnect, WebSocketDenialResponse)), client.websocket_connect(f"/f/{team_code}/ws"):
        pass


def test_the_facilitator_page_offers_join_qr_codes(client, hub):
    facilitator = hub.facilitator_link().removeprefix(BASE_URL)
    assert client.get(facilitator).status_code == 200
    qr = client.get(f"{facilitator}/qr/1.svg")
    assert qr.status_code == 200 and qr.headers["content-type"].startswith("image/svg+xml")
    assert qr.text.startswith("<svg") and "<path" in qr.text
    assert client.get(f"{facilitator}/qr/9.svg").status_code == 404
    assert client.get(f"{team_url(hub, 0).replace('/t/', '/f/')}/qr/0.svg").status_code == 404


def test_the_landing_page_explains_and_opens_nothing(client):
    response = client.get("/")
    assert response.status_code == 200 and "link" in response.text


def test_a_socket_refused_page_still_gets_its_language(client, hub):
    with client.websocket_connect(socket_url(hub, 0, "fr")) as ws:
        hello = ws.receive_json()
        assert hello["type"] == "hello" and hello["lang"] == "fr"
        assert hello["labels"]["web.end_turn"] == "Finir le tour"
