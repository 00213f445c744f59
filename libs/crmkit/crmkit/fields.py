"""Normalising validators for what people and feeds type, shared by every service's domain.

Pure: no I/O, nothing of a service. A `clean_*` function appends a FieldProblem naming its field to
`problems` and returns the cleaned value, so one request reports every problem at once; the caller
ends with `raise_if(problems, detail)`. A `parse_*` function raises ValueError whose message is the
reason alone ("wrong number of digits for US"), for readers that word and collect problems their own
way (the integration feeds).

Text is kept as written apart from white space and Unicode compatibility forms (NFKC: full-width
"４０４" is "404"): escaping markup is the job of whoever renders it.
"""
from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import phonenumbers
from crmkit.errors import FieldProblem, InvalidInput
from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES

DEFAULT_REGION = "US"  # the reference customer's numbers are written without +1
EMAIL_MAX = 254
EXTENSION_MAX = 10

# Tab, line feed and carriage return are text; every other control character is not.
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
# RFC 5322 dot-atom of plain ASCII: the local part of nearly every real address (email_validator's own rule).
_ATEXT = r"a-zA-Z0-9_!#$%&'*+\-/=?^`{|}~"
_SIMPLE_LOCAL = re.compile(f"[{_ATEXT}]+(?:\\.[{_ATEXT}]+)*\\Z")
_PHONE_CHARS = re.compile(r"[0-9 +().\-/]+")
_PHONE_EXTENSION = re.compile(r"(.*?)[\s,;]*(?:x|ext\.?|extension|#)\s*(\d{1,10})", re.IGNORECASE)
_EXTENSION_MARK = re.compile(r"^(?:x|ext\.?|extension|#)\s*", re.IGNORECASE)
_LEGAL_FORMS = frozenset({"inc", "incorporated", "llc", "ltd", "limited", "co", "company", "corp",
                          "corporation", "plc", "lp", "llp", "pllc", "pc", "gmbh", "ag", "sa", "sarl",
                          "bv", "nv", "pty", "ulc"})
