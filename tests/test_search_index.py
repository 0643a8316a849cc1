"""The derived search index: round trip, language analysis, filters, facets, snippets, rebuild."""
from __future__ import annotations

import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbridge.model import BOILERPLATE, EVENTS, LOCATIONS, ORGANIZATIONS, PERSONS, Document
from newsbridge.search.index import SearchIndex, parse_query


def _doc(doc_id: str, text: str, lang: str, *, title: str | None = None, published: str | None = None,
         source: str | None = None) -> Document:
    title = title if title is not None else text.split("\n", 1)[0]
    return Document(id=doc_id, text=text, title=title, language=lang, published=published, source=source,
                    origin=f"/tmp/{doc_id}.txt")


def _corpus() -> list[Document]:
    en = _doc("en-forum", "Media forum opens in Beijing\n\nSubscribe to our newsletter!\n\n"
              "BEIJING, Dec 17 (Xinhua) - The media forum opened in Beijing with 300 delegates. "
              "Irina Flyur, Deputy Chairman of the Board, said regional outlets would deepen cooperation.",
              "en", published="2022-12-17", source="Xinhua")
    i = en.text.index("Subscribe")
    en.add(BOILERPLATE, i, en.text.index("\n", i), "subscribe")
    j = en.text.index("Irina Flyur")
    en.add(PERSONS, j, j + len("Irina Flyur"), "", name="Irina Flyur", aliases=["Flyur", "Ирина Флюр"])
    k = en.text.index("Xinhua")
    en.add(ORGANIZATIONS, k, k + 6, "", name="Xinhua")
    b = en.text.index("Beijing")
    en.add(LOCATIONS, b, b + 7, "", name="Beijing", code="CN")
    en.add(EVENTS, 0, 28, "forum", name="media forum")
    en2 = _doc("en-trade", "Trade talks in Minsk\n\nMINSK, 3 January (BelTA) - Officials discussed trade and "
               "logistics. The talks on trade will continue next week.", "en", published="2024-01-03",
               source="BelTA")
    ru = _doc("ru-forum", "Форум регионов открылся в Москве\n\nВ Москве открылся международный форум. "
              "Участники форума обсудили сотрудничество в области СМИ. Председатель Союза журналистов "
              "Андрей Кривошеев выступил на форуме.", "ru", published="2023-05-20", source="ТАСС")
    a = ru.text.index("Андрей Кривошеев")
    ru.add(PERSONS, a, a + 16, "", name="Андрей Кривошеев")
    ru.add(EVENTS, 0, 10, "forum", name="форум регионов")
    zh = _doc("zh-forum", "中俄媒体论坛在北京举行\n\n新华社北京12月17日电 国家主席习近平会见了出席论坛的代表。"
              "双方同意加强媒体合作，扩大地方交流。", "zh", published="2022-12-18", source="新华社")
    zh.add(EVENTS, 0, 10, "forum", name="中俄媒体论坛")
    return [en, en2, ru, zh]


@pytest.fixture
def index(tmp_path):
    ix = SearchIndex(tmp_path / "ix")
    ix.add(_corpus())
    ix.commit()
    yield ix
    ix.close()


def _ids(result) -> list[str]:
    return [h.id for h in result.hits]


def test_search_round_trip_finds_every_document(index):
    assert index.count() == 4
    assert set(index.ids()) == {"en-forum", "en-trade", "ru-forum", "zh-forum"}
    hit = index.search("media forum Beijing").hits[0]
    assert hit.id == "en-forum"
    assert hit.title == "Media forum opens in Beijing"
    assert hit.origin == "/tmp/en-forum.txt" and hit.published == "2022-12-17" and hit.source == "Xinhua"
    assert _ids(index.search("logistics")) == ["en-trade"]


def test_search_english_stemming(index):
    assert _ids(index.search("opening")) == ["en-forum"]        # opens / opened
    assert "en-trade" in _ids(index.search("talk"))


def test_search_russian_inflected_forms_match(index):
    for q in ("форум", "форума", "форумом", "ФОРУМЫ"):
        assert _ids(index.search(q)) == ["ru-forum"], q
    assert _ids(index.search("москва")) == ["ru-forum"]          # в Москве


