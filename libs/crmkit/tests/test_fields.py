"""crmkit.fields: the normalising validators every service's domain uses (LEAD-4, LEAD-8, CON-1, MIG-1, MOB-1)."""
import pytest
from crmkit.errors import FieldProblem, InvalidInput
from crmkit.fields import (
    Phone,
    canonical,
    canonical_key,
    checked_text,
    clean_email,
    clean_linkedin_url,
    clean_phone,
    clean_text,
    clean_uuid,
    clean_website,
    company_key,
    company_keys,
    email_key,
    fold,
    parse_email,
    parse_extension,
    parse_phone,
    raise_if,
    region_of,
)
from email_validator import EmailNotValidError, validate_email
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(("typed", "phone"), [
    ("(617) 555-0100", Phone("(617) 555-0100", "", "+16175550100")),
    ("+1 617 555 0100", Phone("+1 617 555 0100", "", "+16175550100")),
    ("713.898.4229", Phone("713.898.4229", "", "+17138984229")),
    ("  617  425 8879 ", Phone("617 425 8879", "", "+16174258879")),
    ("617-555-0100 x123", Phone("617-555-0100", "123", "+16175550100")),
    ("617-555-0100x123", Phone("617-555-0100", "123", "+16175550100")),
    ("617-555-0100 ext. 123", Phone("617-555-0100", "123", "+16175550100")),
    ("404-644-0270, ext. 204", Phone("404-644-0270", "204", "+14046440270")),
    ("(404) 644-0270 #12", Phone("(404) 644-0270", "12", "+14046440270")),
    ("４０４－６４４－０２７０　ｘ１２", Phone("404-644-0270", "12", "+14046440270")),
    ("+44 20 7946 0958", Phone("+44 20 7946 0958", "", "+442079460958")),
    ("+49 30 123456", Phone("+49 30 123456", "", "+4930123456")),
    ("555-0100", Phone("555-0100", "", "")),  # no area code: a number, but no E.164 form
])
def test_phones_keep_their_writing_split_off_the_extension_and_know_their_e164(typed, phone):
    assert parse_phone(typed) == phone


def test_a_phone_is_read_in_the_region_given():
    assert parse_phone("020 7946 0958", region="GB").e164 == "+442079460958"
    assert region_of(" gb ") == "GB" and region_of("") == "US" and region_of("USA") == "US"
    assert region_of("Atlantis", default="CA") == "CA"


@pytest.mark.parametrize("typed", ["call me", "n/a", "555", "1", "12345", "1234567890123456", "555-CALL-NOW",
                                   "+", "617-555-0100 x", ""])
def test_non_phones_are_refused(typed):
    with pytest.raises(ValueError, match="digits"):
        parse_phone(typed)


def test_a_single_phone_field_is_kept_as_written_or_named_at_fault():
    problems: list[FieldProblem] = []
    assert clean_phone("phone", " +1 617  555 0100 ", problems) == "+1 617 555 0100"
    assert clean_phone("phone", "415.329.0294 x7", problems) == "415.329.0294 x7"
    assert problems == []
    clean_phone("phone", "555", problems)
    assert problems == [FieldProblem("phone", "not a phone number: wrong number of digits for US (another country's "
                                              "number starts with +)")]


@pytest.mark.parametrize(("typed", "extension"), [("204", "204"), ("x204", "204"), ("ext. 204", "204"), ("Ext 7", "7"),
                                              ("１２", "12")])
def test_extensions_are_digits(typed, extension):
    assert parse_extension(typed) == extension


@pytest.mark.parametrize("typed", ["twelve", "12a", "12345678901", "x"])
def test_non_extensions_are_refused(typed):
    with pytest.raises(ValueError, match="up to 10 digits"):
        parse_extension(typed)


@pytest.mark.parametrize(("typed", "normal"), [
    (" Ann.Lee@Example.COM ", "Ann.Lee@example.com"),
    ("jane@example.com", "jane@example.com"),
    ("SALES@Abbott-Ltd.DEMO", "sales@abbott-ltd.demo"),  # a role mailbox (RFC 2142): case-insensitive
    ("ｊａｎｅ@ｅｘａｍｐｌｅ.com", "jane@example.com"),
    ("José@Example.com", "José@example.com"),
    ("a@xn--bcher-kva.example", "a@bücher.example"),
    ("a@Bücher.example", "a@bücher.example"),
])
def test_emails_are_normalised_with_their_domain_lower_cased(typed, normal):
    assert parse_email(typed) == normal


