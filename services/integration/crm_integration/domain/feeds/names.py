"""People's and companies' names as feeds write them.

`split_full_name` turns one full-name column into first and last name:

- "Mary Anne O'Neil" -> ("Mary Anne", "O'Neil"): the last word is the last name, every word
  before it the first name(s). Hyphenated names stay one word: "José García-López" ->
  ("José", "García-López").
- Surname particles before the last word belong to it: "Ludwig van Beethoven" -> ("Ludwig",
  "van Beethoven"), "Juan de la Cruz" -> ("Juan", "de la Cruz"); never the first word itself
  ("Van Morrison" -> ("Van", "Morrison")).
- "Last, First" (a comma) is understood: "O'Neil, Mary Anne" -> ("Mary Anne", "O'Neil"), unless
  what follows the comma is only a suffix ("John Smith, Jr.").
- Courtesy titles in front are dropped (Mr, Mrs, Ms, Miss, Mx, Dr, Prof) when a name remains;
  generational and degree suffixes (Jr., Sr., II, III, IV, PhD, MD) stay, after the last name.
- A single name is a first name: ("Cher", ""). Greetings ("Hello Cher") then read right, and the
  CRM requires neither part. After a courtesy title it is a surname: "Mr Bean" -> ("", "Bean").
- Case is kept as written: "McDonald" and "van" would not survive title-casing. A Spanish double
  surname written with a space ("José García López") cannot be told from a middle name; it
  becomes ("José García", "López"), which an admin may correct by hand.

`normalised_company_name` is the key that matches a legacy company to an ERP account: case,
accents, punctuation and legal-form suffixes do not count, so "PIONEER STORES INC INC." and
"Pioneer Stores Inc" both give "pioneer stores". Legal forms alone can tell two customers apart,
so `company_keys` gives the more specific keys to try first (see there).
"""
from __future__ import annotations

import re
import unicodedata

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "cpa", "mba"})
_PARTICLES = frozenset({"da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le",
                        "van", "von", "ter", "ten", "st", "bin", "binti", "al", "el", "ibn"})
_LEGAL_FORMS = frozenset({"inc", "incorporated", "llc", "ltd", "limited", "co", "company", "corp",
                          "corporation", "plc", "lp", "llp", "pllc", "pc", "gmbh", "ag", "sa", "sarl",
                          "bv", "nv", "pty", "ulc"})
_APOSTROPHES = re.compile(r"['’`´]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def _bare(word: str) -> str:
    """A word for comparison with the word lists: lower case, no dots or commas."""
    return word.lower().strip(".,")


def has_letter(text: str) -> bool:
    """Whether a name holds any letter at all ("?", "-" and "123" do not name anyone)."""
    return any(c.isalpha() for c in text)


def split_full_name(full_name: str) -> tuple[str, str]:
    """(first name, last name) from one full-name text, per the module's rules."""
    text = " ".join(full_name.split())
    if "," in text:
        head, _, tail = text.partition(",")
        rest = [part.strip() for part in tail.split(",") if part.strip()]
        if rest and not all(_bare(w) in _SUFFIXES for part in rest for w in part.split()):
            last = head.strip()
            words = " ".join(rest).split()
            trailing = [w for w in words if _bare(w) in _SUFFIXES]
            first = " ".join(w for w in words if _bare(w) not in _SUFFIXES and _bare(w) not in HONORIFICS)
            return first, " ".join([last, *trailing]).strip()
        text = " ".join([head, *rest])
    words = text.split()
    titled = False
    while len(words) > 1 and _bare(words[0]) in HONORIFICS:
        words.pop(0)
        titled = True
    suffixes: list[str] = []
    while len(words) > 2 and _bare(words[-1]) in _SUFFIXES:
        suffixes.insert(0, words.pop())
    if not words:
        return "", ""
    if len(words) == 1:  # "Cher"; but "Mr Bean" names a surname
        return ("", " ".join([words[0], *suffixes])) if titled else (words[0], " ".join(suffixes))
    start = len(words) - 1
    while start > 1 and _bare(words[start - 1]) in _PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:] + suffixes)


def fold(text: str) -> str:
    """Lower case without accents: "Québec" -> "quebec"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def company_keys(name: str) -> tuple[str, ...]:
    """Matching keys of a company name from the most specific to normalised_company_name(name):
    the folded name, then with one trailing legal-form word fewer at a time. "LIBERTY STORES
    CORPORATION INC." -> ("liberty stores corporation inc", "liberty stores corporation",
    "liberty stores").

    Legal forms alone do tell companies apart: one ERP holds "Silver Pharmacy Corporation",
    "Silver Pharmacy Inc" and "Silver Pharmacy" as three customers. So match a legacy company on
    its keys in order against the ERP names' first key, and fall back to the last key only where
    it names one ERP customer; the legacy export's own variants (upper case, " INC." appended)
    then find their customer and never a namesake."""
    words = _words(name)
    keys = [" ".join(words)]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
        keys.append(" ".join(words))
    return tuple(keys)


def _words(name: str) -> list[str]:
    text = fold(name).replace("&", " and ")
    text = _APOSTROPHES.sub("", text).replace(".", "")
    return _NOT_WORD.sub(" ", text).split()


def normalised_company_name(name: str) -> str:
    """The matching key of a company name: folded case and accents, "&" as "and", punctuation as
    spaces (apostrophes and dots simply dropped, so "L.L.C." is "llc" and "O'Neil" "oneil"), then
    legal-form words at the end removed, repeatedly ("Foo Co Inc." -> "foo"), keeping at least one
    word (a company called "Company" stays "company")."""
    return company_keys(name)[-1]
