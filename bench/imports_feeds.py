"""Feed files for bench/imports.py: the reference customer's initial load (issue 4), written in the
formats the integration service reads (crm_integration.domain.feeds: erp.py, legacy.py,
trade_show.py), deterministic for a seed.

At scale 1: 300 ERP customers, 8,000 ship-to locations under them (5% offices, the rest kiosk
locations; states over every US state and Canadian province of the territory map, 60% in the
customer's own state), 13,000 kiosks on the kiosk locations, 18,000 sales orders, one finance row per
customer, 2,700 legacy contacts (a third at ERP customers, the rest at about 900 other companies;
about 5% carry a broken address beside or instead of a good one, as MIG-1 says the export does),
55,000 history emails and 25,000 notes on those contacts (all dated from 2012 on, each unique), and
100,000 trade-show badge scans of distinct people, every one with an email.

Encodings and line ends follow the real exports (services/integration/tests/fixtures/feeds/README.md):
ERP customers, locations and kiosks UTF-8 LF; sales orders UTF-8 with BOM, CRLF; finance ASCII CRLF;
legacy files Windows-1252 CRLF (LF inside quoted multi-line bodies); badge scans UTF-8 LF.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from vocabulary import ADJECTIVES, CITIES, FIRST, LAST, NOUNS, SUFFIXES, TITLES  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "gateway/crm_gateway/demo"
COUNTS = {"erp-customers": 300, "erp-locations": 8_000, "erp-kiosks": 13_000, "erp-sales-orders": 18_000,
          "erp-finance": 300, "legacy-contacts": 2_700, "legacy-email-history": 55_000, "legacy-notes": 25_000,
          "trade-show-leads": 100_000}
ORDER = tuple(COUNTS)  # dependency order: customers before their locations, locations before kiosks, ...
AS_OF = date(2026, 11, 21)  # the finance figures' day and "today" of the files: fixed, so files repeat

STREETS = ("Main St", "Oak Ave", "Summit Blvd", "Lakeside St", "Rue Sainte-Catherine", "Grande Allée", "Market St")
LEGACY_ROLES = ("IT", "Operations", "Purchasing", "Executive Management", "Marketing", "")
MODELS = ("KX-100 Countertop", "KX-300 Outdoor", "KX-500 Check-in", "KX-600 Drive-Thru", "KX-800 Wall")
SYSTEMS = ("Ubuntu 22.04 LTS", "Android 12", "Android 13", "Windows 11 IoT")
SUBJECTS = ("Follow-up", "Pricing for the outdoor units", "Re: demo at HQ", "Quote", "Kiosk rollout plan",
            "Service contract renewal", "Re: Re: warranty question")
AUTHORS = ("sdr1", "sdr2", "sdr3", "ae.ne", "ae.ma", "ae.pac", "ae.can", "jdoe", "former.rep")
SHOWS_NOTES = ("send pricing", "hot", "visit booth 2027, bring demo", "", "", "call after the show",
               "wants 40 outdoor units\nbudget in Q2")


@dataclass(frozen=True)
class FeedFile:
    kind: str
    path: Path
    encoding: str  # how to read it back for the COPY baseline
    rows: int


def scaled(scale: float) -> dict[str, int]:
    counts = {kind: max(1, round(n * scale)) for kind, n in COUNTS.items()}
    counts["erp-customers"] = counts["erp-finance"] = max(10, counts["erp-customers"])
    return counts


def _territories() -> dict[str, str]:
    with (DEMO / "territories.csv").open(newline="") as f:
        return {state: row["code"] for row in csv.DictReader(f) for state in row["states"].split(";")}


def _salespeople() -> dict[str, str]:
    with (DEMO / "users.csv").open(newline="") as f:
        return {row["territories"]: row["full_name"] for row in csv.DictReader(f) if row["role"] == "ae"}


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.territory = _territories()
        self.states = sorted(self.territory)
        self.salesperson = _salespeople()
        self.area_codes = self.r.sample(range(201, 990), 150)

    def phone(self) -> str:
        r = self.r
        a, e, n = r.choice(self.area_codes), r.randint(200, 999), r.randint(0, 9999)
        return r.choice((f"({a}) {e}-{n:04d}", f"{a}.{e}.{n:04d}", f"+1 {a} {e} {n:04d}", f"{a}-{e}-{n:04d}"))

    def canadian(self, state: str) -> bool:
        return self.territory[state] == "CAN"

    def postal(self, state: str) -> str:
        r = self.r
        if self.canadian(state):
            return (f"{r.choice('ABCEGHJKLMNPRSTVXY')}{r.randint(0, 9)}{r.choice('ABCEGHJKLMNPRSTVWXYZ')} "
                    f"{r.randint(0, 9)}{r.choice('ABCEGHJKLMNPRSTVWXYZ')}{r.randint(0, 9)}")
        return f"{r.randint(501, 99950):05d}"

    def street(self) -> str:
        return f"{self.r.randint(1, 9999)} {self.r.choice(STREETS)}"

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=self.r.randint(0, (end - start).days))

    def moment(self, start: date, end: date) -> str:
        d = self.day(start, end)
        return f"{d:%Y-%m-%d} {self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}"

    def amount(self, low: int, high: int) -> str:
        cents = self.r.randint(low * 100, high * 100)
        text = f"{cents // 100}.{cents % 100:02d}"
        return f"{cents // 100:,}.{cents % 100:02d}" if self.r.random() < 0.2 else text  # some with separators


def _domain(name: str) -> str:
    return "".join(c for c in name.lower() if c.isascii() and c.isalnum())[:30] + ".example"


def _write(folder: Path, kind: str, name: str, header: list[str], rows: list[list[str]], *, encoding: str,
           crlf: bool) -> FeedFile:
    path = folder / name
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n" if crlf else "\n")
        writer.writerow(header)
        writer.writerows(rows)
    return FeedFile(kind, path, "utf-8-sig" if encoding.startswith("utf-8") else encoding, len(rows))


def generate(folder: Path, *, scale: float = 1.0, seed: int = 4) -> dict[str, FeedFile]:
    """Write every feed into `folder`; answers them by kind."""
    n, g = scaled(scale), _Gen(seed)
    r, out = g.r, {}
    # --- ERP ---------------------------------------------------------------------------------------
    bases = [f"{a} {b}" for a in ADJECTIVES for b in NOUNS]
    r.shuffle(bases)
    customers = [(f"C{100001 + i}", f"{bases[i % len(bases)]} {r.choice(SUFFIXES)}"
                  + (f" {i // len(bases) + 1}" if i >= len(bases) else ""), r.choice(g.states))
                 for i in range(n["erp-customers"])]  # (accounting id, name, hq state)
    out["erp-customers"] = _write(folder, "erp-customers", "customers.csv",
                                  ["customer_accounting_id", "name", "segment", "hq_state", "active"],
                                  [[c, name, r.choice(("commercial", "commercial", "government")), state,
                                    "Y" if r.random() < 0.97 else "N"] for c, name, state in customers],
                                  encoding="utf-8", crlf=False)
    weights = [1 / (i + 1) ** 0.7 for i in range(len(customers))]  # a few national chains, many small ones
    locations, kiosk_sites = [], []
    for i, c in enumerate(r.choices(range(len(customers)), weights, k=n["erp-locations"])):
        code, name, hq = customers[c]
        state = hq if r.random() < 0.6 else r.choice(g.states)
        ship_to, office, city = f"S{500001 + i}", r.random() < 0.05, r.choice(CITIES)
        if not office:
            kiosk_sites.append(ship_to)
        locations.append([ship_to, code, f"{name} - {city} {'Office' if office else '#'}{i + 1}",
                          "OFFICE" if office else r.choice(("KIOSK", "KIOSK", "kiosk_location")), g.street(), city,
                          state, g.postal(state), "CA" if g.canadian(state) else "US",
                          g.phone() if r.random() < 0.8 else "", "Y" if r.random() < 0.97 else "N"])
    out["erp-locations"] = _write(folder, "erp-locations", "ship_to_locations.csv",
                                  ["ship_to_id", "customer_accounting_id", "location_name", "location_type", "street",
                                   "city", "state", "postal_code", "country", "phone", "active"], locations,
                                  encoding="utf-8", crlf=False)
    kiosks = []
    for i in range(n["erp-kiosks"]):
        model = r.choice(MODELS)
        installed = g.day(date(2019, 1, 1), AS_OF)
        warranty = installed.replace(year=installed.year + r.choice((3, 5))) if installed.day < 29 else None
        kiosks.append([f"{model[:6]}-{i + 1:07d}", r.choice(kiosk_sites), model, r.choice(SYSTEMS),
                       f"{r.randint(3, 5)}.{r.randint(0, 9)}.{r.randint(0, 30)}", installed.isoformat(),
                       warranty.isoformat() if warranty else ""])
    out["erp-kiosks"] = _write(folder, "erp-kiosks", "kiosks.csv",
                               ["serial_number", "ship_to_id", "model", "operating_system", "software_version",
                                "install_date", "warranty_end_date"], kiosks, encoding="utf-8", crlf=False)
    orders = []
    for i, c in enumerate(r.choices(range(len(customers)), weights, k=n["erp-sales-orders"])):
        code, _, hq = customers[c]
        territory = g.territory[hq]
        ordered = g.day(date(2023, 12, 1), AS_OF)
        shipped = ordered + timedelta(days=r.randint(1, 30))
        orders.append([f"SO-{7000001 + i}", f"PO{r.randint(10000, 99999)}", code, g.salesperson[territory], territory,
                       ordered.isoformat(), shipped.isoformat() if shipped <= AS_OF else "",
                       g.amount(500, 250_000), "CAD" if g.canadian(hq) else r.choice(("USD", "USD", ""))])
    out["erp-sales-orders"] = _write(folder, "erp-sales-orders", "sales_orders.csv",
                                     ["sales_order_number", "po_number", "customer_accounting_id", "salesperson",
                                      "territory", "order_date", "ship_date", "total_amount", "currency"], orders,
                                     encoding="utf-8-sig", crlf=True)
    finance = [[code, AS_OF.isoformat(), g.amount(0, 400_000), g.amount(10_000, 5_000_000),
                g.amount(10_000, 5_000_000), g.amount(50_000, 2_000_000), g.amount(0, 50_000)]
               for code, _, _ in customers[:n["erp-finance"]]]
    out["erp-finance"] = _write(folder, "erp-finance", "customer_financials.csv",
                                ["customer_accounting_id", "as_of_date", "mtd_sales", "ytd_sales", "prior_ytd_sales",
                                 "credit_limit", "past_due_amount"], finance, encoding="ascii", crlf=True)
    # --- legacy contact manager -------------------------------------------------------------------
    others = [f"{r.choice(ADJECTIVES)} {r.choice(NOUNS)} {r.choice(SUFFIXES)}"
              for _ in range(n["legacy-contacts"] // 3)]  # legacy companies the ERP does not know
    contacts, people = [], []  # people: (RecordID, email)
    for i in range(n["legacy-contacts"]):
        if r.random() < 1 / 3:
            _, company, state = r.choice(customers)
            company = r.choice((company, company, company.upper(), company + " INC."))  # the export's variants
        else:
            company, state = r.choice(others), r.choice(g.states)
        first, last = r.choice(FIRST), r.choice(LAST)
        local = "".join(c for c in f"{first}.{last}".lower() if c.isascii() and (c.isalnum() or c == "."))
        email = f"{local}{i}@{_domain(company)}"
        emails = {0: f"{local.split('.')[0]}@", 1: f"{email}; {local.split('.')[0]}@"}.get(
            r.randrange(40), email if r.random() < 0.7 else f"{email}; {local}{i}@gmail.example")
        record = f"R{100001 + i}"
        people.append((record, email))
        contacts.append([record, company, f"{first} {last}", r.choice(TITLES), r.choice(LEGACY_ROLES), g.phone(),
                         str(r.randint(10, 999)) if r.random() < 0.2 else "", g.phone() if r.random() < 0.5 else "",
                         emails, g.street(), r.choice(CITIES), state, g.postal(state),
                         r.choice(("Active", "Active", "Active", "Inactive", "")),
                         r.choice(("1000000", "250000000", "80000000", "")),
                         r.choice(("", "", "Sent brochure", "Not interested", "Call back in Q3"))])
    out["legacy-contacts"] = _write(folder, "legacy-contacts", "legacy_contacts.csv",
                                    ["RecordID", "Company", "ContactName", "Title", "Role", "Phone", "Ext", "Mobile",
                                     "Emails", "Street", "City", "State", "Zip", "Status", "AnnualRevenue",
                                     "LastResult"], contacts, encoding="cp1252", crlf=True)
    history = []
    for i in range(n["legacy-email-history"]):
        record, email = r.choice(people)
        outbound = r.random() < 0.6
        ours = r.choice(AUTHORS) + "@abbott-ltd.demo"
        body = (f"Hi,\nThanks for your time today (ref {i + 1}).\n\n> quoted text, with a comma\n"
                if r.random() < 0.5 else f"Please find the quote attached, ref {i + 1}. Regards")
        history.append([record, g.moment(date(2012, 1, 1), AS_OF), "OUT" if outbound else "IN",
                        ours if outbound else email, email if outbound else ours, r.choice(SUBJECTS), body])
    out["legacy-email-history"] = _write(folder, "legacy-email-history", "legacy_email_history.csv",
                                         ["RecordID", "SentAt", "Direction", "From", "To", "Subject", "Body"], history,
                                         encoding="cp1252", crlf=True)
    notes = [[r.choice(people)[0], g.moment(date(2012, 1, 1), AS_OF), r.choice(AUTHORS),
              r.choice(("Called, interested in outdoor units.", "Budget approved for Q3 – café locations first.",
                        "Wants a demo at HQ.\nBring the KX-300.")) + f" (#{i + 1})"]
             for i in range(n["legacy-notes"])]
    out["legacy-notes"] = _write(folder, "legacy-notes", "legacy_notes.csv",
                                 ["RecordID", "CreatedAt", "Author", "Note"], notes, encoding="cp1252", crlf=True)
    # --- trade shows ------------------------------------------------------------------------------
    show_companies = others + [c[1] for c in customers[:len(customers) // 3]]
    scans = []
    for i in range(n["trade-show-leads"]):
        company, first, last = r.choice(show_companies), r.choice(FIRST), r.choice(LAST)
        local = "".join(c for c in f"{first}.{last}".lower() if c.isascii() and (c.isalnum() or c == "."))
        state = r.choice(g.states)
        scans.append([f"{first} {last}", company, r.choice(TITLES), f"{local}.t{i}@{_domain(company)}",
                      g.phone() if r.random() < 0.7 else "", state, "Canada" if g.canadian(state) else "US",
                      r.choice(SHOWS_NOTES)])
    out["trade-show-leads"] = _write(folder, "trade-show-leads", "nrf_2026_badge_scans.csv",
                                     ["Name", "Company", "Title", "Email", "Phone", "State", "Country", "Notes"], scans,
                                     encoding="utf-8", crlf=False)
    return out


def read_back(feed: FeedFile) -> tuple[list[str], list[tuple[str, ...]]]:
    """(header, rows as tuples of text) as the csv module reads the file: the COPY baseline's input."""
    with feed.path.open(encoding=feed.encoding, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, [tuple(row) for row in reader if row]
