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

The matching key of a company (a legacy company against an ERP account, a trade-show company against
an account) is crmkit.fields.company_key, the key the accounts service stores.
"""
from __future__ import annotations

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "cpa", "mba"})
_PARTICLES = frozenset({"da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le",
                        "van", "von", "ter", "ten", "st", "bin", "binti", "al", "el", "ibn"})


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

