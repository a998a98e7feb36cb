#!/usr/bin/env python3
"""Drives `grants serve` in a real browser (headless Chromium through Selenium), as an applicant would.

    python3 scripts/web/browser_test.py http://127.0.0.1:8080 [--screenshots Reports/web]

Opens the list of schemes, the Community Action Fund 2017/18 page and its bid checker; fills the form for an eligible
bid (adding a second budget line without JavaScript), then for one over the cap, then with a malformed amount; and
reads the verdicts and the error from the pages; then opens the grants made in 2017/18. Writes a screenshot of each
page. Exits 1 naming the first step
whose page is not as expected. Needs Debian's chromium and chromium-driver, and PyPI's selenium.
"""
import argparse
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


class Failure(Exception):
    pass


def expect(condition, what):
    if not condition:
        raise Failure(what)


class Applicant:
    def __init__(self, base, screenshots):
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800"]:
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_page_load_timeout(30)
        self.base = base.rstrip("/")
        self.screenshots = screenshots
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)

    def shot(self, name):
        if self.screenshots:
            self.driver.save_screenshot(os.path.join(self.screenshots, name + ".png"))

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def finds(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def type(self, field, text):
        element = self.find("#" + field)
        element.clear()
        element.send_keys(text)

    def tick(self, name, value):
        box = self.find(f"input[name='{name}'][value='{value}']")
        if not box.is_selected():
            box.click()

    def date(self, name, day, month, year):
        self.type(f"{name}-day", day)
        self.type(f"{name}-month", month)
        self.type(f"{name}-year", year)

    def replaced(self, old):
        """Waits until the page `old` (its <html> element) belonged to is gone and the new one is loaded. Chromium
        says a node of a page that has gone is stale, or that it "does not belong to the document": both mean gone."""
        def gone(driver):
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return True
        WebDriverWait(self.driver, 30).until(gone)
        WebDriverWait(self.driver, 30).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete")

    def press(self, label):
        """Presses a submit button and waits for the page the server answers with."""
        buttons = [b for b in self.finds("button") if b.text.strip() == label]
        expect(buttons, f"a button '{label}'")
        old = self.find("html")
        buttons[0].click()
        self.replaced(old)

    def follow(self, text):
        """Follows a link and waits for its page."""
        old = self.find("html")
        self.driver.find_element(By.LINK_TEXT, text).click()
        self.replaced(old)

    def verdict_rows(self):
        rows = {}
        for row in self.finds("table.table tbody tr"):
            cells = row.find_elements(By.TAG_NAME, "td")
            if len(cells) >= 2:
                rows[cells[0].find_element(By.TAG_NAME, "code").text] = cells[1].text
        return rows

    def run(self):
        d = self.driver
        d.get(self.base + "/")
        expect("Schemes" in d.page_source, "the home page lists the schemes")
        self.shot("01-home")
        self.follow("Community Action Fund 2017/18")
        expect(self.find("h1").text == "Community Action Fund 2017/18", "the Community Action Fund page")
        expect("£2,500.00" in d.page_source, "the scheme page shows the cap")
        self.shot("02-scheme")
        self.follow("Check your bid against these rules")
        expect(self.find("h1").text == "Check your bid against the rules", "the checker's form")
        self.shot("03-form")

        # An eligible bid: the Friday boxing sessions of the samples.
        self.type("applicant-name", "Leyland Youth Boxing Club Juniors (example)")
        self.type("applicant-id", "360G-LancashirePCC-ORG-0042")
        self.tick("applicant-type", "community-group")
        self.tick("applicant-constituted", "yes")
        self.type("applicant-reserves", "4,200.00")
        for document in ["constitution", "latest-accounts", "safeguarding-policy"]:
            self.tick("applicant-documents", document)
        self.type("title", "Friday night boxing sessions")
        self.date("submitted", "1", "6", "2017")
        self.date("start", "1", "7", "2017")
        self.date("end", "31", "3", "2018")
        self.tick("priorities", "anti-social-behaviour")
        self.tick("works-with", "children")
        self.tick("locations", "South Ribble")
        self.type("requested", "£2,500.00")
        self.type("total-cost", "3100.00")
        self.type("budget-0-category", "venue-hire")
        self.type("budget-0-description", "Hall hire")
        self.type("budget-0-amount", "1200.00")
        # A second budget line, by a round trip to the server.
        self.press("Add another budget line")
        expect(self.finds("#budget-1-amount"), "a second budget line after adding one")
        expect(self.find("#title").get_attribute("value") == "Friday night boxing sessions",
               "what was typed is kept when a line is added")
        self.type("budget-1-category", "equipment")
        self.type("budget-1-description", "Gloves and pads")
        self.type("budget-1-amount", "1300.00")
        self.shot("04-form-filled")
        self.press("Check my bid")
        panel = self.find("#verdict")
        expect("The bid meets every rule that must be met" in panel.text, f"the eligible bid's verdict: {panel.text}")
        rows = self.verdict_rows()
        expect(rows.get("CAF-AMOUNT", "").startswith("Passed"), f"CAF-AMOUNT passed: {rows.get('CAF-AMOUNT')}")
        self.shot("05-eligible")

        # Over the cap: £3,000 asked, the lines still adding up.
        self.type("requested", "3000.00")
        self.type("budget-1-amount", "1800.00")
        self.press("Check my bid")
        panel = self.find("#verdict")
        expect("does not meet the rules: CAF-AMOUNT" in panel.text, f"the verdict over the cap: {panel.text}")
        rows = self.verdict_rows()
        expect(rows.get("CAF-AMOUNT", "").startswith("Failed"), f"CAF-AMOUNT failed: {rows.get('CAF-AMOUNT')}")
        expect("£2,500.00" in rows.get("CAF-AMOUNT", ""), "the cap is named with the failure")
        self.shot("06-over-cap")

        # A malformed amount: the error next to its field, in the summary, the value kept.
        self.type("requested", "12.345")
        self.press("Check my bid")
        expect(d.title.startswith("Error: "), f"the page title says there is an error: {d.title}")
        summary = self.find(".error-summary")
        expect("There is a problem" in summary.text, "an error summary")
        link = summary.find_element(By.CSS_SELECTOR, "a")
        expect(link.get_attribute("href").endswith("#requested"), "the summary links to the field")
        message = self.find("#requested-error").text
        expect(message, "an error message next to the amount")
        expect(self.find("#requested").get_attribute("value") == "12.345", "the amount typed is kept")
        expect(not self.finds("#verdict"), "no verdict for a form with an error")
        self.shot("07-error")

        # The grants made, as the public sees them.
        self.follow("Grants we have made")
        self.follow("Grants made in 2017/18")
        expect(self.find("h1").text == "Grants made in 2017/18", "the year's grant register")
        expect(self.finds("table.table tbody tr"), "the register lists the year's grants")
        expect(self.finds("a[href='/grants/2017-18/360giving.json']"), "the 360Giving file to download")
        self.shot("08-grants")
        return message


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="the server's address, such as http://127.0.0.1:8080")
    parser.add_argument("--screenshots", help="a folder for a screenshot of each page")
    options = parser.parse_args()
    applicant = Applicant(options.base, options.screenshots)
    try:
        message = applicant.run()
    except Failure as failure:
        applicant.shot("failed")
        print(f"browser test: FAILED: expected {failure}", file=sys.stderr)
        return 1
    finally:
        applicant.driver.quit()
    print(f"browser test: passed (eligible bid, over the cap, malformed amount: \"{message}\")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
