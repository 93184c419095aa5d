"""The web pages in a real browser: Debian's headless Chromium driven by Selenium, against a
live ``eventwire serve`` on loopback with the example article ingested. Screenshots go to
the test's output folder.

Without Chromium and its driver (``apt-get install chromium chromium-driver``, which the
test command does as root) these tests are skipped, or fail when
``EVENTWIRE_REQUIRE_BROWSER=1`` (as CI sets it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cnn-2024-08-20-li-qiang-moscow.txt"


def _chromium() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import eventwire

    db = str(tmp_path_factory.mktemp("browser") / "e.duckdb")
    assert eventwire.ingest_many([EXAMPLE], db).stored == 1
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_TOKEN"}
    process = subprocess.Popen([str(Path(sys.executable).with_name("eventwire")), "serve",
                                "--db", db, "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    found = _chromium()
    if found is None:
        if os.environ.get("EVENTWIRE_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium and chromedriver are required (apt-get install chromium "
                        "chromium-driver)")
        pytest.skip("Chromium or chromedriver is not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(found[1]), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(driver: Any, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 1000


def _first_article(server: str) -> str:
    return str(httpx.get(f"{server}/api/articles").json()["rows"][0]["id"])


def test_article_page_highlights_and_clicking_an_event_lights_its_sentence(server, browser,
                                                                            tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/articles/{_first_article(server)}")
    for kind in ("actor", "trigger", "quote", "time", "figure"):
        assert browser.find_elements(By.CSS_SELECTOR, f".text span.{kind}"), kind
    assert not browser.find_elements(By.CSS_SELECTOR, ".s-0.active")
    browser.find_elements(By.CSS_SELECTOR, "tr.event")[0].click()
    lit = browser.find_elements(By.CSS_SELECTOR, ".text .s-0.active")
    assert lit and lit[0].is_displayed()
    _shot(browser, tmp_path, "article")


def test_a_correction_is_saved_and_shown(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/articles/{_first_article(server)}")
    browser.find_elements(By.CSS_SELECTOR, "button.wrong")[0].click()
    WebDriverWait(browser, 20).until(expected_conditions.presence_of_element_located(
        (By.CSS_SELECTOR, "tr.correction")))
    assert "Your corrections (1)" in browser.page_source
    _shot(browser, tmp_path, "corrected")


def test_timeline_chart_renders(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/timeline?a=CHN&b=RUS")
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")
    assert bars and all(b.is_displayed() for b in bars)
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart polyline.goldstein")
    _shot(browser, tmp_path, "timeline")


def test_network_graph_renders(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/network")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.network circle.node")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.network line.edge")
    _shot(browser, tmp_path, "network")


def test_a_search_filter_changes_the_list(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/search")
    every = len(browser.find_elements(By.CSS_SELECTOR, "tr.result"))
    field = browser.find_element(By.CSS_SELECTOR, "#search input[name=source]")
    field.send_keys("CHN")
    browser.find_element(By.CSS_SELECTOR, "#search button[type=submit]").click()
    WebDriverWait(browser, 20).until(lambda driver: "source=CHN" in driver.current_url)
    chinese = len(browser.find_elements(By.CSS_SELECTOR, "tr.result"))
    assert 0 < chinese < every
    assert "source=CHN" in browser.current_url
    _shot(browser, tmp_path, "search")
