#!/usr/bin/env python3
"""A plain Python peer of `grants check` for the benchmark that compares whole process against whole process.

    python3 scripts/bench/check_bids.py BIDS.jsonl      (or - for standard input)

Reads JSON Lines, one grants-bid/1 bid per line, checks each against the Community Action Fund 2017/18 rules
(Sources/GrantsRulebooks/Rulebooks/community-action-fund/2017-18.yaml) written out by hand as plain `if`
statements, with no ledger, and writes one line per bid in input order:

    {"id":"CAF-B-0","outcome":"incomplete","failed":["CAF-AMOUNT"]}

Like `grants check` without a ledger: the rules that read the ledger are unknown (CAF-NOT-FUNDED-ELSEWHERE is
blocking, so no bid is ever `eligible`), and CAF-ONE-A-YEAR (a warning) still fails a bid whose applicant has
another bid in the same file. `failed` lists the failed rules in rulebook order (blocking first, then warnings,
which is the same order for this rulebook). Amounts are whole pence, never floats.

A line that is not JSON, or not a bid (validated as strictly as Sources/GrantsImport/BidFile.swift does), or a bid
for another scheme or year, is an error naming its line: nothing is written to standard output, the error goes to
standard error, and the exit status is 65. Standard library only.
"""
import gc
import json
import re
import sys

# --- The rulebook's parameters, as in force from 2017-04-01 (each has one dated value, from 2017-04-01) -------
PARAMETERS_FROM = "2017-04-01"  # a bid submitted earlier has no value in force: those rules are unknown
YEAR_FIRST_DAY = "2017-04-01"
YEAR_LAST_DAY = "2018-03-31"
MAX_REQUEST = 250_000  # £2,500.00, in pence
MAX_TOTAL_PROJECT_COST = 1_000_000  # £10,000.00
MAX_UNRESTRICTED_RESERVES = 2_500_000  # £25,000.00
ELIGIBLE_APPLICANT_TYPES = frozenset(("community-group", "registered-charity", "cic"))
MUST_BE_CONSTITUTED = frozenset(("community-group",))
PLAN_PRIORITIES = frozenset((
    "serious-organised-crime", "modern-slavery", "cybercrime", "community-engagement", "crime-reduction",
    "substance-misuse", "early-action", "hate-crime", "road-safety", "anti-social-behaviour", "domestic-abuse",
    "sexual-violence", "reoffending"))
MINIMUM_PRIORITIES = 1
FORCE_AREA = ("Blackburn with Darwen", "Blackpool", "Burnley", "Chorley", "Fylde", "Hyndburn", "Lancaster", "Pendle",
              "Preston", "Ribble Valley", "Rossendale", "South Ribble", "West Lancashire", "Wyre", "Lancashire")
FORCE_AREA_EXACT = frozenset(FORCE_AREA)
FORCE_AREA_LOWER = frozenset(name.lower() for name in FORCE_AREA)
INELIGIBLE_COSTS = frozenset(("alcohol", "political-promotion", "religious-promotion", "retrospective-costs",
                              "statutory-duties"))
REQUIRED_DOCUMENTS = ("constitution", "latest-accounts")
SAFEGUARDING_DOCUMENTS = ("safeguarding-policy",)
VULNERABLE_GROUPS = frozenset(("children", "vulnerable-adults"))
APPLICATIONS_PER_YEAR = 1

# --- What a grants-bid/1 bid may hold (BidFile.swift, FieldReader.swift and GrantsCore's parsers) -------------
APPLICANT_TYPES = frozenset((
    "community-group", "registered-charity", "cic", "company", "school", "local-authority", "police", "fire",
    "probation", "health", "individual", "other"))
SCHEMES = frozenset(("csp-grant", "community-action-fund", "commissioned-service"))
WORKS_WITH = frozenset(("children", "vulnerable-adults"))
BID_KEYS = frozenset((
    "format", "id", "scheme", "financial_year", "submitted", "applicant", "title", "description", "requested",
    "total_project_cost", "planned_start", "planned_end", "priorities", "works_with", "locations", "csp", "budget"))
