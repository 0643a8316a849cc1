"""A virus variant is named like a place or a company ('Delta', 'Omicron'): after 'the … strain'
or 'variant' once, every mention of it is no entity; a country before 'variant' stays a place."""
from support import analyzed

TEXT = ("Health agency weighs new strain\n\nThe health agency said the new strain spreads faster than the Delta "
        "variant. Doctors in Lagos compared patients with Delta and found milder cases, the agency said. "
        "Scientists first described the India variant last year.\n")


def test_a_variant_name_is_no_place_or_body_anywhere():
    names = set()
    for layer in ("persons", "organizations", "locations"):
        names |= set(analyzed(TEXT, "en", layer))
    assert "Delta" not in names, names
    assert "India" in analyzed(TEXT, "en", "locations")
