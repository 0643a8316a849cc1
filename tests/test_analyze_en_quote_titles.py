"""A speaker named by a title after the quote ('…," said the forward'): the title is a role of
the speaker just quoted, unless the text introduced someone unnamed with that title."""
from support import analyzed, analyzed_doc


def _speakers(text: str, chars: int = 20) -> list[tuple[str, str]]:
    """(the first ``chars`` characters, the speaker) of each quote, in order."""
    doc = analyzed_doc(text, "en")
    return [(doc.text[q.start:q.start + chars], q.attrs["speaker"]) for q in doc.layer("quotes")]


FORWARD = (
    "Albert Prosa has signed a contract with Legion, the club said on Monday.\n\n"
    '"I was out of football for more than a year. Now everything is okay," Prosa said.\n\n'
    '"My main task is to help the team stay in the top league," said the forward.\n'
)

UNNAMED_DOCTOR = (
    '"We will rebuild the square this year," Mayor Nadia Cruz said on Friday.\n\n'
    "A doctor on the scene told reporters that he had tried to save one of the wounded.\n\n"
    '"It is a shame to see a comrade die in this way," the doctor said.\n'
)


def test_title_after_a_quote_becomes_the_speakers_role():
    persons = analyzed(FORWARD, "en", "persons")
    assert "forward" in persons["Albert Prosa"]["roles"]
    doc = analyzed_doc(FORWARD, "en")
    roles = [(doc.text[s.start:s.end], s.attrs["person"]) for s in doc.layer("roles")]
    assert ("the forward", "Albert Prosa") in roles          # the role's evidence is the title itself


def test_title_of_someone_introduced_unnamed_is_not_the_last_speaker():
    speakers = dict(_speakers(UNNAMED_DOCTOR))
    assert speakers.get("We will rebuild the ") == "Nadia Cruz"
    assert not any(v == "Nadia Cruz" for k, v in speakers.items() if k.startswith("It is a shame"))
    assert "doctor" not in (analyzed(UNNAMED_DOCTOR, "en", "persons")["Nadia Cruz"]["roles"])


def test_a_full_name_the_model_missed_after_a_quote_still_speaks():
    text = ("MINSK, 12 March (BelTA) - Belarusian Information Minister Marat Markov and Russian Minister "
            "Maksut Shadayev signed a cooperation program in Minsk on 11 March.\n\n"
            "\"Our countries have a common information space,\" Marat Markov said. According to him, more than "
            "200 journalists took part in the forum.\n")
    assert [who for _, who in _speakers(text)] == ["Marat Markov"]


def test_a_name_modifying_a_noun_is_not_who_he_is():
    text = ("Enforcement\n\nTim Whitehouse, a former attorney, praised the Biden administration's recent "
            "improvements. \"It takes years to build a good program,\" he told me.\n")
    assert [who for _, who in _speakers(text)] == ["Tim Whitehouse"]


def test_a_statement_of_its_own_after_a_quote_does_not_attribute_it():
    text = ("Health\n\nThe WHO and WB emphasized that the pandemic caused a crisis. This situation pushes 500 million "
            "people \"into extreme poverty because they pay out of their pockets.\" In October, UN Secretary-General "
            "Antonio Guterres stated that the pandemic plunged millions into poverty.\n\n"
            "\"Can I give it to James?\" Maria Petrova tearfully asked before apologizing to the actor.\n")
    speakers = dict(_speakers(text, 12))
    assert "into extreme" not in speakers, speakers
    assert speakers.get("Can I give i") == "Maria Petrova", speakers


def test_a_speaker_after_the_quote_named_with_an_initial():
    from support import analyzed_doc
    doc = analyzed_doc("Rates\n\nCentral Bank Governor Elvira Nabiullina spoke on Friday.\n\n\"Therefore, this year "
                       "the rate will be raised,\" E. Nabiullina said.\n", "en")
    assert [q.attrs["speaker"] for q in doc.layer("quotes")] == ["Elvira Nabiullina"]


def test_a_title_after_a_quote_names_the_one_person_named_so_far():
    text = ('Vaccines\n\nTwo or three doses will probably not be enough. The head of the Association of General '
            'Practitioners Ulrich Weigeldt is convinced of this, a newspaper reported on Saturday.\n\n'
            '"We expect that a fourth vaccination will be required in the summer," the expert believes.\n\n'
            'Bernd Salzberger, chairman of the society, advocates shorter intervals, according to Salzberger.\n\n'
            '"Israel\'s experience shows it very convincingly," emphasized the expert.\n')
    assert _speakers(text) == [("We expect that a fou", "Ulrich Weigeldt"), ("Israel's experience ", "Bernd Salzberger")]


def test_the_addressee_of_a_message_is_not_its_speaker():
    text = ("Prime Minister Nikol Pashinyan congratulated Chancellor Olaf Scholz on Friday.\n\n"
            'The message sent to Olaf Scholz says in particular: "Your Excellency, accept our '
            'heartfelt congratulations on the anniversary."\n')
    assert ("Your Excellency, acc", "Olaf Scholz") not in _speakers(text)


def test_a_town_before_a_players_position_is_his_club():
    from support import analyzed
    text = ("Ovechkin can't wait\n\nWashington forward Alexander Ovechkin admitted that he can't wait for the season. "
            "Clubs are interested in the Lokomotiv halfback, Alexei Miranchuk.\n")
    persons = analyzed(text, "en", "persons")
    assert persons["Alexander Ovechkin"]["org"] == "Washington"
    assert persons["Alexei Miranchuk"]["roles"] == ["halfback"] and persons["Alexei Miranchuk"]["org"] == "Lokomotiv"