def test_search_chinese_by_words(index):
    for q in ("论坛", "习近平", "媒体合作", "北京 代表"):
        assert _ids(index.search(q)) == ["zh-forum"], q
    assert _ids(index.search("习近平会见")) == ["zh-forum"]
    assert index.search("莫斯科").hits == []                    # no false match on single characters
    assert index.search('"媒体论坛"').total == 1
    assert index.search('"论坛媒体"').total == 0                # a phrase keeps its order
    assert _ids(index.search("京")) == ["zh-forum"]              # one character: single-character field
    assert index.search("体论坛").total == 1 and index.search("论体").total == 0
    r = index.search("APEC 论坛")                                # no document has both words
    assert r.mode == "or" and _ids(r) == ["zh-forum"]


def test_search_a_chinese_word_needs_its_characters_in_a_row(tmp_path):
    """Its character pairs find the candidates; a document with every pair of 中华人民 but
    not in a row ('中华', '华人', '人民' apart) is no match."""
    ix = SearchIndex(tmp_path / "ix")
    ix.add([_doc("whole", "中华人民共和国成立\n\n中华人民共和国成立七十五周年。", "zh"),
            _doc("apart", "文化交流\n\n中华文化源远流长，海外华人关注人民生活。", "zh")])
    ix.commit()
    assert _ids(ix.search("中华人民")) == ["whole"]
    assert set(_ids(ix.search("中华"))) == {"whole", "apart"}
    assert set(_ids(ix.search("华人"))) == {"whole", "apart"} and _ids(ix.search("流长")) == ["apart"]
    ix.close()


def test_search_boilerplate_is_not_indexed(index):
    assert index.search("newsletter").total == 0


def test_search_phrases(index):
    assert _ids(index.search('"media forum opened"')) == ["en-forum"]
    assert index.search('"forum media"').total == 0
    assert _ids(index.search('"opened in Beijing"')) == ["en-forum"]   # stop word inside a phrase


def test_search_multi_word_prefers_documents_with_every_word(index):
    r = index.search("trade Beijing")                  # no document has both: falls back to any
    assert r.mode == "or" and set(_ids(r)) == {"en-forum", "en-trade"}
    r = index.search("forum delegates")
    assert r.mode == "and" and _ids(r) == ["en-forum"]
    assert index.search("forum -beijing").total == 0    # excluded word
    assert set(_ids(index.search("forum -beijing", lang="ru"))) == set()


def test_search_filters(index):
    assert _ids(index.search("forum", lang="en")) == ["en-forum"]
    assert set(_ids(index.search("", lang="en"))) == {"en-forum", "en-trade"}
    assert set(_ids(index.search("", lang=["ru", "zh"]))) == {"ru-forum", "zh-forum"}
    assert set(_ids(index.search("", source="xinhua"))) == {"en-forum", "zh-forum"}    # 新华社 is Xinhua
    assert set(_ids(index.search("", since="2023-01-01"))) == {"ru-forum", "en-trade"}
    assert set(_ids(index.search("", until="2022-12-18"))) == {"en-forum", "zh-forum"}   # day inclusive
    assert _ids(index.search("", since="2022-12-18", until="2022-12-18")) == ["zh-forum"]
    assert index.search("", since="not a date").total == 0
    assert _ids(index.search("", person="irina flyur")) == ["en-forum"]
    assert _ids(index.search("", person="Ирина Флюр")) == ["en-forum"]           # an alias
    assert _ids(index.search("", person="Андрей  Кривошеев")) == ["ru-forum"]
    assert _ids(index.search("", org="XINHUA")) == ["en-forum"]
    assert _ids(index.search("", place="beijing")) == ["en-forum"]
    assert set(_ids(index.search("", event_type="forum"))) == {"en-forum", "ru-forum", "zh-forum"}
    assert _ids(index.search("форум", event_type="forum", lang="ru")) == ["ru-forum"]
    assert index.search("forum", lang="ru").total == 0


def test_search_empty_query_lists_newest_first(index):
    assert _ids(index.search("")) == ["en-trade", "ru-forum", "zh-forum", "en-forum"]
    page = index.search("", limit=2, offset=2)
    assert _ids(page) == ["zh-forum", "en-forum"] and page.total == 4


def test_search_facets(index):
    f = index.facets("")
    assert dict(f["language"]) == {"en": 2, "ru": 1, "zh": 1}
    assert dict(f["event_type"]) == {"forum": 3}
    assert dict(f["person"]) == {"Irina Flyur": 1, "Андрей Кривошеев": 1}
    assert dict(index.facets("forum", fields=("source",))["source"]) == {"Xinhua": 1}
    with pytest.raises(ValueError):
        index.facets("", fields=("nope",))


