#!/usr/bin/env python3
"""Drives `grants serve` in a real browser (headless Chromium through Selenium), as an applicant would.

    python3 scripts/web/browser_test.py http://127.0.0.1:8080 [--screenshots Reports/web]

    python3 scripts/web/browser_test.py http://127.0.0.1:8080 --samples Samples/bids-2017-18

Opens the list of schemes, the Community Action Fund 2017/18 page and its bid checker; fills the form for an eligible
bid (adding a second budget line without JavaScript), then for one over the cap, then with a malformed amount; and
reads the verdicts and the error from the pages; uploads a sample bid file and reads its verdict and its answers in
the form, then a file that is not a bid and reads the error next to the file input; then opens the grants made in
2017/18. With --password-from (the demo's accounts' password), --server-log (the demo server's output) and
--server-pid, then: a wrong password refused; the demo's newcomer registers through the invitation link it printed,
starts a bid, saves, checks and submits it; a finance officer sees it with its check and awards it through its
confirmation page; the demo's clock is moved on 30 days (SIGUSR1); the applicant sees the grant (not another's) and
claims on it for January; the officer pays the claim; the commissioner downloads the quarter's return showing the
payment. Writes a screenshot of each page, and checks each page against WCAG 2.2 AA with axe-core (any violation
fails the test). Exits 1 naming the first step whose page is not as expected. Needs Debian's chromium and
chromium-driver, and PyPI's selenium and axe-playwright-python (for the axe-core script it carries).
"""
import argparse
import importlib.util
import json
import os
import signal
import sys
import tempfile
import time
import urllib.error
import urllib.request

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


def axe_script():
    """axe-core's script, as PyPI's axe-playwright-python carries it (the package itself, which needs Playwright, is
    not imported)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        raise SystemExit("browser test: axe-playwright-python is not installed (pip install --no-deps axe-playwright-python)")
    with open(os.path.join(os.path.dirname(spec.origin), "axe.min.js"), encoding="utf-8") as file:
        return file.read()


# The WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA that axe-core can test.
AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
  .then(results => done(JSON.stringify({
      version: axe.version, passes: results.passes.length,
      violations: results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))})))
  .catch(error => done(JSON.stringify({error: String(error)})));
"""