APPLICANT_KEYS = frozenset(("id", "name", "type", "constituted", "unrestricted_reserves", "documents"))
LINE_KEYS = frozenset(("category", "description", "amount", "vat_reclaimable"))
MAXIMUM_BUDGET_LINES = 1_000
INT64_MAX = (1 << 63) - 1

IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}").fullmatch
ORGANISATION_ID = re.compile(
    r"(?:360G-[A-Za-z0-9]+|[A-Z]{2}-[A-Z0-9]{2,8})-[A-Za-z0-9._-]{1,100}").fullmatch
MONEY = re.compile(r"(-?)([0-9]+)(?:\.([0-9]{1,2}))?").fullmatch
# Text that needs no more checking as free text: ASCII, no control character, and not blank or starting blank.
PLAIN_TEXT = re.compile(r"[!-~][ -~]*").fullmatch
MONEY_2DP = re.compile(r"[0-9]{1,16}\.[0-9]{2}").fullmatch  # always within Int64
DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})").fullmatch
# What Foundation's CharacterSet.whitespaces trims from a budget category on Linux: tab, the space separators and,
# as CoreFoundation has it, U+200B ZERO WIDTH SPACE (found by trying every BMP character against `grants check`).
WHITESPACES = ("\t \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b"
               "\u202f\u205f\u3000")
# Characters that join the grapheme before them, so that " \u0301" is one blank character to Swift.
GRAPHEME_EXTENDER = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0903\u093a-\u094f"
    "\u200c\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\uff9e\uff9f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
    "\U000e0100-\U000e01ef]").fullmatch
CONTROL_SPACES = "\t\n\x0b\x0c\r\x85\u2028\u2029"

DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class BadBid(Exception):
    """Why a line is not a bid; the caller adds the file and line."""


# --- Reading fields the way FieldReader does ---------------------------------------------------------------------
def scalar(value, key):
    """A single value's text as the Swift parser keeps it (true/false and numbers as written), or None for null."""
    if type(value) is str:
        return value
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return None
    raise BadBid("%s: expected a single value, found %s" % (key, "a list" if type(value) is list else "a mapping"))


def free_text(text, key):
    """FreeText.problem(multiline: true): no control characters but tab and line breaks."""
    if text.isascii() and text.isprintable():
        return text
    for char in text:
        code = ord(char)
        if code < 0x20:
            if code in (0x09, 0x0A, 0x0D):
                continue
        elif not (0x7F <= code <= 0x9F or code in (0xFFFE, 0xFFFF)):
            continue
        raise BadBid("%s: holds the control character U+%04X" % (key, code))
    return text


def is_blank(text):
    """FieldReader.text's test for an empty value: a first byte that is not ASCII white space settles it (so a
    value starting with a no-break space is not blank), else every Swift Character must be white space, judged by
    its first scalar (free_text has already refused the control characters that Python alone counts as space)."""
    if not text:
        return True
    if text[0] not in " \t\n\r":
        return False
    if text.isspace():
        return True
    if text.isascii():
        return False
    # A space followed by combining marks is one Character to Swift, and a blank one; not so after a line break.
    attaches = False
    for char in text:
        if char.isspace():
            attaches = char not in CONTROL_SPACES
        elif not (attaches and GRAPHEME_EXTENDER(char)):
            return False
    return True


def optional_text(value, key):
    text = scalar(value, key)
    return None if text is None else free_text(text, key)


def required_text(value, key):
    text = optional_text(value, key)
    if text is None:
        raise BadBid("%s: is missing" % key)
    if is_blank(text):
        raise BadBid("%s: is empty" % key)
    return text


def required_word(value, key):
    """A required value that must then match a strict form (id, day, amount, choice): the form check does the rest."""
    text = scalar(value, key)
    if text is None:
        raise BadBid("%s: is missing" % key)
    return text


def money(text, key):
    """Money(parsing:): `-?digits(.d{1,2})?` to whole pence, within Int64."""
    match = MONEY(text)
    if match is None:
        raise BadBid("%s: '%s' is not an amount such as 2500.00" % (key, text))
    negative, whole, fraction = match.groups()
    pence = int(whole) * 100
    if fraction:
        pence += int(fraction) * 10 if len(fraction) == 1 else int(fraction)
    if pence > INT64_MAX + (1 if negative else 0):
        raise BadBid("%s: '%s' is too large" % (key, text))
    return -pence if negative else pence