def test_search_snippets_highlight_matched_words(index):
    hit = index.search("форума").hits[0]
    marked = [hit.snippet[a:b] for a, b in hit.highlights]
    assert marked and all(m.lower().startswith("форум") for m in marked)
    assert "[" in hit.marked() and "<mark>" in hit.snippet_html
    zh = index.search("论坛").hits[0]
    assert [zh.snippet[a:b] for a, b in zh.highlights] and all(zh.snippet[a:b] == "论坛" for a, b in zh.highlights)
    assert zh.snippet_html.count("<mark>论坛</mark>") == len(zh.highlights)


def test_search_snippet_html_is_escaped(tmp_path):
    ix = SearchIndex(tmp_path / "ix")
    ix.add([_doc("x", "Title <b>\n\nThe <script>alert(1)</script> forum & friends met.", "en")])
    ix.commit()
    hit = ix.search("forum").hits[0]
    assert "<script>" not in hit.snippet_html and "&lt;script&gt;" in hit.snippet_html
    assert "<mark>forum</mark>" in hit.snippet_html
    assert html.unescape(hit.snippet_html.replace("<mark>", "").replace("</mark>", "")) == hit.snippet


def test_search_add_replaces_and_delete_removes(index):
    d = _corpus()[1]
    d.text = d.text.replace("logistics", "railways")
    index.add([d])
    index.commit()
    assert index.count() == 4
    assert index.search("logistics").total == 0 and _ids(index.search("railways")) == ["en-trade"]
    index.delete(["en-trade"])
    index.commit()
    assert index.count() == 3 and "en-trade" not in index


def test_search_rebuild_keeps_every_document_and_swaps(tmp_path):
    ix = SearchIndex(tmp_path / "ix", commit_every=2)
    docs = _corpus()
    ix.add(docs[:1])
    ix.commit()
    assert ix.rebuild(iter(docs + docs[:1])) == 4            # a repeated id is kept once
    assert set(ix.ids()) == {d.id for d in docs}
    gens = sorted(p.name for p in (tmp_path / "ix").glob("gen-*"))
    assert len(gens) == 1
    reopened = SearchIndex(tmp_path / "ix")
    assert reopened.count() == 4 and _ids(reopened.search("форума")) == ["ru-forum"]


def test_search_failed_rebuild_leaves_the_old_index(tmp_path):
    ix = SearchIndex(tmp_path / "ix")
    ix.add(_corpus())
    ix.commit()

    def broken():
        yield from _corpus()[:2]
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError):
        ix.rebuild(broken())
    assert ix.count() == 4
    assert SearchIndex(tmp_path / "ix").count() == 4
    assert len(list((tmp_path / "ix").glob("gen-*"))) == 1


@pytest.mark.parametrize("q", ['"unbalanced', 'a:b', 'title:(x', '((((', '*', '?', '\\', '-', '--', '""',
                               '" "', 'AND', 'OR OR', '[1 TO 5]', '^2', '~', 'форум~2', '\x00', '中"文',
                               'x' * 5000, ' '.join(['forum'] * 200)])
def test_search_odd_queries_never_raise(index, q):
    r = index.search(q)
    assert r.total is not None


def test_parse_query_reads_phrases_and_negation():
    cs = parse_query('media "forum in Beijing" -trade "unclosed')
    assert [(c.text, c.phrase, c.negate) for c in cs] == [
        ("media", False, False), ("forum in Beijing", True, False), ("trade", False, True), ("unclosed", False, False)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
       st.sampled_from([None, "en", "ru", "zh", "xx"]))
def test_search_any_query_never_raises(index, q, lang):
    r = index.search(q, lang=lang, limit=5)
    assert r.total is not None and len(r.hits) <= 5
    index.facets(q, fields=("language",))


