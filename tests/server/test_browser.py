"""A real browser: Debian's Chromium, driven by Playwright, plays a round on three team pages of a real host.

Skipped when Playwright or Chromium is missing (.ci/run installs both); no browser is ever downloaded.
"""

from __future__ import annotations

import shutil

import pytest

from tests.server.conftest import start_host, stop

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
WAIT_MS = 10_000  # what a page gets to show a change pushed by the host (pushes take milliseconds)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


def test_three_teams_end_turn_1_and_every_page_shows_turn_2(browser, tmp_path):
    process, lines = start_host(tmp_path, "--names", "Red,Blue,Green")
    links = [line.split(": ", 1)[1] for line in lines if line.startswith("Team ")]
    assert len(links) == 3, lines
    try:
        pages = [browser.new_page() for _ in links]
        for page, link in zip(pages, links):
            page.goto(link)
            sync_api.expect(page.locator("#turn")).to_have_text("Turn 1/24", timeout=WAIT_MS)
        pages[0].get_by_role("button", name="End turn").click()
        sync_api.expect(pages[0].locator("#status")).to_contain_text("Waiting for: Blue, Green", timeout=WAIT_MS)
        pages[1].get_by_role("button", name="End turn").focus()  # the keyboard works as well as the mouse
        pages[1].keyboard.press("Enter")
        pages[2].get_by_role("button", name="End turn").click()
        for page in pages:
            sync_api.expect(page.locator("#turn")).to_have_text("Turn 2/24", timeout=WAIT_MS)
            sync_api.expect(page.get_by_role("button", name="End turn")).to_be_enabled()
    finally:
        stop(process)


def test_a_team_page_in_french_plays_a_move_from_the_board(browser, tmp_path):
    process, lines = start_host(tmp_path)
    link = next(line.split(": ", 1)[1] for line in lines if line.startswith("Team "))
    try:
        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
        page.goto(link + "?lang=fr")
        sync_api.expect(page.get_by_role("button", name="Finir le tour")).to_be_enabled(timeout=WAIT_MS)
        page.locator(".holders button.person").first.click()
        first_move = page.locator("#actions button.move").first
        sync_api.expect(first_move).to_be_enabled(timeout=WAIT_MS)
        first_move.click()
        sync_api.expect(page.locator("#points")).to_have_text("PA 2/3", timeout=WAIT_MS)
        page.get_by_label("Chercher une personne").fill("a")
        sync_api.expect(page.locator("#search-results button").first).to_be_visible(timeout=WAIT_MS)
    finally:
        stop(process)