@pytest.mark.parametrize("typed", ["not-an-email", "a@", "@example.com", "a b@example.com", "a@@example.com",
                                   "a@b", "a@example..com", ""])
def test_bad_emails_are_refused_naming_the_field(typed):
    problems: list[FieldProblem] = []
    assert clean_email("email", typed, problems) == typed.strip()
    assert [p.field for p in problems] == ["email"] and problems[0].message.startswith("not a valid email address")
    with pytest.raises(ValueError):
        parse_email(typed)


def test_the_email_matching_key_ignores_case_and_surrounding_space():
    """LEAD-8: the same person whatever the case they type their address in."""
    assert email_key("  Jane.Doe@Example.COM ") == email_key("jane.doe@example.com") == "jane.doe@example.com"


def test_text_is_trimmed_bounded_and_free_of_control_characters():
    problems: list[FieldProblem] = []
    assert clean_text("message", "  line one\n\tline two\r\n ", 100, problems) == "line one\n\tline two"
    assert clean_text("company", " 株式会社キオスク ", 100, problems) == "株式会社キオスク"
    assert problems == []
    clean_text("first_name", "a" * 11, 10, problems)
    clean_text("last_name", "a\x00b", 10, problems)
    clean_text("title", "bell\x07", 10, problems)
    assert problems == [FieldProblem("first_name", "at most 10 characters"),
                        FieldProblem("last_name", "must not contain NUL characters"),
                        FieldProblem("title", "must not contain control characters")]


def test_one_text_value_raises_at_once_naming_its_field():
    assert checked_text("landing_page", "  kiosks  ", 10) == "kiosks"
    for value, required, message in (("", True, "is required"), ("x" * 11, False, "at most 10 characters")):
        with pytest.raises(InvalidInput) as refused:
            checked_text("landing_page", value, 10, required=required)
        assert (refused.value.detail, refused.value.problems) == (message, [FieldProblem("landing_page", message)])


def test_choices_are_canonicalised_or_refused_naming_the_field():
    roles = ("IT", "Executive Management", "Marketing")
    assert canonical("executive_management", roles, "role") == "Executive Management"
    assert canonical(" it ", roles, "role") == "IT" and canonical_key("Trade-Show  Lead") == "trade show lead"
    with pytest.raises(InvalidInput) as refused:
        canonical("janitor", roles, "role")
    assert refused.value.problems == [FieldProblem("role", "must be one of: IT, Executive Management, Marketing")]
    with pytest.raises(InvalidInput) as refused:
        canonical("warehouse", ("", "office"), "subtype", blank="company")
    assert refused.value.problems == [FieldProblem("subtype", 'must be one of: "" (company), office')]


def test_uuids_are_canonical_and_required_only_when_asked():
    assert clean_uuid("parent_id", " 6F9619FF-8B86-D011-B42D-00C04FC964FF ") == "6f9619ff-8b86-d011-b42d-00c04fc964ff"
    assert clean_uuid("parent_id", "  ") == ""
    for value, required in (("nope", False), ("", True)):
        with pytest.raises(InvalidInput) as refused:
            clean_uuid("parent_id", value, required=required)
        assert refused.value.problems == [FieldProblem("parent_id", "must be a UUID")]


@pytest.mark.parametrize(("typed", "website_ok", "linkedin_ok"), [
    ("https://www.linkedin.com/in/jane", True, True),
    ("http://acme.example.com/kiosks", True, True),
    ("acme.example.com", True, False),
    ("linkedin.com/in/jane", True, False),
    ("javascript:alert(1)", False, False),
    ("ftp://acme.example.com", False, False),
    ("not a url", False, False),
    ("https://localhost", False, False),
    ("https://acme.example.com/a b", False, False),
    ("https://[broken", False, False),
])
def test_urls_are_http_and_only_a_website_may_be_a_bare_host(typed, website_ok, linkedin_ok):
    website: list[FieldProblem] = []
    linkedin: list[FieldProblem] = []
    assert clean_website("website", f" {typed} ", website) == typed
    clean_linkedin_url("linkedin_url", typed, linkedin)
    assert ([p.field for p in website], [p.field for p in linkedin]) == (
        [] if website_ok else ["website"], [] if linkedin_ok else ["linkedin_url"])


