#!/usr/bin/env python3
"""Drives `grants serve` in a real browser (headless Chromium through Selenium), as an applicant would.

    python3 scripts/web/browser_test.py http://127.0.0.1:8080 [--screenshots Reports/web]

    python3 scripts/web/browser_test.py http://127.0.0.1:8080 --samples Samples/bids-2017-18

Opens the list of schemes, the Community Action Fund 2017/18 page and its bid checker; fills the form for an eligible
bid (adding a second budget line without JavaScript), then for one over the cap, then with a malformed amount; and
reads the verdicts and the error from the pages; uploads a sample bid file and reads its verdict and its answers in
the form, then a file that is not a bid and reads the error next to the file input; then opens the grants made in
2017/18. With --password-from, then signs in as the demo's three accounts: a wrong password refused; a finance
officer awards a declined bid through its confirmation page; its applicant sees the grant (not another's) and
claims on it; the officer pays the claim; the commissioner downloads the quarter's return showing the payment. Writes a screenshot
of each page, and checks each page against WCAG 2.2 AA with axe-core (any violation
fails the test). Exits 1 naming the first step whose page is not as expected. Needs Debian's chromium and
chromium-driver, and PyPI's selenium and axe-playwright-python (for the axe-core script it carries).
"""
import argparse
import importlib.util
import json
import os
import sys
import tempfile
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

    def run_signed_in(self, password):
        d = self.driver
        # A wrong password: one answer, whether or not the email has an account.
        self.sign_in("nobody@example.org", "not the password at all")
        unknown = self.find(".error-summary").text
        self.sign_in("officer@example.org", "not the password at all")
        expect(d.title.startswith("Error: "), f"the sign-in page says there is an error: {d.title}")
        refusal = self.find(".error-summary").text
        expect("Enter the email address and password" in refusal, "the refusal")
        expect(refusal == unknown, "the same answer for an unknown email and a wrong password")
        self.shot("11-sign-in-error")

        # A finance officer awards the declined bid, through the page that shows what will change.
        self.sign_in("officer@example.org", password)
        expect(self.find("h1").text == "Your account", "the account page after signing in")
        expect("Finance officer" in d.page_source, "the account's role")
        self.shot("12-account")
        self.follow("Dashboard: funds and partnerships")
        self.driver.get(self.base + "/dashboard?year=2017-18")
        expect(self.find("h1").text == "Dashboard", "the dashboard")
        expect("South Ribble" in d.page_source and self.finds("svg rect"), "the partnerships and their chart")
        self.shot("13-dashboard")
        self.driver.get(self.base + "/round?year=2017-18")
        expect("BID-CAF-2017-18-06" in d.page_source, "the round lists the declined bid")
        old = self.find("html")
        self.find("a[href='/bids/BID-CAF-2017-18-06/award']").click()
        self.replaced(old)
        self.type("amount", "2,500.00")
        self.type("decision", "2017/99")
        self.date("date", "4", "12", "2017")
        self.type("override", "Reconsidered on appeal; the bid's form is on paper")
        self.shot("14-award-form")
        self.press("Continue")
        expect(self.find("h1").text == "Check the award before you record it", "the confirmation page")
        expect("£2,500.00" in d.page_source, "the amount to confirm")
        self.shot("15-award-confirm")
        self.press("Record the award")
        expect("Award recorded" in self.find(".notification").text, "the award is recorded")
        expect("Awarded £2,500.00 (AWD-BID-CAF-2017-18-06)" in d.page_source, "the round shows the award")
        self.shot("16-awarded")
        self.sign_out()
        self.shot("17-signed-out")
        expect(self.driver.get_cookie("grants-session") is None, "the session cookie is gone")

        # The applicant (Chorley Allotment Watch) sees the new grant, not another organisation's, and claims on it.
        self.sign_in("applicant@example.org", password)
        self.follow("Your organisation's bids and grants")
        expect("Chorley Allotment Watch" in self.find("h1").text, "the applicant's organisation")
        self.shot("18-organisation")
        self.follow("Shed alarms and property marking for allotment holders")
        expect("AWD-BID-CAF-2017-18-06" in d.page_source, "the applicant's new grant")
        status, _, _ = self.fetch_status("/organisation/awards/AWD-CAF-2017-18-01")
        expect(status == 404, f"another organisation's grant is not found: {status}")
        self.follow("Make a claim")
        self.find("#period-Q3").click()
        self.type("amount", "1,200.00")
        self.type("done", "Alarms fitted to 40 sheds; property marking day with 25 plot holders")
        self.shot("19-claim-form")
        self.press("Continue")
        expect(self.find("h1").text == "Check your claim before you send it", "the page to check the claim")
        self.press("Send the claim")
        expect("Claim sent" in self.find(".notification").text, "the claim is sent")
        expect("Waiting for payment" in d.page_source, "the claim waits for payment")
        self.shot("20-claimed")
        self.sign_out()

        # The finance officer pays the claim.
        self.sign_in("officer@example.org", password)
        self.follow("Claims to pay")
        expect("AWD-BID-CAF-2017-18-06-C01" in d.page_source, "the claim waits to be paid")
        old = self.find("html")
        self.find("a[href='/claims/AWD-BID-CAF-2017-18-06-C01/pay']").click()
        self.replaced(old)
        self.date("date", "10", "1", "2018")
        self.type("reference", "BACS 2018-0110")
        self.press("Continue")
        expect("£1,200.00" in d.page_source, "the payment to check")
        self.shot("21-payment-confirm")
        self.press("Record the payment")
        expect("Payment recorded" in self.find(".notification").text, "the payment is recorded")
        self.driver.get(self.base + "/awards/AWD-BID-CAF-2017-18-06")
        expect("Paid on 2018-01-10" in d.page_source, "the award's page shows the payment")
        actors = [cell.text for cell in self.finds("table.table tbody tr td:nth-child(2)")]
        expect("applicant@example.org" in actors and "officer@example.org" in actors,
               f"the award's history names who did each step: {actors}")
        self.shot("22-office-award")
        self.sign_out()

        # The commissioner downloads the quarter's return, which shows the payment.
        self.sign_in("commissioner@example.org", password)
        self.driver.get(self.base + "/returns")
        expect(self.find("h1").text == "Spend returns", "the returns page")
        self.shot("23-returns")
        status, headers, body = self.fetch("/returns/download?year=2017-18&period=Q4&format=csv")
        expect(status == 200 and headers.get("Content-Type", "").startswith("text/csv"), f"the CSV return: {status}")
        lines = [line for line in body.decode("utf-8-sig").splitlines() if "AWD-BID-CAF-2017-18-06" in line]
        expect(any("1200.00" in line for line in lines), f"the Q4 return shows the award and its payment: {lines}")
        self.sign_out()
        return len(body)

    def fetch_status(self, path):
        try:
            return self.fetch(path)
        except urllib.error.HTTPError as error:
            return error.code, error.headers, b""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="the server's address, such as http://127.0.0.1:8080")
    parser.add_argument("--screenshots", help="a folder for a screenshot of each page")
    parser.add_argument("--samples", default="Samples/bids-2017-18", help="the sample bid files' folder")
    parser.add_argument("--password-from", metavar="VARIABLE",
                        help="the environment variable holding the demo accounts' password: then the signed-in "
                             "journeys run too")
    options = parser.parse_args()
    applicant = Applicant(options.base, options.screenshots, options.samples)
    returned = None
    try:
        message = applicant.run()
        if options.password_from:
            returned = applicant.run_signed_in(os.environ[options.password_from])
    except Failure as failure:
        applicant.shot("failed")
        print(f"browser test: FAILED: expected {failure}", file=sys.stderr)
        return 1
    finally:
        applicant.driver.quit()
    print(f"browser test: passed (eligible bid, over the cap, malformed amount: \"{message}\"; a bid file uploaded, "
          f"and one refused)")
    if returned is not None:
        print(f"browser test: signed-in journeys passed (a refused sign-in; an officer awarded a declined bid through "
              f"its confirmation page; its applicant saw the grant, not another's, and claimed on it; the officer paid "
              f"the claim; the commissioner's Q4 return, {returned} bytes, shows the payment)")
    version = applicant.audited[0][2] if applicant.audited else "?"
    print(f"browser test: no WCAG 2.2 AA violations found by axe-core {version} on {len(applicant.audited)} pages ("
          + ", ".join(f"{name}: {passes} rules passed" for name, passes, _ in applicant.audited) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