_APOSTROPHES = re.compile(r"['’`´]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def raise_if(problems: list[FieldProblem], detail: str) -> None:
    """InvalidInput(detail) carrying every problem found, if any was."""
    if problems:
        raise InvalidInput(detail, problems=problems)


# Text and choices

def clean_text(field: str, value: str, limit: int, problems: list[FieldProblem]) -> str:
    """Trimmed; refused over `limit` characters or holding NUL or another control character
    (neither a database nor a screen shows them)."""
    value = value.strip()
    if len(value) > limit:
        problems.append(FieldProblem(field, f"at most {limit} characters"))
    if "\x00" in value:
        problems.append(FieldProblem(field, "must not contain NUL characters"))
    if _CONTROL.search(value):
        problems.append(FieldProblem(field, "must not contain control characters"))
    return value


def checked_text(field: str, value: str, limit: int, *, required: bool = False) -> str:
    """One value cleaned as clean_text cleans it, outside a batch of fields: InvalidInput at once,
    its detail the first problem."""
    problems: list[FieldProblem] = []
    value = clean_text(field, value, limit, problems)
    if required and not value:
        problems.insert(0, FieldProblem(field, "is required"))
    if problems:
        raise InvalidInput(problems[0].message, problems=problems)
    return value


def canonical_key(value: str) -> str:
    """Case, underscores, hyphens and repeated spaces do not matter in enumerated values."""
    return " ".join(value.replace("_", " ").replace("-", " ").lower().split())


@lru_cache(maxsize=256)
def _by_key(allowed: tuple[str, ...]) -> dict[str, str]:
    return {canonical_key(option): option for option in allowed}


def canonical(value: str, allowed: tuple[str, ...], field: str, *, blank: str = "none") -> str:
    """The option of `allowed` that `value` names ("executive_management" -> "Executive Management");
    InvalidInput naming `field` and the options otherwise, an empty option shown as `"" (blank)`."""
    found = _by_key(allowed).get(canonical_key(value))
    if found is None:
        shown = ", ".join(option or f'"" ({blank})' for option in allowed)
        raise InvalidInput(f"must be one of: {shown}", field=field)
    return found


def clean_uuid(field: str, value: str, *, required: bool = False) -> str:
    """An id: a UUID in canonical form, or "" when none is given and none is required."""
    value = value.strip()
    if not value and not required:
        return ""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidInput("must be a UUID", field=field) from None


# Matching keys

def fold(text: str) -> str:
    """The matching key of a person's name: case and accents folded, white space single, compatibility
    forms plain ("Zoë  O'Brien" -> "zoe o'brien", "Ｊａｎｅ" -> "jane")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.casefold()).strip()


@lru_cache(maxsize=8192)
def company_keys(name: str) -> tuple[str, ...]:
    """Matching keys of a company name from the most specific to company_key(name): the name folded,
    "&" read as "and", apostrophes and dots dropped ("L.L.C." is "llc", "O'Neil" "oneil"), any other
    punctuation a space; then one trailing legal-form word fewer at a time, keeping at least one word.
    "LIBERTY STORES CORPORATION INC." -> ("liberty stores corporation inc", "liberty stores
    corporation", "liberty stores"); "Company" stays ("company",)."""
    text = _APOSTROPHES.sub("", fold(name).replace("&", " and ")).replace(".", "")
    words = _NOT_WORD.sub(" ", text).split()
    keys = [" ".join(words)]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
        keys.append(" ".join(words))
    return tuple(keys)


def company_key(name: str) -> str:
    """The key that matches a company across systems: "ACME KIOSKS INC." and "Acme Kiosks" both give
    "acme kiosks" (accounts store it; the integration feeds match legacy companies on it)."""
    return company_keys(name)[-1]


# Email

def email_key(address: str) -> str:
    """An address as people are matched on it (LEAD-8, contacts' search): NFKC (a full-width local part
    is the same address), trimmed, case folded."""
    return unicodedata.normalize("NFKC", address).strip().casefold()


def parse_email(text: str) -> str:
    """A syntactically valid address (no DNS lookup: whether the mailbox exists is not ours to decide),
    normalised by email_validator: domain lower-cased (IDNA decoded), local part as written; NFKC first,
    so a full-width "ｊａｎｅ@example.com" is "jane@example.com". ValueError says what is wrong."""
    address = unicodedata.normalize("NFKC", text.strip())
    local, at, domain = address.partition("@")
    if (at and address.isascii() and len(address) <= EMAIL_MAX and "@" not in domain
            and "xn--" not in domain.lower() and _SIMPLE_LOCAL.match(local)):
        # Checking the domain is most of the validator's cost: for such an address the verdict and
        # the message are the domain's, so check each domain once. The normal form is the validator's:
        # the domain lower-cased, and role mailboxes (postmaster@, sales@: RFC 2142) too.
        problem = _domain_problem(domain)
        role = local.lower() in CASE_INSENSITIVE_MAILBOX_NAMES
        normalized = f"{local.lower() if role else local}@{domain.lower()}"
    else:
        normalized, problem = _validated(address)
    if problem:
        raise ValueError(problem)
    return normalized


def clean_email(field: str, value: str, problems: list[FieldProblem]) -> str:
    """parse_email's normal form, or `value` trimmed with a problem naming `field`."""
    try:
        return parse_email(value)
    except ValueError as exc:
        problems.append(FieldProblem(field, f"not a valid email address: {exc}"))
        return value.strip()


@lru_cache(maxsize=4096)
def _domain_problem(domain: str) -> str | None:
    return _validated("a@" + domain)[1]


@lru_cache(maxsize=8192)
def _validated(address: str) -> tuple[str, str | None]:
    try:
        return validate_email(address, check_deliverability=False).normalized, None
    except EmailNotValidError as exc:
        return "", str(exc)


# Phones

@dataclass(frozen=True)
class Phone:
    """A phone number as written (white space single, extension split off), its extension (digits),
    and its E.164 form ("+16175550100"; "" for a number without its area code, which has none)."""

    number: str
    extension: str = ""
    e164: str = ""


def parse_phone(text: str, *, region: str = DEFAULT_REGION) -> Phone:
    """A phone number written with the usual separators ("(404) 644-0270", "+44 20 7946 0958",
    "404.644.0270 ext. 12"), read by phonenumbers as a number of `region` unless it starts with +.
    Letters are refused, vanity numbers included: "555-CALL-NOW" is an advert, not a number."""
    written = _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    number, extension = written, ""
    if match := _PHONE_EXTENSION.fullmatch(written):
        number, extension = match.group(1).strip(), match.group(2)
    if not _PHONE_CHARS.fullmatch(number):
        raise ValueError("only digits, spaces and + ( ) . - / are a number; an extension follows x or ext.")
    wrong = f"wrong number of digits for {region} (another country's number starts with +)"
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        raise ValueError(wrong) from None
    reason = phonenumbers.is_possible_number_with_reason(parsed)
    if reason not in (phonenumbers.ValidationResult.IS_POSSIBLE, phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY):
        raise ValueError(wrong)
    e164 = (phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
            if reason == phonenumbers.ValidationResult.IS_POSSIBLE else "")
    return Phone(number, extension, e164)


def parse_extension(text: str) -> str:
    """A phone extension: up to 10 digits, a leading x or ext. dropped ("ext. 204" -> "204")."""
    value = _EXTENSION_MARK.sub("", unicodedata.normalize("NFKC", text).strip())
    if not (value.isascii() and value.isdigit()) or len(value) > EXTENSION_MAX:
        raise ValueError(f"an extension is up to {EXTENSION_MAX} digits")
    return value


def clean_phone(field: str, value: str, problems: list[FieldProblem], *, region: str = DEFAULT_REGION) -> str:
    """A single phone field: kept as written (white space single, extension included), or a problem."""
    try:
        parse_phone(value, region=region)
    except ValueError as exc:
        problems.append(FieldProblem(field, f"not a phone number: {exc}"))
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip()


def region_of(country: str, default: str = DEFAULT_REGION) -> str:
    """The region a record's phone numbers are read in: its two-letter country when phonenumbers knows
    it ("gb" -> "GB"), `default` otherwise."""
    code = country.strip().upper()
    return code if code in phonenumbers.SUPPORTED_REGIONS else default


# URLs

def url_problem(value: str, *, bare_host: bool = False) -> str | None:
    """What is wrong with an http(s) URL (None: nothing). A host needs a dot and no URL holds white space.
    With `bare_host`, a host name without a scheme ("example.com/kiosks") is accepted as https: people
    type a company's website that way; a profile link (LinkedIn) is pasted whole and has no such form."""
    candidate = f"https://{value}" if bare_host and "://" not in value else value
    try:
        parts = urlsplit(candidate)
        host = parts.hostname or ""
    except ValueError:  # an unbalanced [ in the host
        return "must be an http(s) URL"
    if parts.scheme.lower() not in ("http", "https") or "." not in host or _SPACES.search(value):
        return "must be an http(s) URL" + (" or a host name such as example.com" if bare_host else "")
    return None


def clean_url(field: str, value: str, problems: list[FieldProblem], *, bare_host: bool = False) -> str:
    """An http(s) URL kept as written (trimmed), or a problem naming `field`; see url_problem."""
    value = value.strip()
    if value and (problem := url_problem(value, bare_host=bare_host)):
        problems.append(FieldProblem(field, problem))
    return value


def clean_website(field: str, value: str, problems: list[FieldProblem]) -> str:
    """A company's website: an http(s) URL or a bare host name."""
    return clean_url(field, value, problems, bare_host=True)


def clean_linkedin_url(field: str, value: str, problems: list[FieldProblem]) -> str:
    """A person's LinkedIn profile: a whole http(s) URL (no bare host)."""
    return clean_url(field, value, problems)