@pytest.mark.parametrize(("name", "key"), [
    ("ACME KIOSKS INC.", "acme kiosks"), ("Acme Kiosks", "acme kiosks"), ("Foo Co Inc.", "foo"),
    ("Company", "company"), ("Smith & Sons, L.L.C.", "smith and sons"), ("O'Neil Stores", "oneil stores"),
    ("Café Québec GmbH", "cafe quebec"), ("ＡＣＭＥ　Ｋｉｏｓｋｓ", "acme kiosks"), ("", ""),
])
def test_the_company_key_ignores_case_accents_punctuation_and_legal_forms(name, key):
    assert company_key(name) == key


@pytest.mark.parametrize("name", ["Harbor Stores LLC", "HARBOR STORES LLC INC.", "Harbor Stores, L.L.C.",
                                  "harbor  stores llc", "Harbor Stores Inc", "Harbor Stores Co.", "Harbor-Stores"])
def test_company_names_normalise_to_one_key(name):
    """MIG-1: "About 15% of company names differ from the ERP's (upper case, ' INC.')"."""
    assert company_key(name) == "harbor stores"


def test_company_keys_fold_accents_and_ampersands_but_keep_what_names_differ_by():
    assert company_key("Café Zoë & Co") == "cafe zoe and"
    assert company_key("O'Neil's Pharmacy Corp.") == "oneils pharmacy"
    assert company_key("Harbor Stores Holdings") != company_key("Harbor Stores LLC")
    assert company_key("Company") == "company"


def test_company_keys_go_from_the_exact_name_to_the_bare_one():
    """MIG-1: one ERP holds "Silver Pharmacy Corporation", "Silver Pharmacy Inc" and "Silver
    Pharmacy"; the legacy "SILVER PHARMACY CORPORATION INC." must find the first, not a namesake."""
    assert company_keys("SILVER PHARMACY CORPORATION INC.") == (
        "silver pharmacy corporation inc", "silver pharmacy corporation", "silver pharmacy")
    assert company_keys("Silver Pharmacy") == ("silver pharmacy",)
    erp = {company_keys(name)[0]: name for name in ("Silver Pharmacy Corporation", "Silver Pharmacy Inc",
                                                     "Silver Pharmacy")}
    first_hit = next(erp[key] for key in company_keys("SILVER PHARMACY CORPORATION INC.") if key in erp)
    assert first_hit == "Silver Pharmacy Corporation"


@given(st.text(max_size=40))
def test_the_company_key_is_idempotent(name):
    key = company_key(name)
    assert company_key(key) == key


def test_person_names_fold_case_accents_spaces_and_full_width_forms():
    assert fold("  Zoë   O'Brien ") == "zoe o'brien" and fold("Ｊａｎｅ") == "jane"


def test_problems_are_collected_then_raised_together():
    raise_if([], "nothing wrong")
    with pytest.raises(InvalidInput) as refused:
        raise_if([FieldProblem("email", "bad"), FieldProblem("phone", "bad")], "the lead data is not valid")
    assert refused.value.detail == "the lead data is not valid"
    assert [p.field for p in refused.value.problems] == ["email", "phone"]


@pytest.mark.parametrize("email", [
    "jane@example.com", "Jane.Doe+tag@Sub.Example.org", "a@b", "a@localhost", "x@exa_mple.com", "a..b@example.com",
    ".a@example.com", "a@example..com", "a@-example.com", "a@example.com.", "a b@example.com", "a@@example.com",
    "\"quoted\"@example.com", "Jane <jane@example.com>", "jürgen@example.com", "a@xn--mnchen-3ya.de", "a@münchen.de",
    "a@example.invalid", "a@test", "postmaster@example.com", "a@[127.0.0.1]", "a@" + "x" * 64 + ".com",
    "a" * 65 + "@example.com", "a" * 64 + "@" + ".".join(["y" * 60] * 4) + ".com", "a@" + "b." * 130 + "com",
    "SALES@Example.COM", "Abuse@example.com",
])
def test_the_fast_email_check_agrees_with_email_validator(email):
    """Each domain is checked once: the verdict, message and normal form stay email_validator's."""
    try:
        normal, problem = validate_email(email, check_deliverability=False).normalized, None
    except EmailNotValidError as exc:
        normal, problem = "", str(exc)
    if problem is None:
        assert parse_email(email) == normal
    else:
        with pytest.raises(ValueError) as refused:
            parse_email(email)
        assert str(refused.value) == problem