valid_days = {}


def day(text, key):
    """Day(parsing:): YYYY-MM-DD, a day that exists. Kept as text: such days order as their text does."""
    if text in valid_days:
        return text
    match = DAY(text)
    if match is None:
        raise BadBid("%s: '%s' is not a day such as 2017-04-01" % (key, text))
    year, month, dom = int(match.group(1)), int(match.group(2)), int(match.group(3))
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if not (1 <= year and 1 <= month <= 12 and 1 <= dom <= (29 if month == 2 and leap else DAYS_IN_MONTH[month])):
        raise BadBid("%s: '%s' is no such day" % (key, text))
    valid_days[text] = True
    return text


def optional_flag(value, key):
    text = scalar(value, key)
    if text is None:
        return None
    lower = text.lower()
    if lower == "true":
        return True
    if lower == "false":
        return False
    raise BadBid("%s: '%s' is not true or false" % (key, text))


def word_list(value, key):
    """A list of single values (true/false and numbers as written); absent or null is empty."""
    if value is None:
        return ()
    if type(value) is not list:
        raise BadBid("%s: expected a list such as [a, b]" % key)
    for item in value:
        if type(item) is not str:
            break
    else:
        return value
    items = []
    for index, item in enumerate(value):
        if item is None or type(item) in (list, dict):
            raise BadBid("%s[%d]: expected a single value" % (key, index))
        items.append(scalar(item, key))
    return items


def unknown_key(fields, known, path):
    stray = next(key for key in fields if key not in known)
    raise BadBid("%s%s: is not a known field" % (path, stray))


# --- One bid: read it, then apply every rule ---------------------------------------------------------------------
def amount(value, key):
    """An amount in pence; "2500.00" the quick way, anything else as Money(parsing:) reads it."""
    if type(value) is str and MONEY_2DP(value) is not None:
        return int(value.replace(".", ""))
    return money(required_word(value, key), key)


