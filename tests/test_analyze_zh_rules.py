"""Chinese analyzer rules on small hand-written sentences: organizations, counts, negatives
(terms, languages, peoples and organizations named like events), pronoun subjects."""
import pytest

pytest.importorskip("jieba")

from newsbridge.model import EVENTS, LOCATIONS, ORGANIZATIONS, PERSONS, QUOTES, Document  # noqa: E402


def run(text: str, published: str | None = "2025-12-17") -> Document:
    from newsbridge.analyze.zh import analyze_zh
    doc = Document(id="t", text=text, language="zh", published=published)
    analyze_zh(doc)
    return doc


def full(text: str) -> Document:
    """The text through clean, metadata (title, dateline) and analysis, as ingest runs it."""
    from newsbridge.pipeline import apply
    return apply(Document(id="t", text=text, language="zh"), ["clean", "metadata", "analyze"])


def names(doc, layer):
    return {s.attrs["name"] for s in doc.layer(layer)}


def test_forum_counts_from_following_sentences_and_signing_during_it():
    doc = run("第三届中哈青年论坛15日在阿斯塔纳举行。中哈两国约200名代表出席。双方在论坛期间签署了7份合作文件。")
    events = doc.layer(EVENTS)
    assert [e.label for e in events] == ["forum"]
    a = events[0].attrs
    assert a["date"] == "2025-12-15" and a["place"] == "阿斯塔纳"
    assert a["counts"] == {"attendees": 200, "documents_signed": 7}
    assert {"中国", "哈萨克斯坦"} <= set(a["participants"])


def test_organisation_named_forum_and_released_report_are_not_events():
    doc = run("世界经济论坛预测，明年全球经济增速将放缓。这份于9月发布的报告显示，出口在增加。")
    assert not doc.layer(EVENTS)
    assert "世界经济论坛" in names(doc, ORGANIZATIONS)


def test_video_meeting_is_one_event_and_same_day_takes_the_date():
    doc = run("12月3日，两国元首举行视频会晤。当天，两国外长在北京会见记者。")
    labels = [e.label for e in doc.layer(EVENTS)]
    assert labels.count("video_conference") == 1 and "meeting" in labels
    assert all(e.attrs["date"] == "2025-12-03" for e in doc.layer(EVENTS))


def test_organisations_media_in_title_marks_latin_and_coordination():
    doc = run("哈萨克斯坦国家安全和国防委员会秘书卡利·托卡耶夫在接受《莫斯科时报》采访时说，"
              "Blue Ridge Partners的分析师马丁·霍尔表示同意。中国外交部发言人毛宁回应。")
    orgs = names(doc, ORGANIZATIONS)
    assert {"哈萨克斯坦国家安全和国防委员会", "莫斯科时报", "Blue Ridge Partners", "中国外交部"} <= orgs
    persons = {s.attrs["name"]: s.attrs for s in doc.layer(PERSONS)}
    assert persons["马丁·霍尔"]["org"] == "Blue Ridge Partners"
    assert persons["毛宁"]["roles"] == ["发言人"] and persons["毛宁"]["org"] == "中国外交部"


def test_apposition_gives_role_and_organisation():
    doc = run("马库斯·韦伯是德国汽车工业协会的首席经济学家，他认为市场会复苏。")
    p = {s.attrs["name"]: s.attrs for s in doc.layer(PERSONS)}["马库斯·韦伯"]
    assert any("经济学家" in r for r in p["roles"]) and p["org"] == "德国汽车工业协会"


def test_not_persons_places_peoples_or_common_words():
    doc = run("苏格兰人和撒克逊人都来到唐宁街。双边关系保持高水平发展，顾客很多。")
    assert not doc.layer(PERSONS)


def test_languages_are_not_places_and_traditional_city_names_are():
    doc = run("他会说西班牙语。代表团随后抵达哈爾科夫和基辅。")
    locs = {s.attrs["name"]: s.attrs for s in doc.layer(LOCATIONS)}
    assert "西班牙" not in locs
    assert locs["哈爾科夫"]["code"] is None and locs["哈爾科夫"]["canonical"] == "Kharkiv"
    assert locs["基辅"]["canonical"] == "Kyiv"


def test_pronoun_is_the_subject_of_its_sentence():
    doc = run("董事长约翰·史密斯于2010年与妻子玛丽一起创办了公司，他表示：“我们会继续扩大投资。”")
    q = doc.layer(QUOTES)[0]
    assert q.attrs["speaker"] == "约翰·史密斯" and q.attrs["how"] == "pronoun"


def test_fragments_of_speech_count_terms_do_not():
    doc = run("外交部长王毅表示，中方支持“一带一路”倡议，美方的做法“完全站不住脚”。")
    quotes = {doc.span_text(s): s.attrs["speaker"] for s in doc.layer(QUOTES)}
    assert quotes.get("完全站不住脚") == "王毅"
    assert "一带一路" not in quotes


def test_split_quote_with_colon_attribution_is_one_quote():
    doc = run("“这是第一部分。”俄罗斯外交部发言人扎哈罗娃在记者会上表示：“这是第二部分。”")
    quotes = doc.layer(QUOTES)
    assert len(quotes) == 1 and len(quotes[0].attrs["parts"]) == 2
    assert quotes[0].attrs["speaker"] == "扎哈罗娃"


def test_dotted_name_does_not_run_into_the_next_word():
    doc = run("前议长凯文·麦卡锡达成了协议。斯科特·布鲁斯特于2017年创办了公司。")
    assert {"凯文·麦卡锡", "斯科特·布鲁斯特"} <= names(doc, PERSONS)