class Applicant:
    def __init__(self, base, screenshots, samples):
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800"]:
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_page_load_timeout(30)
        self.base = base.rstrip("/")
        self.driver.set_script_timeout(30)
        self.screenshots = screenshots
        self.samples = samples
        self.axe = axe_script()
        self.audited = []
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)

    def shot(self, name):
        """A screenshot of the page, and its check against WCAG 2.2 AA."""
        if self.screenshots:
            self.driver.save_screenshot(os.path.join(self.screenshots, name + ".png"))
        self.audit(name)

    def audit(self, name):
        self.driver.execute_script(self.axe)
        result = json.loads(self.driver.execute_async_script(AXE_RUN))
        expect("error" not in result, f"axe-core to run on {name}: {result.get('error')}")
        problems = [f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'])}" for v in result["violations"]]
        expect(not problems, f"no WCAG 2.2 AA violations on {name}; axe-core {result['version']} found:\n  "
               + "\n  ".join(problems))
        self.audited.append((name, result["passes"], result["version"]))

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

        # A bid file uploaded: its verdict, and its answers in the form to change.
        self.driver.get(self.base + "/schemes/community-action-fund/2017-18/check")
        sample = os.path.abspath(os.path.join(self.samples, "caf-over-cap.yaml"))
        self.find("#bid-file").send_keys(sample)
        self.press("Check the file")
        panel = self.find("#verdict")
        expect("does not meet the rules: CAF-AMOUNT" in panel.text, f"the uploaded bid's verdict: {panel.text}")
        expect(self.find("#requested").get_attribute("value") == "2600.00",
               "the uploaded bid's amount in the form, to change")
        self.shot("08-uploaded")

        # A file that is not a bid: the error next to the file input.
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as file:
            file.write("format: grants-bid/1\nscheme: community-action-fund\n")
            broken = file.name
        try:
            self.find("#bid-file").send_keys(broken)
            self.press("Check the file")
        finally:
            os.unlink(broken)
        expect(d.title.startswith("Error: "), f"the page title says there is an error: {d.title}")
        link = self.find(".error-summary a")
        expect(link.get_attribute("href").endswith("#bid-file"), "the summary links to the file input")
        upload_message = self.find("#bid-file-error").text
        expect(os.path.basename(broken) in upload_message, f"the error names the file: {upload_message}")
        self.shot("09-upload-error")

        # The grants made, as the public sees them.
        self.follow("Grants we have made")
        self.follow("Grants made in 2017/18")
        expect(self.find("h1").text == "Grants made in 2017/18", "the year's grant register")
        expect(self.finds("table.table tbody tr"), "the register lists the year's grants")
        expect(self.finds("a[href='/grants/2017-18/360giving.json']"), "the 360Giving file to download")
        self.shot("10-grants")
        return message

    # --- Signed in: the office and an applicant (the demo's accounts) ---

    def sign_in(self, email, password):
        self.driver.get(self.base + "/sign-in")
        self.type("email", email)
        self.type("password", password)
        self.press("Sign in")

    def sign_out(self):
        self.press("Sign out")
        expect(self.find("h1").text == "You have signed out", "the signed-out page")

    def session_cookie(self):
        cookie = self.driver.get_cookie("grants-session")
        expect(cookie and cookie.get("httpOnly") and cookie.get("sameSite") == "Strict",
               f"an HttpOnly, SameSite=Strict session cookie: {cookie}")
        return cookie["value"]

    def fetch(self, path):
        """A GET with this browser's session, outside it (a download is not a page the browser shows)."""
        request = urllib.request.Request(self.base + path, headers={"Cookie": "grants-session=" + self.session_cookie()})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()

    def run_signed_in(self, password, log, server):
        d = self.driver
        self.log, self.server = log, server
        invitation = invitation_link(log)
        # A wrong password: one answer, whether or not the email has an account.
        self.sign_in("nobody@example.org", "not the password at all")
        unknown = self.find(".error-summary").text
        self.sign_in("officer@example.org", "not the password at all")
        expect(d.title.startswith("Error: "), f"the sign-in page says there is an error: {d.title}")
        refusal = self.find(".error-summary").text
        expect("Enter the email address and password" in refusal, "the refusal")
        expect(refusal == unknown, "the same answer for an unknown email and a wrong password")
        self.shot("11-sign-in-error")

        # Someone at South Ribble Borough Council registers with the link the administrator gave them.
        chosen = "leaflets for safer streets " + password[-6:]
        d.get(invitation)
        expect(self.find("h1").text == "Choose your password", "the registration page")
        expect("newcomer@example.org" in d.page_source, "the registration page names the account")
        self.type("password", chosen)
        self.type("confirmation", chosen + "!")
        self.press("Set my password")
        expect(d.title.startswith("Error: ") and "not the same" in self.find("#confirmation-error").text,
               "two passwords that differ are refused")
        self.shot("12-register")
        self.type("password", chosen)
        self.type("confirmation", chosen)
        self.press("Set my password")
        expect("Your password is set" in self.find(".notification").text, "the password is set")
        self.shot("13-registered")
        status, _, _ = self.fetch_status(invitation[len(self.base):], signed_in=False)
        expect(status == 410, f"the link works once: {status}")

        # They write a bid for a share of their partnership's allocation, save it, check it and submit it.
        self.sign_in("newcomer@example.org", chosen)
        self.follow("Your organisation's bids and grants")
        expect("South Ribble Borough Council" in self.find("h1").text, "the applicant's organisation")
        self.follow("Start a bid")
        self.shot("14-start-bid")
        self.find("input[name='call'][value='csp-grant_2017-18']").click()
        self.press("Continue")
        expect(self.find("h1").text == "Your bid", "a draft bid")
        expect(self.find("#applicant-name").get_attribute("value") == "South Ribble Borough Council",
               "the draft begins with the organisation's name")
        self.tick("applicant-type", "local-authority")
        self.type("title", "Safer streets leaflet drop in Leyland town centre")
        self.press("Save the draft")
        expect("Your draft is saved" in self.find(".notification").text, "the draft is saved")
        expect(self.find("#title").get_attribute("value") == "Safer streets leaflet drop in Leyland town centre",
               "the saved draft keeps what was typed")
        self.type("csp", "South Ribble")
        self.date("start", "10", "1", "2018")
        self.date("end", "31", "3", "2018")
        self.tick("priorities", "crime-reduction")
        self.tick("locations", "South Ribble")
        self.type("requested", "1,000.00")
        self.type("total-cost", "1000.00")
        self.type("budget-0-category", "printing")
        self.type("budget-0-description", "Leaflets, printed and delivered")
        self.type("budget-0-amount", "1000.00")
        self.shot("15-draft")
        self.press("Check my bid")
        panel = self.find("#verdict")
        expect("The bid meets every rule that must be met" in panel.text, f"the draft's check: {panel.text}")
        self.shot("16-draft-checked")
        self.press("Submit the bid")
        expect(self.find("h1").text == "Check your bid before you submit it", "the page to check the submission")
        expect("£1,000.00" in d.page_source, "the amount to submit")
        self.shot("17-submit-confirm")
        self.press("Submit the bid")
        expect("Your bid is submitted" in self.find(".notification").text, "the bid is submitted")
        bid = self.find(".caption").text.removeprefix("Bid ").strip()
        expect(bid.startswith("BID-CSP-2017-18-W"), f"the office's number for the bid: {bid}")
        expect(self.finds("#verdict"), "the bid's check as submitted")
        self.shot("18-submitted")
        self.sign_out()

        # A finance officer sees the bid with its check and awards it, through the page that shows what will change.
        self.sign_in("officer@example.org", password)
        expect(self.find("h1").text == "Your account", "the account page after signing in")
        expect("Finance officer" in d.page_source, "the account's role")
        self.shot("19-account")
        self.driver.get(self.base + "/dashboard?year=2017-18")
        expect(self.find("h1").text == "Dashboard", "the dashboard")
        expect("South Ribble" in d.page_source and self.finds("svg rect"), "the partnerships and their chart")
        self.shot("20-dashboard")
        self.driver.get(self.base + "/round?year=2017-18")
        expect(bid in d.page_source, "the round lists the submitted bid")
        old = self.find("html")
        self.find(f"a[href='/bids/{bid}']").click()
        self.replaced(old)
        expect(self.find("h1").text == "Safer streets leaflet drop in Leyland town centre", "the bid's page")
        expect(self.finds("#verdict"), "the office sees the bid's check as submitted")
        self.shot("21-office-bid")
        old = self.find("html")
        self.find(f"a[href='/bids/{bid}/award']").click()
        self.replaced(old)
        self.type("amount", "1,000.00")
        self.type("decision", "2018/02")
        self.date("date", "10", "1", "2018")
        self.type("purpose", "Leaflets on safer streets for Leyland town centre")
        self.shot("22-award-form")
        self.press("Continue")
        expect(self.find("h1").text == "Check the award before you record it", "the confirmation page")
        expect("£1,000.00" in d.page_source, "the amount to confirm")
        self.shot("23-award-confirm")
        self.press("Record the award")
        expect("Award recorded" in self.find(".notification").text, "the award is recorded")
        award = "AWD-" + bid
        expect(f"Awarded £1,000.00 ({award})" in d.page_source, "the round shows the award")
        self.shot("24-awarded")
        self.sign_out()
        self.shot("25-signed-out")
        expect(self.driver.get_cookie("grants-session") is None, "the session cookie is gone")

        # Three weeks of leaflets later: the demo's clock moves on 30 days (SIGUSR1), to 2018-02-09.
        moved = clock_moved(self.log)
        os.kill(self.server, signal.SIGUSR1)
        for _ in range(100):
            if clock_moved(self.log) > moved:
                break
            time.sleep(0.1)
        expect(clock_moved(self.log) > moved, "the demo's clock to move on")

        # The council sees its grant, not another organisation's, and claims on it for the quarter's work.
        self.sign_in("newcomer@example.org", chosen)
        self.follow("Your organisation's bids and grants")
        self.follow("Safer streets leaflet drop in Leyland town centre")
        expect(award in d.page_source, "the applicant's new grant")
        self.shot("26-grant")
        status, _, _ = self.fetch_status("/organisation/awards/AWD-CAF-2017-18-01")
        expect(status == 404, f"another organisation's grant is not found: {status}")
        self.follow("Make a claim")
        self.find("#period-dates").click()
        self.date("from", "10", "1", "2018")
        self.date("to", "31", "1", "2018")
        self.type("amount", "600.00")
        self.type("done", "Leaflets designed and printed; first drop to 2,000 homes in December")
        self.shot("27-claim-form")
        self.press("Continue")
        expect(self.find("h1").text == "Check your claim before you send it", "the page to check the claim")
        self.press("Send the claim")
        expect("Claim sent" in self.find(".notification").text, "the claim is sent")
        expect("Waiting for payment" in d.page_source, "the claim waits for payment")
        self.shot("28-claimed")
        self.sign_out()

        # The finance officer pays the claim.
        claim = award + "-C01"
        self.sign_in("officer@example.org", password)
        self.follow("Claims to pay")
        expect(claim in d.page_source, "the claim waits to be paid")
        old = self.find("html")
        self.find(f"a[href='/claims/{claim}/pay']").click()
        self.replaced(old)
        self.date("date", "9", "2", "2018")
        self.type("reference", "BACS 2018-0209")
        self.press("Continue")
        expect("£600.00" in d.page_source, "the payment to check")
        self.shot("29-payment-confirm")
        self.press("Record the payment")
        expect("Payment recorded" in self.find(".notification").text, "the payment is recorded")
        self.driver.get(self.base + f"/awards/{award}")
        expect("Paid on 2018-02-09" in d.page_source, "the award's page shows the payment")
        actors = [cell.text for cell in self.finds("table.table tbody tr td:nth-child(2)")]
        expect("newcomer@example.org" in actors and "officer@example.org" in actors,
               f"the award's history names who did each step: {actors}")
        self.shot("30-office-award")
        # What keeps the year open, and the form to move money from an allocation (looked at, not sent).
        self.driver.get(self.base + "/year-end?year=2017-18")
        expect(self.find("h1").text == "Year end 2017/18", "the year-end page")
        expect("keep 2017/18 open" in d.page_source, "what keeps the year open")
        self.shot("31-year-end")
        self.follow("Move money from an allocation")
        expect(self.find("h1").text == "Move money from a partnership's allocation", "the reallocation form")
        self.shot("32-reallocate-form")
        self.sign_out()

        # The council sends its end-of-grant report: what was spent, the people reached, and who they were.
        self.sign_in("newcomer@example.org", chosen)
        self.driver.get(self.base + f"/organisation/awards/{award}")
        self.follow("Send the end-of-grant report")
        self.type("spent", "950.00")
        self.type("people", "2,000")
        self.type("summary", "Leaflets on locks and lighting delivered to 2,000 homes; two street surgeries")
        self.type("people-crime-reduction", "2000")
        self.type("outcome-crime-reduction", "Burglaries in the area reported to the force fell over the three months")
        self.type("mon-age-prefer-not-to-say", "1,800")
        self.type("mon-age-65-plus", "200")
        self.shot("33-report-form")
        self.press("Continue")
        expect(self.find("h1").text == "Check your end-of-grant report before you send it", "the report to check")
        expect("65 and over: 200" in d.page_source, "the counts to check")
        self.shot("34-report-confirm")
        self.press("Send the report")
        expect("Report sent" in self.find(".notification").text, "the report is sent")
        self.shot("35-reported")
        self.sign_out()

        # The commissioner sees the outcomes reported, and downloads the quarter's return, which shows the payment.
        self.sign_in("commissioner@example.org", password)
        self.driver.get(self.base + "/outcomes?year=2017-18")
        expect(self.find("h1").text == "Outcomes reported in 2017/18", "the outcomes page")
        expect("South Ribble Community Safety Partnership" in d.page_source, "the outcomes by partnership")
        expect("Crime reduction with partners" in d.page_source, "the outcomes by priority")
        self.shot("36-outcomes")
        self.driver.get(self.base + "/returns")
        expect(self.find("h1").text == "Spend returns", "the returns page")
        self.shot("37-returns")
        status, headers, body = self.fetch("/returns/download?year=2017-18&period=Q4&format=csv")
        expect(status == 200 and headers.get("Content-Type", "").startswith("text/csv"), f"the CSV return: {status}")
        lines = [line for line in body.decode("utf-8-sig").splitlines() if award in line]
        expect(any("600.00" in line for line in lines), f"the Q4 return shows the award and its payment: {lines}")
        self.sign_out()
        return len(body)

    def fetch_status(self, path, signed_in=True):
        try:
            if not signed_in:
                with urllib.request.urlopen(self.base + path, timeout=30) as response:
                    return response.status, response.headers, response.read()
            return self.fetch(path)
        except urllib.error.HTTPError as error:
            return error.code, error.headers, b""


def clock_moved(log):
    """How many times the demo server says its clock has moved on."""
    with open(log, encoding="utf-8") as file:
        return sum(1 for line in file if line.startswith("grants: the demo's clock moved on"))


def invitation_link(log):
    """The invitation link `grants serve --demo` printed, from its output."""
    expect(log, "--invitation-from with the server's output, for the signed-in journeys")
    with open(log, encoding="utf-8") as file:
        for line in file:
            if line.startswith("grants: demo invitation for newcomer@example.org"):
                return line.rsplit(" ", 1)[1].strip()
    expect(False, f"an invitation link in {log}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="the server's address, such as http://127.0.0.1:8080")
    parser.add_argument("--screenshots", help="a folder for a screenshot of each page")
    parser.add_argument("--samples", default="Samples/bids-2017-18", help="the sample bid files' folder")
    parser.add_argument("--password-from", metavar="VARIABLE",
                        help="the environment variable holding the demo accounts' password: then the signed-in "
                             "journeys run too")
    parser.add_argument("--server-log", metavar="FILE",
                        help="the output of `grants serve --demo`: its invitation link, and its clock moving on")
    parser.add_argument("--server-pid", type=int, metavar="PID",
                        help="the demo server's process, sent SIGUSR1 to move its clock on 30 days")
    options = parser.parse_args()
    applicant = Applicant(options.base, options.screenshots, options.samples)
    returned = None
    try:
        message = applicant.run()
        if options.password_from:
            expect(options.server_log and options.server_pid, "--server-log and --server-pid for the signed-in journeys")
            returned = applicant.run_signed_in(
                os.environ[options.password_from], options.server_log, options.server_pid)
    except Failure as failure:
        applicant.shot("failed")
        print(f"browser test: FAILED: expected {failure}", file=sys.stderr)
        return 1
    finally:
        applicant.driver.quit()
    print(f"browser test: passed (eligible bid, over the cap, malformed amount: \"{message}\"; a bid file uploaded, "
          f"and one refused)")
    if returned is not None:
        print(f"browser test: signed-in journeys passed (a refused sign-in; an applicant registered through their "
              f"invitation, saved, checked and submitted a bid; an officer saw its check and awarded it through the "
              f"confirmation page; the applicant saw the grant, not another's, and claimed on it; the officer paid the "
              f"claim; the applicant sent the end-of-grant report; the commissioner saw the outcomes, and the Q4 "
              f"return, {returned} bytes, shows the payment)")
    version = applicant.audited[0][2] if applicant.audited else "?"
    print(f"browser test: no WCAG 2.2 AA violations found by axe-core {version} on {len(applicant.audited)} pages ("
          + ", ".join(f"{name}: {passes} rules passed" for name, passes, _ in applicant.audited) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
