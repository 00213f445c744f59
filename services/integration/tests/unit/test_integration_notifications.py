"""LEAD-6: the email telling an AE that a converted lead's account was handed to them, composed
without any I/O."""
from __future__ import annotations

from crmkit.identity.model import User

from crm_integration.domain.notifications import LeadConversion, StageOverdue, account_handed_over, stage_overdue

ANN = User(id="u-ae", username="ann", full_name="Ann Avery", email="ann.avery@acme.test", role="ae", active=True,
           version=3)
SAM = User(id="u-sdr", username="sam", full_name="Sam Sato", email="sam@acme.test", role="sdr", active=True,
           version=1)


def converted(**overrides) -> LeadConversion:
    values = {"lead_id": "lead-1", "account_id": "acc-42", "account_name": "Acme Kiosks", "contact_name": "Jane Doe",
              "existing_account": False}
    return LeadConversion(**{**values, **overrides})


def test_lead_6_the_owner_is_told_the_account_was_handed_to_them():
    mail = account_handed_over(converted(), owner=ANN, converted_by=SAM, public_url="https://crm.acme.test/")

    assert mail.to == "ann.avery@acme.test"
    assert mail.subject == "Account handed to you: Acme Kiosks"
    assert mail.text == (
        "Hello Ann Avery,\n"
        "\n"
        "Sam Sato converted a lead into the account Acme Kiosks and handed it to you.\n"
        "\n"
        "Account: Acme Kiosks\n"
        "Contact: Jane Doe\n"
        "Converted by: Sam Sato\n"
        "\n"
        "Open the account: https://crm.acme.test/accounts/acc-42\n"
    )
    assert '<a href="https://crm.acme.test/accounts/acc-42">Open Acme Kiosks in the CRM</a>' in mail.html
    assert mail.dedup_key == "lead-converted:lead-1"  # one conversion, one email
    assert mail.headers["Auto-Submitted"] == "auto-generated"


def test_lead_5_a_contact_added_to_an_existing_account_is_not_called_a_hand_over():
    mail = account_handed_over(converted(existing_account=True), owner=ANN, converted_by=SAM,
                               public_url="http://127.0.0.1:8000")

    assert mail.subject == "New contact on your account: Acme Kiosks"
    assert "Sam Sato converted a lead into a new contact of Acme Kiosks, an account you own." in mail.text
    assert "http://127.0.0.1:8000/accounts/acc-42" in mail.text


def test_lead_6_names_cannot_break_the_subject_or_the_html():
    mail = account_handed_over(converted(account_name="Acme\r\nBcc: victim@example.com", contact_name="<b>Jo</b>"),
                               owner=ANN, converted_by=SAM, public_url="https://crm.acme.test")

    assert mail.subject == "Account handed to you: Acme Bcc: victim@example.com"
    assert "\n" not in mail.subject and "\r" not in mail.subject
    assert "&lt;b&gt;Jo&lt;/b&gt;" in mail.html and "<b>" not in mail.html
    assert "Contact: <b>Jo</b>" in mail.text  # plain text stays as the user typed it


def test_lead_6_falls_back_when_names_are_missing():
    nameless = User(id="u-ae", username="", full_name="", email="x@acme.test", role="ae", active=True, version=1)
    mail = account_handed_over(converted(account_name="", contact_name=""), owner=nameless, converted_by=None,
                               public_url="https://crm.acme.test")

    assert mail.subject == "Account handed to you: an unnamed account"
    assert mail.text.startswith("Hello u-ae,\n")
    assert "The CRM converted a lead" in mail.text
    assert "Contact: no named contact" in mail.text


RITA = User(id="u-rsm", username="rita", full_name="Rita Ross", email="rita@acme.test", role="rsm", active=True,
            version=1)
STUCK = StageOverdue(alert_id="alert-1", opportunity_id="opp-9", opportunity_name="Fleet\nrefresh",
                     account_name="Acme Kiosks", stage_name="Proposal", threshold_days=30,
                     stage_entered_on="2026-03-02")


def test_gen_4_the_owner_is_told_their_opportunity_is_stuck():
    mail = stage_overdue(STUCK, recipient=ANN, owner=ANN, public_url="https://crm.acme.test/")

    assert mail.to == "ann.avery@acme.test"
    assert mail.subject == "Stuck in Proposal for over 30 days: Fleet refresh"  # no line break in a header
    assert mail.text == (
        "Hello Ann Avery,\n"
        "\n"
        "Your opportunity Fleet refresh on Acme Kiosks has been in Proposal since 2026-03-02, longer than the "
        "30 days the stage allows.\n"
        "\n"
        "Opportunity: Fleet refresh\n"
        "Account: Acme Kiosks\n"
        "Stage: Proposal (alert after 30 days)\n"
        "Owner: Ann Avery\n"
        "\n"
        "Open the opportunity: https://crm.acme.test/opportunities/opp-9\n"
    )
    assert '<a href="https://crm.acme.test/opportunities/opp-9">Open Fleet refresh in the CRM</a>' in mail.html
    assert mail.dedup_key == "stage-overdue:alert-1:u-ae"  # one crossing, one email per recipient
    assert mail.headers["Auto-Submitted"] == "auto-generated"


def test_gen_4_the_rsm_is_told_whose_opportunity_is_stuck():
    mail = stage_overdue(STUCK, recipient=RITA, owner=ANN, public_url="https://crm.acme.test")
    assert mail.to == "rita@acme.test" and mail.dedup_key == "stage-overdue:alert-1:u-rsm"
    assert mail.text.startswith("Hello Rita Ross,\n\nAnn Avery's opportunity Fleet refresh on Acme Kiosks")