def read_bid(bid):
    """The facts the rules need, read and validated as BidFile.bid(from:) does; raises BadBid."""
    if type(bid) is not dict:
        raise BadBid("expected a mapping of fields")
    if not BID_KEYS.issuperset(bid):
        unknown_key(bid, BID_KEYS, "")
    get = bid.get
    if "format" in bid and scalar(bid["format"], "format") != "grants-bid/1":
        raise BadBid("format: expected grants-bid/1")
    bid_id = get("id")
    if type(bid_id) is not str or IDENTIFIER(bid_id) is None:
        bid_id = required_word(bid_id, "id")  # true, false and numbers are ids as written
        if IDENTIFIER(bid_id) is None:
            raise BadBid("id: '%s' is not an id" % bid_id)
    scheme = get("scheme")
    year = get("financial_year")
    if scheme != "community-action-fund" or (year != "2017/18" and year != "2017-18"):
        scheme = required_word(scheme, "scheme")
        if scheme not in SCHEMES:
            raise BadBid("scheme: '%s' is not one of %s" % (scheme, ", ".join(sorted(SCHEMES))))
        # This peer knows one rulebook; `grants check` would pick another scheme's or year's.
        raise BadBid("bid %s is for %s %s; this checker has only the community-action-fund 2017/18 rules"
                     % (bid_id, scheme, required_word(year, "financial_year")))
    submitted = get("submitted")
    if type(submitted) is not str or submitted not in valid_days:
        submitted = day(required_word(submitted, "submitted"), "submitted")

    applicant = get("applicant")
    if type(applicant) is not dict:
        raise BadBid("applicant: expected a mapping of fields" if applicant is not None else "applicant: is missing")
    if not APPLICANT_KEYS.issuperset(applicant):
        unknown_key(applicant, APPLICANT_KEYS, "applicant.")
    applicant_get = applicant.get
    applicant_id = applicant_get("id")
    if type(applicant_id) is not str or ORGANISATION_ID(applicant_id) is None:
        applicant_id = required_word(applicant_id, "applicant.id")
        if ORGANISATION_ID(applicant_id) is None:
            raise BadBid("applicant.id: '%s' is not an organisation id" % applicant_id)
    name = applicant_get("name")
    if type(name) is not str or PLAIN_TEXT(name) is None:
        required_text(name, "applicant.name")
    applicant_type = applicant_get("type")
    if type(applicant_type) is not str or applicant_type not in APPLICANT_TYPES:
        applicant_type = required_word(applicant_type, "applicant.type")
        raise BadBid("applicant.type: '%s' is not one of %s" % (applicant_type, ", ".join(sorted(APPLICANT_TYPES))))
    constituted = applicant_get("constituted")
    if constituted is not True and constituted is not False and constituted is not None:
        constituted = optional_flag(constituted, "applicant.constituted")
    reserves = applicant_get("unrestricted_reserves")
    if reserves is not None:
        reserves = amount(reserves, "applicant.unrestricted_reserves")
        if reserves < 0:
            raise BadBid("applicant.unrestricted_reserves: expected 0.00 or more")
    documents = word_list(applicant_get("documents"), "applicant.documents")

    title = get("title")
    if type(title) is not str or PLAIN_TEXT(title) is None:
        required_text(title, "title")
    description = get("description")
    if description is not None and (type(description) is not str or PLAIN_TEXT(description) is None):
        optional_text(description, "description")
    requested = get("requested")
    if requested is None:
        raise BadBid("requested: is missing")
    requested = amount(requested, "requested")
    if requested <= 0:
        raise BadBid("requested: expected more than 0.00")
    total = get("total_project_cost")
    if total is not None:
        total = amount(total, "total_project_cost")
        if total <= 0:
            raise BadBid("total_project_cost: expected more than 0.00")
    start = get("planned_start")
    if start is not None and (type(start) is not str or start not in valid_days):
        start = day(scalar(start, "planned_start"), "planned_start")
    end = get("planned_end")
    if end is not None and (type(end) is not str or end not in valid_days):
        end = day(scalar(end, "planned_end"), "planned_end")
    priorities = word_list(get("priorities"), "priorities")
    works_with = word_list(get("works_with"), "works_with")
    for group in works_with:
        if group not in WORKS_WITH:
            raise BadBid("works_with: '%s' is not one of children, vulnerable-adults" % group)
    locations = word_list(get("locations"), "locations")
    csp = get("csp")
    if csp is not None and (type(csp) is not str or PLAIN_TEXT(csp) is None):
        optional_text(csp, "csp")

    budget = get("budget")
    if budget is not None:
        if type(budget) is not list:
            raise BadBid("budget: expected a list")
        for index, line in enumerate(budget):
            if type(line) is not dict:
                raise BadBid("budget[%d]: expected a mapping of fields" % index)
        if len(budget) > MAXIMUM_BUDGET_LINES:
            raise BadBid("budget: more than %d lines" % MAXIMUM_BUDGET_LINES)
        lines = []
        for line in budget:
            if not LINE_KEYS.issuperset(line):
                unknown_key(line, LINE_KEYS, "budget[%d]." % len(lines))
            line_get = line.get
            category = line_get("category")
            if type(category) is not str or PLAIN_TEXT(category) is None:
                category = required_text(category, "budget[%d].category" % len(lines))
            description = line_get("description")
            if description is not None and (type(description) is not str or PLAIN_TEXT(description) is None):
                optional_text(description, "budget[%d].description" % len(lines))
            cost = line_get("amount")
            if cost is None:
                raise BadBid("budget[%d].amount: is missing" % len(lines))
            cost = amount(cost, "budget[%d].amount" % len(lines))
            if cost <= 0:
                raise BadBid("budget[%d].amount: expected more than 0.00" % len(lines))
            vat = line_get("vat_reclaimable")
            if vat is not True and vat is not False and vat is not None:
                vat = optional_flag(vat, "budget[%d].vat_reclaimable" % len(lines))
            lines.append((category, cost, vat))
        budget = lines

    return (bid_id, submitted, applicant_id, applicant_type, constituted, reserves, documents, requested, total,
            start, end, priorities, works_with, locations, budget)


