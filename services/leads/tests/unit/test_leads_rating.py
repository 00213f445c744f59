"""LEAD-4: the A/B/C rating follows its documented, configurable points and thresholds."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from crm_leads.domain.rating import RatingRules


@dataclass
class Facts:
    company: str = ""
    phone: str = ""
    title: str = ""
    linkedin_url: str = ""
    country: str = ""
    role: str = ""
    number_of_locations: int | None = None
    using_kiosks: bool | None = None


def test_lead_4_a_bare_lead_is_rated_c():
    assert RatingRules().points(Facts()) == 0
    assert RatingRules().rate(Facts()) == "C"


def test_lead_4_every_data_point_earns_its_documented_points():
    rules = RatingRules()
    assert rules.points(Facts(number_of_locations=25)) == 4
    assert rules.points(Facts(number_of_locations=24)) == 2
    assert rules.points(Facts(number_of_locations=5)) == 2
    assert rules.points(Facts(number_of_locations=4)) == 1
    assert rules.points(Facts(number_of_locations=0)) == 0
    assert rules.points(Facts(using_kiosks=True)) == 2
    assert rules.points(Facts(using_kiosks=False)) == 0
    assert rules.points(Facts(role="Executive Management")) == 3
    assert rules.points(Facts(role="IT")) == 2
    assert rules.points(Facts(role="Marketing")) == 1
    assert rules.points(Facts(country="CA")) == 1
    assert rules.points(Facts(country="DE")) == 0
    assert rules.points(Facts(company="Acme", phone="1", title="CTO", linkedin_url="https://x")) == 4


def test_lead_4_thresholds_cut_points_into_a_b_c():
    rules = RatingRules()
    a_lead = Facts(number_of_locations=30, using_kiosks=True, role="IT")  # 4 + 2 + 2 = 8
    b_lead = Facts(number_of_locations=10, role="IT")  # 2 + 2 = 4
    c_lead = Facts(company="Acme", phone="555")  # 2
    assert [rules.rate(f) for f in (a_lead, b_lead, c_lead)] == ["A", "B", "C"]


def test_lead_4_thresholds_and_points_are_configurable():
    strict = RatingRules(a_min_points=20, b_min_points=10)
    assert strict.rate(Facts(number_of_locations=30, using_kiosks=True, role="IT")) == "C"
    kiosk_lover = RatingRules(using_kiosks=9)
    assert kiosk_lover.rate(Facts(using_kiosks=True)) == "A"


def test_lead_4_rules_that_cannot_rate_are_refused():
    with pytest.raises(ValueError):
        RatingRules(a_min_points=3, b_min_points=5)
    with pytest.raises(ValueError):
        RatingRules(phone=-1)


def test_lead_4_settings_build_the_rules(principal_keys, monkeypatch):
    from crm_leads.settings import LeadsSettings

    monkeypatch.setenv("CRM_LEADS_RATING_POINTS", '{"using_kiosks": 5}')
    settings = LeadsSettings(database_url="postgresql://x/y", principal_public_key=principal_keys[1],
                             rating_a_min_points=10, rating_b_min_points=5)
    rules = RatingRules.configured(settings.rating_points, a_min_points=settings.rating_a_min_points,
                                   b_min_points=settings.rating_b_min_points)
    assert (rules.using_kiosks, rules.a_min_points, rules.b_min_points) == (5, 10, 5)
    with pytest.raises(ValueError, match="shoe_size"):
        RatingRules.configured({"shoe_size": 5}, a_min_points=8, b_min_points=4)
