"""A small hand-built corpus for the serve tests: articles with layers written by hand
(people, quotes, events, boilerplate), a story with a reprint and translations, linked
entities across scripts, and one hostile article. No analyzer runs: the web layer is tested
on exactly the evidence it is given."""
from __future__ import annotations

from pathlib import Path

from newsbridge.model import (BOILERPLATE, EVENTS, LOCATIONS, MENTIONS, ORGANIZATIONS, PERSONS, QUOTES,
                              Document, Link, document_id)
from newsbridge.settings import load_settings
from newsbridge.workspace import Workspace

HOSTILE_TITLE = 'Hostile <script>window.__pwned_title=1;alert("t")</script> headline'
HOSTILE_TEXT = (
    'Hostile <script>window.__pwned_title=1;alert("t")</script> headline\n\n'
    'Officials met <img src=x onerror="window.__pwned=1;alert(1)"> in the capital.\n'
    'A second payload: <script>window.__pwned=2;alert(2)</script> and "><svg onload=alert(3)>.\n'
    'Mallory <b onmouseover=alert(4)>Evil</b> said: "<iframe src=javascript:alert(5)></iframe>".\n'
    'Subscribe <a href="javascript:alert(6)">here</a>\n'
)


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def _doc(text: str, **fields) -> Document:
    return Document(id=document_id(text.encode("utf-8")), text=text, media_type="text/plain", **fields)


def _person(doc: Document, name: str, surface: str | None = None, **attrs) -> None:
    surface = surface or name
    spots, pos = [], 0
    while True:
        try:
            a, b = _find(doc.text, surface, pos)
        except ValueError:
            break
        spots.append([a, b])
        doc.add(MENTIONS, a, b, "PER", normal=name, surface=surface)
        pos = b
    doc.add(PERSONS, spots[0][0], spots[0][1], "PER", name=name, mentions=spots, aliases=attrs.pop("aliases", []),
            roles=attrs.pop("roles", []), org=attrs.pop("org", None), key="")


def _place(doc: Document, name: str, surface: str | None = None, code: str | None = None) -> None:
    a, b = _find(doc.text, surface or name)
    doc.add(MENTIONS, a, b, "LOC", normal=name, surface=surface or name)
    doc.add(LOCATIONS, a, b, "LOC", name=name, aliases=[], code=code, mentions=[[a, b]])


def _org(doc: Document, name: str) -> None:
    a, b = _find(doc.text, name)
    doc.add(MENTIONS, a, b, "ORG", normal=name, surface=name)
    doc.add(ORGANIZATIONS, a, b, "ORG", name=name, aliases=[], mentions=[[a, b]])


def _quote(doc: Document, quote: str, speaker: str, speaker_surface: str) -> None:
    a, b = _find(doc.text, quote)
    sa, sb = _find(doc.text, speaker_surface, b) if speaker_surface in doc.text[b:] else _find(doc.text, speaker_surface)
    doc.add(QUOTES, a, b, "", speaker=speaker, speaker_span=[sa, sb], attribution_span=None, how="after")


def _event(doc: Document, sentence: str, kind: str, participants: list[str], date: str, place: str | None,
           name: str | None = None) -> None:
    a, b = _find(doc.text, sentence)
    doc.add(EVENTS, a, b, kind, name=name, date=date, place=place, participants=participants, counts={},
            planned=False, trigger_span=[a, a + 1])