def test_search_facet_counts_are_exact_across_segments(tmp_path):
    """Per-segment top lists must not truncate: a value that is never in one segment's top few
    but leads overall keeps its whole count (tantivy's default segment_size would drop it)."""
    ix = SearchIndex(tmp_path / "ix")

    def person_doc(i: int, name: str) -> Document:
        d = _doc(f"d{i}", f"Report {i} on cooperation.", "en")
        d.add(PERSONS, 0, 6, "", name=name)
        return d

    n = 0
    first = []                       # segment 1: twelve names three times each, the leader twice
    for v in range(12):
        for _ in range(3):
            first.append(person_doc(n := n + 1, f"Person {chr(65 + v)}"))
    first += [person_doc(n := n + 1, "Leader Name") for _ in range(2)]
    ix.add(first)
    ix.commit()
    ix.add([person_doc(n := n + 1, "Leader Name") for _ in range(3)])     # segment 2: the leader alone
    ix.commit()
    assert ix.index.searcher().num_segments >= 2
    top = ix.facets("", ["person"], size=1)["person"]
    assert top == [("Leader Name", 5)]
    counts = dict(ix.search("cooperation", facet_fields=["person"], facet_size=20).facets["person"])
    assert counts["Leader Name"] == 5 and sum(counts.values()) == n
    ix.close()


def test_search_rebuild_compacts_and_facets_stay_exact_on_one_segment(tmp_path):
    """A rebuild commits in large steps (one segment here, where adding in small commits left
    several), and facet counts on a single segment, counted with tantivy's default per-segment
    list, are the true counts: 30 names with skewed frequencies, every one checked."""
    ix = SearchIndex(tmp_path / "ix", commit_every=7)
    docs, truth = [], {}
    for i in range(120):
        name = f"Person {i % 30 if i % 4 else 29:02d}"      # Person 29 leads, the rest tie low
        d = _doc(f"d{i}", f"Report {i} on cooperation.", "en")
        d.add(PERSONS, 0, 6, "", name=name)
        docs.append(d)
        truth[name] = truth.get(name, 0) + 1
    ix.add(docs)
    ix.commit()
    assert ix.index.searcher().num_segments > 1
    assert ix.rebuild(docs) == 120
    assert ix.index.searcher().num_segments == 1
    counts = ix.search("cooperation", facet_fields=["person"], facet_size=40).facets["person"]
    assert dict(counts) == truth
    top5 = ix.search("cooperation", facet_fields=["person"], facet_size=5).facets["person"]
    assert [n for _, n in top5] == sorted(truth.values(), reverse=True)[:5]     # fewer than the 30 values
    assert all(truth[v] == n for v, n in top5) and top5[0][0] == "Person 29"
    ix.close()


def test_search_snippet_is_the_text_after_the_title(tmp_path):
    """A hit shows its title above the snippet: the snippet does not repeat it."""
    ix = SearchIndex(tmp_path / "ix")
    ix.add([_doc("a", "Putin meets Xi in Beijing\n\nBEIJING, May 16 -- The leaders held talks on trade. "
                      "Putin said the talks were useful.", "en"),
            _doc("b", "Harbin fair draws buyers\n\nThe fair opened on Monday with 300 stands.", "en")])
    ix.commit()
    hit = ix.search("Putin").hits[0]
    assert hit.snippet == "Putin said the talks were useful." and "Putin meets Xi" not in hit.snippet
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Putin"]
    only_title = ix.search("Harbin").hits[0]         # the words are in the title alone: the text's opening
    assert only_title.snippet == "The fair opened on Monday with 300 stands." and only_title.highlights == []


def test_search_source_filter_finds_an_agency_in_every_script(tmp_path):
    ix = SearchIndex(tmp_path / "ix")
    ix.add([_doc("a", "Forum opens\n\nThe media forum opened.", "en", source="TASS"),
            _doc("b", "Форум открылся\n\nМедиафорум открылся.", "ru", source="ТАСС"),
            _doc("c", "论坛开幕\n\n媒体论坛开幕。", "zh", source="塔斯社"),
            _doc("d", "Forum opens\n\nThe media forum opened.", "en", source="Xinhua")])
    ix.commit()
    assert {h.id for h in ix.search("", source="TASS").hits} == {"a", "b", "c"}
    assert {h.id for h in ix.search("", source="ТАСС").hits} == {"a", "b", "c"}
    assert {h.id for h in ix.search("", source="Xinhua").hits} == {"d"}
    assert {h.id for h in ix.search("", source="Minsk Gazette").hits} == set()
    facets = dict(ix.search("", facet_fields=["source"]).facets["source"])
    assert facets == {"TASS": 3, "Xinhua": 1}                      # one agency, one facet value