def check(facts):
    """Every rule but CAF-ONE-A-YEAR (which needs the whole round), in rulebook order: the ids of the blocking
    rules that failed, and whether any blocking rule is unknown."""
    (bid_id, submitted, applicant_id, applicant_type, constituted, reserves, documents, requested, total, start, end,
     priorities, works_with, locations, budget) = facts
    in_force = submitted >= PARAMETERS_FROM  # else no parameter value applies: those rules are unknown
    failed = []
    unknown = False

    # CAF-APPLICANT (applicant-type, blocking)
    if not in_force:
        unknown = True
    elif applicant_type not in ELIGIBLE_APPLICANT_TYPES:
        failed.append("CAF-APPLICANT")
    elif applicant_type in MUST_BE_CONSTITUTED:
        if constituted is None:
            unknown = True
        elif not constituted:
            failed.append("CAF-APPLICANT")

    # CAF-AMOUNT (amount-at-most: requested <= max_request, blocking)
    if not in_force:
        unknown = True
    elif requested > MAX_REQUEST:
        failed.append("CAF-AMOUNT")

    # CAF-PROJECT-COST (amount-at-most: total_project_cost <= max_total_project_cost, blocking)
    if not in_force or total is None:
        unknown = True
    elif total > MAX_TOTAL_PROJECT_COST:
        failed.append("CAF-PROJECT-COST")

    # CAF-RESERVES (amount-at-most: applicant.unrestricted_reserves <= max_unrestricted_reserves, blocking)
    if not in_force or reserves is None:
        unknown = True
    elif reserves > MAX_UNRESTRICTED_RESERVES:
        failed.append("CAF-RESERVES")

    # CAF-PRIORITIES (at least minimum_priorities of plan_priorities, blocking)
    if not in_force:
        unknown = True
    elif sum(1 for priority in priorities if priority in PLAN_PRIORITIES) < MINIMUM_PRIORITIES:
        failed.append("CAF-PRIORITIES")

    # CAF-AREA (every location in force_area, exactly or ignoring case, blocking)
    if not in_force or not locations:
        unknown = True
    else:
        for location in locations:
            if location not in FORCE_AREA_EXACT and location.lower() not in FORCE_AREA_LOWER:
                failed.append("CAF-AREA")
                break

    # CAF-DATES (within-year: the rulebook's year, no parameter, blocking)
    if start is None or end is None:
        unknown = True
    elif start > end or start < YEAR_FIRST_DAY or end > YEAR_LAST_DAY:
        failed.append("CAF-DATES")

    # CAF-RETROSPECTIVE (not-retrospective: starts no earlier than submitted, blocking)
    if start is None:
        unknown = True
    elif start < submitted:
        failed.append("CAF-RETROSPECTIVE")

    # CAF-BUDGET (budget-balances: the lines add up to the request to the penny; an overflow fails, blocking)
    if budget is None:
        unknown = True
    else:
        spent = 0
        for line in budget:
            spent += line[1]
        if spent != requested:  # also an overflow past Int64, which cannot equal a request
            failed.append("CAF-BUDGET")

    # CAF-COSTS (eligible-costs: no ineligible_costs category, no reclaimable VAT; unstated VAT is unknown)
    if not in_force or budget is None:
        unknown = True
    else:
        bad = False
        unsaid = False
        for category, _, vat in budget:
            if vat is True or category in INELIGIBLE_COSTS or category.lower().strip(WHITESPACES) in INELIGIBLE_COSTS:
                bad = True
                break
            if vat is None:
                unsaid = True
        if bad:
            failed.append("CAF-COSTS")
        elif unsaid:
            unknown = True

    # CAF-DOCUMENTS (documents: required_documents, blocking)
    if not in_force:
        unknown = True
    else:
        for document in REQUIRED_DOCUMENTS:
            if document not in documents:
                failed.append("CAF-DOCUMENTS")
                break

    # CAF-SAFEGUARDING (documents: safeguarding_documents when working with vulnerable_groups, else not applicable)
    if not in_force:
        unknown = True
    elif any(group in VULNERABLE_GROUPS for group in works_with):
        for document in SAFEGUARDING_DOCUMENTS:
            if document not in documents:
                failed.append("CAF-SAFEGUARDING")
                break

    # CAF-ONE-A-YEAR (applications-per-year, a warning): decided by the caller, which sees the whole round.

    # CAF-NOT-FUNDED-ELSEWHERE (not-funded-elsewhere, blocking): reads the ledger, and there is none: unknown.
    unknown = True

    return failed, unknown