def build_docs() -> dict[str, Document]:
    docs: dict[str, Document] = {}

    t = ("Xi Jinping meets Vladimir Putin in Beijing\n\n"
         "BEIJING, May 16 (Xinhua) -- Chinese President Xi Jinping held talks with Russian President "
         "Vladimir Putin in Beijing on Thursday.\n"
         "\"Our cooperation is a stabilizing factor in the world,\" Putin said after the talks.\n"
         "The two leaders signed a joint statement on the new era of partnership.\n"
         "Subscribe to our newsletter for more news.\n")
    d = _doc(t, title="Xi Jinping meets Vladimir Putin in Beijing", language="en", published="2024-05-16",
             source="Xinhua", url="https://news.example.org/xi-putin")
    _person(d, "Xi Jinping", aliases=["Xi"], roles=["President"], org="China")
    _person(d, "Vladimir Putin", aliases=["Putin"], roles=["President"], org="Russia")
    _place(d, "Beijing", code="CN")
    _quote(d, "Our cooperation is a stabilizing factor in the world,", "Vladimir Putin", "Putin")
    _event(d, "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Beijing on Thursday.",
           "meeting", ["Xi Jinping", "Vladimir Putin"], "2024-05-16", "Beijing", "talks")
    _event(d, "The two leaders signed a joint statement on the new era of partnership.", "agreement",
           ["Xi Jinping", "Vladimir Putin"], "2024-05-16", "Beijing", "joint statement")
    a, b = _find(t, "Subscribe to our newsletter for more news.")
    d.add(BOILERPLATE, a, b, "subscribe")
    docs["origin"] = d

    t2 = t.replace("BEIJING, May 16 (Xinhua)", "BEIJING, May 16 (Daily Reprint)")
    d2 = _doc(t2, title="Xi Jinping meets Vladimir Putin in Beijing", language="en", published="2024-05-17",
              source="Daily Reprint", url="https://reprint.example.com/a/1")
    _person(d2, "Xi Jinping", roles=["President"])
    _person(d2, "Vladimir Putin", roles=["President"])
    _event(d2, "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Beijing on Thursday.",
           "meeting", ["Xi Jinping", "Vladimir Putin"], "2024-05-16", "Beijing", "talks")
    docs["reprint"] = d2

    t3 = ("Владимир Путин провёл переговоры с Си Цзиньпином в Пекине\n\n"
          "ПЕКИН, 16 мая. Президент России Владимир Путин провёл переговоры с председателем КНР Си Цзиньпином в Пекине.\n"
          "«Наше сотрудничество — стабилизирующий фактор в мире», — сказал Путин.\n")
    d3 = _doc(t3, title="Владимир Путин провёл переговоры с Си Цзиньпином в Пекине", language="ru",
              published="2024-05-16", source="ТАСС")
    _person(d3, "Владимир Путин", roles=["Президент"], org="Россия")
    _person(d3, "Си Цзиньпин", surface="Си Цзиньпином", roles=["председатель"], org="КНР")
    _quote(d3, "Наше сотрудничество — стабилизирующий фактор в мире", "Владимир Путин", "Путин")
    _event(d3, "Президент России Владимир Путин провёл переговоры с председателем КНР Си Цзиньпином в Пекине.",
           "meeting", ["Владимир Путин", "Си Цзиньпин"], "2024-05-16", "Пекин")
    docs["ru"] = d3

    t4 = ("习近平同普京举行会谈\n\n新华社北京5月16日电 国家主席习近平16日在北京同俄罗斯总统普京举行会谈。\n")
    d4 = _doc(t4, title="习近平同普京举行会谈", language="zh", published="2024-05-16", source="新华社")
    _person(d4, "习近平", roles=["国家主席"])
    _person(d4, "普京", roles=["总统"])
    _event(d4, "国家主席习近平16日在北京同俄罗斯总统普京举行会谈。", "meeting", ["习近平", "普京"], "2024-05-16", "北京")
    docs["zh"] = d4

    t5 = ("Media forum opens in Moscow\n\n"
          "MOSCOW, June 3 -- Li Shulei and Dmitry Chernyshenko opened the Russian-Chinese Media Forum in Moscow.\n"
          "Vladimir Putin sent a greeting to the forum participants.\n"
          "The forum was organized by Xinhua News Agency and TASS.\n")
    d5 = _doc(t5, title="Media forum opens in Moscow", language="en", published="2024-06-03", source="TASS")
    _person(d5, "Li Shulei", roles=["head of the publicity department"])
    _person(d5, "Dmitry Chernyshenko", roles=["Deputy Prime Minister"])
    _person(d5, "Vladimir Putin")
    _org(d5, "Xinhua News Agency")
    _place(d5, "Moscow", code="RU")
    _event(d5, "Li Shulei and Dmitry Chernyshenko opened the Russian-Chinese Media Forum in Moscow.", "forum",
           ["Li Shulei", "Dmitry Chernyshenko", "Vladimir Putin"], "2024-06-03", "Moscow", "Russian-Chinese Media Forum")
    docs["forum"] = d5

    d6 = _doc(HOSTILE_TEXT, title=HOSTILE_TITLE, language="en", published="2024-07-01",
              source='<script>alert("src")</script>Evil Outlet', url="javascript:alert(7)")
    _person(d6, 'Mallory <b onmouseover=alert(4)>Evil</b>', aliases=["<img src=x onerror=alert(8)>"])
    _quote(d6, "<iframe src=javascript:alert(5)></iframe>", 'Mallory <b onmouseover=alert(4)>Evil</b>', "Mallory")
    _event(d6, 'Officials met <img src=x onerror="window.__pwned=1;alert(1)"> in the capital.', "meeting",
           ['Mallory <b onmouseover=alert(4)>Evil</b>', "<script>alert(9)</script>"], "2024-07-01", "<i>capital</i>")
    a, b = _find(HOSTILE_TEXT, 'Subscribe <a href="javascript:alert(6)">here</a>')
    d6.add(BOILERPLATE, a, b, "subscribe")
    docs["hostile"] = d6
    return docs


