"""`modbot demo` in a real browser (issue 27): a comment arrives, its card appears, Delete asks for
confirmation, the card then says who deleted it, and the demo's Facebook page records the delete.
Needs Debian's Chromium and chromedriver; skipped, with the reason, without them."""

from __future__ import annotations

import asyncio
import shutil
import socket
from pathlib import Path

import pytest
from aiohttp import web

from handlers.demo.run import Demo

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _delete_through_the_page(url: str) -> tuple[str, str]:
    """What a moderator does, in the browser: post an abusive comment as the public, then delete
    its card with two clicks. Returns the card's text and the page's record of actions."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        browser.get(url)
        wait = WebDriverWait(browser, 20)
        box = wait.until(shown.element_to_be_clickable((By.ID, "comment")))
        box.send_keys("You are a useless idiot, whoever runs this page")
        browser.find_element(By.ID, "post").click()
        delete = wait.until(
            shown.element_to_be_clickable((By.XPATH, "//main//button[normalize-space()='Delete']"))
        )
        delete.click()  # first click: Slack's confirmation dialog, not the delete
        dialog = wait.until(shown.visibility_of_element_located((By.ID, "dialog")))
        assert "Delete this comment?" in dialog.text
        dialog.find_element(By.CSS_SELECTOR, "button.go").click()  # second click: confirmed
        wait.until(shown.text_to_be_present_in_element((By.ID, "channel"), "Deleted by"))
        wait.until(shown.text_to_be_present_in_element((By.ID, "page"), "deleted comment"))
        return browser.find_element(By.ID, "channel").text, browser.find_element(By.ID, "page").text
    finally:
        browser.quit()


async def test_a_card_is_deleted_in_two_clicks_in_a_real_browser(tmp_path: Path) -> None:
    port = _free_port()
    demo = Demo(port=port, folder=tmp_path, trickle_seconds=None)
    runner = web.AppRunner(demo.runtime.app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        card, page = await asyncio.to_thread(_delete_through_the_page, f"{demo.base}/demo")
    finally:
        await runner.cleanup()
    assert "Deleted by you (demo moderator)" in card
    assert "Tier 1" in card
    assert page.startswith("deleted comment demo-post-1_")
    [action] = demo.workspace.page
    assert action.method == "DELETE"
