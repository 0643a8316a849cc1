"""End to end in a real headless Chromium: search -> article -> actor -> network, and a
hostile article that must render inert. Screenshots go to test-artifacts/e2e/."""
from __future__ import annotations

import re

import pytest

from e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_web_e2e_search_article_actor_network(page, live_server):
    from playwright.sync_api import expect
    base, ids = live_server

    # search: typing a query swaps the results in place (htmx) and updates the address
    page.goto(base + "/search")
    expect(page.locator("h3", has_text="Language")).to_be_visible()
    page.fill("#q", "Putin")
    page.press("#q", "Enter")
    expect(page.locator("#total")).to_have_text("3")
    expect(page).to_have_url(re.compile(r"/search\?q=Putin"))
    expect(page.locator("#results mark").first).to_have_text("Putin")
    expect(page.locator('[data-facet="event_type"]')).to_contain_text("forum")
    # the facets were swapped with the results: they count the 3 hits, not the whole store
    expect(page.locator('[data-facet="lang"] li').first).to_have_text(re.compile(r"^en\s+3$"))
    expect(page.locator('[data-facet="lang"]')).not_to_contain_text("ru")
    shot(page, "1-search")

    # a facet narrows the results
    page.locator('[data-facet="event_type"] a', has_text="forum").click()
    expect(page.locator("#total")).to_have_text("1")
    page.go_back()
    expect(page.locator("#total")).to_have_text("3")

    # article: body with evidence, boilerplate collapsed, its story
    page.locator(f'li.hit[data-id="{ids["origin"]}"] a.hit-title').click()
    expect(page.locator("h1#title")).to_have_text("Xi Jinping meets Vladimir Putin in Beijing")
    expect(page.locator("#body .m-quote").first).to_contain_text("Our cooperation is a stabilizing factor")
    expect(page.locator("#body .m-event").first).to_be_visible()
    boiler = page.locator("details.boilerplate")
    expect(boiler).to_have_count(1)
    expect(boiler.locator(".bp-text")).to_be_hidden()            # collapsed until opened
    expect(page.locator("#story")).to_contain_text("translation")
    expect(page.locator("#story")).to_contain_text("Владимир Путин провёл переговоры")
    expect(page.locator("#links")).to_contain_text("reprint")
    shot(page, "2-article")

    # actor: from the highlighted name in the text
    page.locator('#body a.m-person', has_text="Xi Jinping").first.click()
    expect(page.locator("h1#actor-name")).to_have_text("Xi Jinping")
    names = page.locator("#names td.name")
    expect(names).to_contain_text(["Си Цзиньпин", "习近平", "Xi Jinping"])
    expect(page.locator("#met li").first).to_contain_text("Vladimir Putin")
    expect(page.locator("#roles")).to_contain_text("President")
    shot(page, "3-actor")

    # network: every actor is a link
    page.goto(base + "/network")
    expect(page.locator("#node-count")).not_to_have_text("0")
    node = page.locator('svg#network a.node[data-key="Li Shulei"]')
    expect(node).to_have_count(1)
    shot(page, "4-network")
    node.locator("circle").click()
    expect(page).to_have_url(re.compile(r"/actor/Li%20Shulei$"))
    expect(page.locator("h1#actor-name")).to_have_text("Li Shulei")
    expect(page.locator("#met")).to_contain_text("Dmitry Chernyshenko")

    # timeline
    page.goto(base + "/timeline")
    expect(page.locator("#count")).to_have_text("4")          # 7 event spans; the talks reported 4 times are one
    expect(page.locator("#timeline li").first).to_contain_text("2024-07-01")
    expect(page.locator("#timeline li.type-meeting", has_text="talks")).to_contain_text("4 reports")
    shot(page, "5-timeline")
    assert page.dialogs == [] and page.page_errors == []


def test_web_e2e_hostile_article_renders_inert(page, live_server):
    from playwright.sync_api import expect
    base, ids = live_server
    for path, name in ((f"/article/{ids['hostile']}", "6-hostile-article"), ("/search?q=Hostile", "7-hostile-search"),
                       ("/network", None), ("/timeline", None),
                       ("/actor/Mallory%20%3Cb%20onmouseover%3Dalert(4)%3EEvil%3C%2Fb%3E", None)):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        if name:
            shot(page, name)
        # hover and click over the text too: no handler may exist to fire
        page.mouse.move(300, 300)
        flags = page.evaluate("() => [window.__pwned, window.__pwned_title]")
        assert flags == [None, None], (path, flags)
        injected = page.evaluate("""() => document.querySelectorAll(
            'main img, main iframe, main b, main i, main [onerror], main [onload], main [onmouseover], '
            + 'main a[href^="javascript:"], main script').length""")
        assert injected == 0, path
        assert page.evaluate("() => document.scripts.length") == 1        # only the vendored htmx
    page.goto(base + f"/article/{ids['hostile']}")
    expect(page.locator("h1#title")).to_contain_text('<script>window.__pwned_title=1;alert("t")</script>')
    expect(page.locator("#body")).to_contain_text('<img src=x onerror="window.__pwned=1;alert(1)">')
    page.locator("details.boilerplate summary").click()
    expect(page.locator("details.boilerplate .bp-text")).to_contain_text('<a href="javascript:alert(6)">here</a>')
    page.wait_for_timeout(300)
    assert page.dialogs == [], page.dialogs