def build_workspace(tmp_path: Path, **settings) -> tuple[Workspace, dict[str, str]]:
    """A workspace in ``tmp_path`` holding the corpus, its index, story, links and entities."""
    ws = Workspace(load_settings(config_file=tmp_path / "none.toml", db=str(tmp_path / "serve.db"), **settings))
    docs = build_docs()
    ws.store.save_many((d, d.text.encode("utf-8")) for d in docs.values())
    ws.index.add(docs.values())
    ws.index.commit()
    ids = {k: d.id for k, d in docs.items()}
    ws.store.save_links([Link(ids["origin"], ids["reprint"], "reprint", 0.97, {"jaccard": 0.97}),
                         Link(ids["origin"], ids["ru"], "translation", 0.81, {}),
                         Link(ids["origin"], ids["zh"], "translation", 0.78, {})])
    ws.store.replace_stories([
        {"story_id": "s1", "doc_id": ids["origin"], "role": "origin", "parent": None, "position": 0, "evidence": {}},
        {"story_id": "s1", "doc_id": ids["ru"], "role": "translation", "parent": ids["origin"], "position": 1, "evidence": {}},
        {"story_id": "s1", "doc_id": ids["zh"], "role": "translation", "parent": ids["origin"], "position": 2, "evidence": {}},
        {"story_id": "s1", "doc_id": ids["reprint"], "role": "reprint", "parent": ids["origin"], "position": 3, "evidence": {}},
    ])
    entities = [
        {"key": "xi jinping", "name": "Xi Jinping", "kind": "PER", "aliases": ["习近平", "Си Цзиньпин", "Xi"], "attrs": {}},
        {"key": "vladimir putin", "name": "Vladimir Putin", "kind": "PER", "aliases": ["Владимир Путин", "普京", "Putin"], "attrs": {}},
    ]
    mentions = []
    for k, names in (("origin", ("Xi Jinping", "Vladimir Putin")), ("reprint", ("Xi Jinping", "Vladimir Putin")),
                     ("ru", ("Си Цзиньпин", "Владимир Путин")), ("zh", ("习近平", "普京")), ("forum", (None, "Vladimir Putin"))):
        xi, putin = names
        lang = docs[k].language
        if xi:
            mentions.append({"entity_key": "xi jinping", "doc_id": ids[k], "name": xi, "language": lang, "score": 1.0})
        mentions.append({"entity_key": "vladimir putin", "doc_id": ids[k], "name": putin, "language": lang, "score": 1.0})
    ws.store.save_entities(entities, mentions)
    ws.index.close()
    return ws, ids
