"""Language detection on short texts in the supported languages."""
from __future__ import annotations

import pytest

from newsbridge.extract.language import detect_language

SAMPLES = {
    "en": "The minister met journalists in the capital on Tuesday.",
    "ru": "Министр встретился с журналистами в столице во вторник.",
    "zh": "部长星期二在首都会见了记者。",
    "kk": "Министр сейсенбі күні елордада журналистермен кездесті.",
    "be": "Міністр сустрэўся з журналістамі ў сталіцы ў аўторак.",
    "uk": "Міністр зустрівся з журналістами в столиці у вівторок.",
    "de": "Der Minister traf sich am Dienstag in der Hauptstadt mit Journalisten.",
    "fr": "Le ministre a rencontré des journalistes dans la capitale mardi.",
    "es": "El ministro se reunió con periodistas en la capital el martes.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_language_short_sentences(lang):
    assert detect_language(SAMPLES[lang]) == lang


def test_language_none_without_letters():
    assert detect_language("2024-01-03 10:30 — 12 345") is None
    assert detect_language("") is None


def test_language_script_decides_chinese_even_with_latin_names():
    assert detect_language("CGTN和Jibek Joly电视台的记者在哈萨克斯坦拍摄了一系列报道。") == "zh"
