"""A place is one actor across scripts (Китай = 中国 = China): in the network, on its actor
page, and as a search filter — from real analyzer output, not hand-made layers."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsbridge.api.app import create_app
from newsbridge.settings import load_settings
from newsbridge.workspace import Workspace

TEXTS = {
    "en": "China and Russia sign media pact\n\nBEIJING, May 3 (TestWire) - China and Russia signed an agreement "
          "on news exchange in Beijing on Tuesday.\n",
    "ru": "Китай и Россия подписали соглашение\n\nПЕКИН, 3 мая. /ТестИнформ/ - Китай и Россия подписали во вторник "
          "в Пекине соглашение об обмене новостями.\n",
    "zh": "中俄签署媒体合作协议\n\n新华社北京5月3日电 中国和俄罗斯3日在北京签署新闻交流协议。\n",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    d = tmp_path_factory.mktemp("places")
    for lang, text in TEXTS.items():
        (d / f"{lang}.txt").write_text(text, encoding="utf-8")
    settings = load_settings(config_file=d / "none.toml", db=str(d / "s.db"))
    ws = Workspace(settings)
    ws.ingest([d / f"{lang}.txt" for lang in TEXTS])
    with TestClient(create_app(settings, ws)) as c:
        yield c
    ws.close()


def test_one_node_per_country_in_the_network(client):
    net = client.get("/api/v1/network").json()
    keys = {n["key"] for n in net["nodes"]}
    assert {"China", "Russia"} <= keys
    assert not keys & {"Китай", "Россия", "中国", "俄罗斯"}


def test_the_actor_page_of_a_place_gathers_every_script(client):
    v = client.get("/api/v1/entities/China").json()
    assert v["actor"]["kind"] == "LOC" and v["actor"]["articles"] == 3
    assert {"Китай", "中国", "China"} <= {n["name"] for n in v["names"]}
    langs = {n["name"]: n["languages"] for n in v["names"]}
    assert langs["Китай"] == ["ru"] and langs["中国"] == ["zh"] and langs["China"] == ["en"]   # where each is written


def test_the_place_filter_finds_every_script(client):
    hits = client.get("/api/v1/search", params={"place": "China"}).json()["hits"]
    assert {h["language"] for h in hits} == {"en", "ru", "zh"}


def test_the_place_facet_counts_a_place_once_across_scripts(client):
    places = dict((f["value"], f["count"]) for f in client.get("/search.json").json()["facets"]["place"])
    assert places.get("China") == 3 and places.get("Beijing") == 3
    assert not set(places) & {"Китай", "中国", "BEIJING", "Пекин", "北京"}


def test_an_article_links_its_places_and_people_to_their_actors(client):
    ru = next(h for h in client.get("/api/v1/search", params={"place": "China", "lang": "ru"}).json()["hits"])
    v = client.get(f"/api/v1/articles/{ru['id']}").json()
    assert {p["href"] for p in v["places"]} >= {"/actor/China", "/actor/Russia", "/actor/Beijing"}


def test_an_agency_named_as_an_organisation_is_one_actor_across_scripts(tmp_path):
    texts = {"en": "Agencies sign pact\n\nMOSCOW, May 3 (TestWire) - Xinhua News Agency and TASS signed a news "
                   "exchange agreement in Moscow on Tuesday.\n",
             "ru": "Агентства подписали соглашение\n\nМОСКВА, 3 мая. /ТестИнформ/ - Информационное агентство "
                   "«Синьхуа» и ТАСС во вторник подписали в Москве соглашение об обмене новостями.\n"}
    for lang, text in texts.items():
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
    settings = load_settings(config_file=tmp_path / "none.toml", db=str(tmp_path / "s.db"))
    with Workspace(settings) as ws:
        ws.ingest([tmp_path / "en.txt", tmp_path / "ru.txt"])
        c = TestClient(create_app(settings, ws))
        orgs = dict((f["value"], f["count"]) for f in c.get("/search.json").json()["facets"]["org"])
        assert orgs.get("Xinhua") == 2 and orgs.get("TASS") == 2, orgs
        hits = c.get("/api/v1/search", params={"org": "Xinhua"}).json()["hits"]
        assert {h["language"] for h in hits} == {"en", "ru"}
        assert c.get("/api/v1/entities/Xinhua").json()["actor"]["articles"] == 2