def test_month_day_without_a_year_stays_unresolved_when_the_text_names_several_years():
    doc = run("12月18日召开部长级峰会，要求到2030年达到10%，到2040年达到40%。", published=None)
    ev = doc.layer(EVENTS)[0]
    assert ev.label == "forum" and ev.attrs["date"] is None


def test_a_three_character_name_after_a_title_is_a_person_whatever_its_surname():
    from support import analyzed
    text = ("中俄媒体论坛在北京举行\n\n中央广播电视总台台长慎海雄在开幕式上致辞说：“中俄两国媒体合作前景广阔。”\n")
    people = analyzed(text, "zh", "persons")
    assert "台长" in people["慎海雄"]["roles"]
    doc = full(text)
    assert [q.attrs["speaker"] for q in doc.layer("quotes")] == ["慎海雄"]


def test_the_headlines_event_told_again_dated_in_the_lead_is_one_event():
    text = ("环球网\n\n俄罗斯总统普京会见中国外长王毅\n\n2025-12-03 08:15:22 来源: 环球网\n\n"
            "【环球网报道 记者 王某】据俄媒报道，俄罗斯总统普京2日在克里姆林宫会见了中国外长王毅。\n")
    doc = full(text)
    meetings = [e.attrs for e in doc.layer("events") if e.label == "meeting"]
    assert len(meetings) == 1 and meetings[0]["date"] == "2025-12-02" and meetings[0]["place"] == "克里姆林宫"


def test_a_title_cut_by_a_place_word_before_a_transliterated_name():
    from support import analyzed
    text = "新华社明斯克3月11日电 白俄罗斯新闻部长马尔科夫和俄罗斯数字发展部长沙达耶夫11日在明斯克签署了合作计划。\n"
    people = analyzed(text, "zh", "persons")
    assert "沙达耶夫" in people and people["沙达耶夫"]["roles"] == ["俄罗斯数字发展部长"]   # the ministry it is of
    assert "长沙" not in analyzed(text, "zh", "locations")


@pytest.mark.parametrize("name", ["卢卡申科", "格里戈连科", "马特维延科"])
def test_a_transliterated_name_ending_in_ke_is_a_name_not_a_section(name):
    from newsbridge.analyze.zh import _not_a_name
    assert not _not_a_name(name)
    assert _not_a_name("环境犯罪科")          # a section of a department stays one


def test_a_deputy_ministers_quote_keeps_its_speaker():
    text = "人民网莫斯科11月19日电 俄罗斯数字发展部副部长格里戈连科表示：“俄中媒体合作不断深化。”\n"
    doc = full(text)
    assert [q.attrs["speaker"] for q in doc.layer("quotes")] == ["格里戈连科"]


def test_a_symposium_is_a_forum_named_once_whatever_the_headline_calls_it():
    text = ("中白媒体合作座谈会在京举行\n\n2025年06月11日 19:20　来源：光明网\n\n光明网北京6月11日电 中国—白俄罗斯媒体合作"
            "座谈会11日在北京举行。\n\n座谈会上，双方签署了三份合作文件。\n")
    doc = full(text)
    forums = [e.attrs for e in doc.layer("events") if e.label == "forum"]
    assert len(forums) == 1 and forums[0]["date"] == "2025-06-11" and forums[0]["place"] == "北京"


def test_a_count_of_attendees_with_words_between_and_china_by_来华():
    doc = full("中俄媒体合作座谈会在莫斯科举行\n\n人民网莫斯科11月19日电 11月19日，中俄媒体合作座谈会在莫斯科举行。约80名两国媒体代表出席。\n")
    forum = next(e.attrs for e in doc.layer(EVENTS) if e.label == "forum")
    assert forum["counts"].get("attendees") == 80
    doc = full("哈萨克斯坦总统托卡耶夫访问中国\n\n2025年9月2日 新华社\n\n新华社北京9月1日电 国家主席习近平1日在人民大会堂同来华进行国事访问的"
               "哈萨克斯坦总统托卡耶夫举行会谈。\n")
    visits = [e.attrs for e in doc.layer(EVENTS) if e.label == "visit"]
    assert len(visits) == 1 and visits[0]["date"] == "2025-09-01" and "中国" in visits[0]["participants"]


def test_one_person_whatever_dot_joins_the_name():
    doc = run("里希•苏纳克周二表示，政府将修改法律。里希·苏纳克还说，苏纳克将访问苏格兰。")
    persons = [s.attrs for s in doc.layer(PERSONS)]
    assert len(persons) == 1 and persons[0]["name"] == "里希·苏纳克" and "里希•苏纳克" in persons[0]["aliases"]


def test_a_name_before_a_street_or_square_word_is_no_person():
    doc = run("画廊位于圣莫尼卡大道7414号。游客聚集在天安门广场。")
    assert not names(doc, PERSONS), names(doc, PERSONS)


def test_a_word_of_its_own_ending_in_tai_is_no_station():
    doc = run("那英站台助阵，两人北京同台演出。中央电视台报道了演出。")
    orgs = names(doc, ORGANIZATIONS)
    assert not any(o.endswith(("站台", "同台")) for o in orgs), orgs


def test_an_organisation_does_not_open_with_the_suffix_closing_the_one_before():
    doc = run("他长期担任美国司法部环境和自然资源司环境犯罪科的负责人。")
    orgs = names(doc, ORGANIZATIONS)
    assert not any(o.startswith("司环境") for o in orgs) and any("司法部" in o for o in orgs), orgs