# --- The file ---------------------------------------------------------------------------------------------------
def fail(source, line, message):
    sys.stderr.write("check_bids.py: %s:%d: %s\n" % (source, line, message))
    sys.exit(65)


def no_constants(name):
    raise ValueError("%s is not JSON" % name)


def unique_keys(pairs):
    fields = dict(pairs)
    if len(fields) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError("the key %s is given twice" % json.dumps(key, ensure_ascii=False))
            seen.add(key)
    return fields


def has_surrogate(value):
    if type(value) is str:
        return any("\ud800" <= char <= "\udfff" for char in value)
    if type(value) is list:
        return any(has_surrogate(item) for item in value)
    if type(value) is dict:
        return any(has_surrogate(key) or has_surrogate(item) for key, item in value.items())
    return False


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: check_bids.py BIDS.jsonl (or - for standard input)\n")
        return 64
    source = argv[1]
    try:
        handle = sys.stdin.buffer if source == "-" else open(source, "rb")
    except OSError as error:
        sys.stderr.write("check_bids.py: %s: %s\n" % (source, error.strerror or error))
        return 74
    # The parsed bids hold no reference cycles, so the cycle collector only costs time here.
    gc.disable()

    decode = json.JSONDecoder(parse_float=str, parse_int=str, parse_constant=no_constants,
                              object_pairs_hook=unique_keys).decode
    verdicts = []  # (id, applicant, parameters in force, outcome, failed blocking rules), in input order
    record = verdicts.append
    by_applicant = {}
    by_applicant_and_id = {}
    number = 0
    with handle:
        for raw in handle:  # binary lines end at "\n" only, as BidFile.jsonLines splits them
            number += 1
            if b"\0" in raw:
                fail(source, number, "holds a NUL byte; it is not a text file")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                utf16 = number == 1 and raw[:2] in (b"\xff\xfe", b"\xfe\xff")
                fail(source, number, "the file is UTF-16 text; save it as UTF-8" if utf16 else "is not UTF-8 text")
            if not line.strip(" \t\r\n"):
                continue  # a blank line
            try:
                value = decode(line)
            except (ValueError, RecursionError) as error:
                fail(source, number, "not valid JSON: %s" % error)
            if "\\u" in line and has_surrogate(value):
                fail(source, number, "not valid JSON: a lone surrogate in a \\u escape")
            try:
                facts = read_bid(value)
            except BadBid as error:
                fail(source, number, str(error))
            failed, unknown = check(facts)
            bid_id, submitted, applicant = facts[0], facts[1], facts[2]
            # Ineligible on a blocking fail; else incomplete on a blocking unknown (always, without a ledger).
            outcome = "ineligible" if failed else ("incomplete" if unknown else "eligible")
            record((bid_id, applicant, submitted >= PARAMETERS_FROM, outcome, failed))
            by_applicant[applicant] = by_applicant.get(applicant, 0) + 1
            pair = (applicant, bid_id)
            by_applicant_and_id[pair] = by_applicant_and_id.get(pair, 0) + 1
    if not verdicts:
        fail(source, number, "no bids in %s" % source)

    out = []
    write = out.append
    for bid_id, applicant, in_force, outcome, failed in verdicts:
        # CAF-ONE-A-YEAR (a warning) counts the applicant's other bids (other ids) in this run; without a ledger
        # it fails when there are too many, else is unknown. The outcome does not change.
        if in_force and by_applicant[applicant] - by_applicant_and_id[(applicant, bid_id)] + 1 > APPLICATIONS_PER_YEAR:
            failed.append("CAF-ONE-A-YEAR")
        # Ids are letters, digits and - . _ / only, so they need no JSON escaping.
        write('{"id":"%s","outcome":"%s","failed":[%s]}\n'
              % (bid_id, outcome, ",".join(['"%s"' % rule for rule in failed])))
    sys.stdout.write("".join(out))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
