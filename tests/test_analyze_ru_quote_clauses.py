"""Russian quotes inside reported speech: an initial's point ('Н. Кан заявил', 'М. Помпео
призвал') ends no clause, so the speaker before the verb is found; a quote followed by ', а X
отметил' belongs to the clause before it, not to X; and a foreign full name whose -а the
normaliser took for a genitive ending keeps it where it is the subject of a verb ('Сэйдзи Маэхара
отметил'); a first name the dictionary reads only as another name's plural ('Уилл': 'Уилла')
gives the person no gender, so 'говорит он' finds him."""
import pytest

from support import analyzed_doc

RU = ("Итоги дня\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. После поездки на Курилы премьер-министр Японии Н. Кан "
      "заявил, что этот визит «вызывает сожаление», а глава японского МИДа Сэйдзи Маэхара отметил, что этот "
      "поступок «ранит чувства японского народа». Выступая в библиотеке, М. Помпео призвал создать «новый альянс» "
      "против Китая.\n")


@pytest.fixture(scope="module")
def doc():
    return analyzed_doc(RU, "ru")


def _speakers(doc):
    return {doc.span_text(q): q.attrs.get("speaker") for q in doc.layer("quotes")}


def test_quote_before_a_new_clause_is_the_first_speakers(doc):
    assert _speakers(doc)["вызывает сожаление"] == "Н. Кан"


def test_quote_of_the_second_clause(doc):
    assert _speakers(doc)["ранит чувства японского народа"] == "Сэйдзи Маэхара"


def test_speaker_named_with_an_initial(doc):
    assert _speakers(doc)["новый альянс"] == "М. Помпео"


def test_foreign_subject_keeps_its_a(doc):
    assert "Сэйдзи Маэхара" in {p.attrs["name"] for p in doc.layer("persons")}


def test_a_first_name_read_as_a_plural_gives_no_gender():
    doc = analyzed_doc("Итоги дня\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. Брокер Уилл Кристи рассказал газете о заказах. "
                       "«Люди просто жаждут свободы», говорит он.\n", "ru")
    assert [q.attrs.get("speaker") for q in doc.layer("quotes")] == ["Уилл Кристи"]


def test_titles_listed_with_commas_before_the_speaker_after_the_quote():
    from support import analyzed_doc
    text = ('Дубай\n\n"Мы завершили переход к полностью безбумажному правительству",- заявил в субботу наследный '
            'принц эмирата, председатель исполнительного совета Дубая, шейх Хамдан бен Мухаммед бен Рашид Аль Мактум. '
            'Теперь документооборот будет цифровым.\n')
    doc = analyzed_doc(text, "ru")
    assert [q.attrs["speaker"] for q in doc.layer("quotes")] == ["Хамдан бен Мухаммед бен Рашид Аль Мактум"]


def test_he_assures_that_quote():
    from support import analyzed_doc
    text = 'Театр\n\nАктер Александр Филиппенко заявил, что решение было плановым. Так, он заверяет, что "никого не подвел".\n'
    doc = analyzed_doc(text, "ru")
    assert [q.attrs["speaker"] for q in doc.layer("quotes")] == ["Александр Филиппенко"]


def test_his_words_quoted_by_an_agency_are_his():
    from support import analyzed_doc
    doc = analyzed_doc('Новости\n\nОб этом заявил председатель совета Халед аль-Мишри. "У них имеются и самолеты", '
                       '- приводит его слова агентство Anadolu.\n', "ru")
    assert [q.attrs["speaker"] for q in doc.layer("quotes")] == ["Халед аль-Мишри"]
