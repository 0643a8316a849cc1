"""Weapons and aircraft are named like people ('Bayraktar', 'Zirkon', '737 Max'): a name before
'drones', 'UAVs', 'hypersonic missiles', 'jets' or after 'the rocket, ' is a thing, and so are its
other mentions; a fighter in the ring ('MMA fighter Islam Makhachev') stays a person."""
import pytest

from support import analyzed

TEXTS = [
    ("Kyiv orders jet drones\n\nAccording to the adviser, this is the next generation of drones after Bayraktar, which "
     "are better than the old ones in all respects. Earlier, the General Staff classified data on the use of "
     "Bayraktar drones.\n", "Bayraktar"),
    ("Drone centre planned\n\nOn Monday, Baykar and the ministry signed an agreement to build a centre near Kyiv where "
     "they would train staff and test Turkish Bayraktar UAVs.\n", "Bayraktar"),
    ("Navy gets new weapon\n\nDeputy Defence Minister Aleksei Krivoruchko stated that the shipborne system with the "
     "latest hypersonic rocket, Zirkon, will enter the arsenal next year.\n", "Zirkon"),
]


@pytest.mark.parametrize("text,weapon", TEXTS)
def test_a_weapon_named_like_a_person_is_none(text, weapon):
    assert not any(weapon in name for name in analyzed(text, "en", "persons"))


def test_a_fighter_is_a_person():
    text = "Award for a champion\n\nRussian MMA fighter Islam Makhachev received an award from the league on Monday.\n"
    assert "Islam Makhachev" in analyzed(text, "en", "persons")


CRAFTS = [
    ("Cargo ship docks\n\nThe Progress MS-22 spaceship delivered more than 2500 kg of cargo to the ISS. At the same "
     "time, Roscosmos reported the depressurization of the Progress MS-21, which was prepared for undocking. "
     "The coolant leak from the Progress has been stopped, NASA said.\n", ("Progress MS-22", "Progress MS-21", "Progress")),
    ("Systems destroyed\n\nAnadolu reported the destruction of nine Russian-made Pantsir-C1 anti-aircraft missile "
     "systems in Libya. Another Pantsir-C1 was destroyed by a drone strike.\n", ("Pantsir-C1",)),
]


@pytest.mark.parametrize("text,crafts", CRAFTS)
def test_a_craft_named_before_its_kind_is_no_body(text, crafts):
    names = set(analyzed(text, "en", "organizations")) | set(analyzed(text, "en", "persons"))
    assert not names & set(crafts)


def test_a_company_before_a_rocket_stays_a_body():
    text = ("Launch delayed\n\nThe SpaceX rocket carrying the satellite was delayed, and SpaceX said it would try again. "
            "The Blue Origin capsule flew on Monday.\n")
    orgs = analyzed(text, "en", "organizations")
    assert "SpaceX" in orgs and "Blue Origin" in orgs
