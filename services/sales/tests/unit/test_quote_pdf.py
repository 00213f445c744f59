"""The quote PDF in the user's language (issue 10 item 7, GEN-11): en and zh-CN text is really in
the file, with the totals the quote shows."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from crm_sales.adapters.quote_pdf import QuoteHeading, language_of, render_quote_pdf
from crm_sales.domain.pricing import FallbackStep, PriceRule
from crm_sales.domain.quotes import Quote, QuoteLine

RULE = PriceRule(FallbackStep.STANDARD, "std", "Standard", Decimal(0), None, None)
QUOTE = Quote("q1", "Q-0007", "opp-1", "CNY").add_line(
    QuoteLine("SEAT", "CRM 座席", Decimal(3), Decimal("700.00"), RULE, Decimal(10)))
HEADING = QuoteHeading("上海示例有限公司", "2027 续约", date(2026, 12, 5))


def _unescape(raw: bytes) -> bytes:
    return re.sub(rb"\\([0-7]{1,3}|.)", lambda m: bytes([int(m[1], 8)]) if m[1][:1].isdigit()
                  else {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(m[1], m[1]), raw)


def _text(pdf: bytes, *, cjk: bool) -> str:
    strings = [_unescape(s) for s in re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", pdf)]
    return " ".join(s.decode("utf-16-be" if cjk else "latin-1") for s in strings)


def test_chinese_quote_pdf_has_chinese_labels_names_and_totals() -> None:
    pdf = render_quote_pdf(QUOTE, HEADING, "zh-CN")
    assert pdf.startswith(b"%PDF") and b"STSong-Light" in pdf
    text = _text(pdf, cjk=True)
    for expected in ("报价单 Q-0007", "上海示例有限公司", "合计", "1890.00 CNY", "草稿"):
        assert expected in text
    assert len(pdf) < 50_000  # no embedded CJK font


def test_english_quote_pdf() -> None:
    text = _text(render_quote_pdf(QUOTE, QuoteHeading("Acme", "Renewal", date(2026, 12, 5)), "en"), cjk=False)
    assert "Quote Q-0007" in text and "Total" in text and "1890.00 CNY" in text and "Draft" in text


def test_language_follows_the_user_and_defaults_to_english() -> None:
    assert [language_of(x) for x in ("zh-CN", "zh", "en-GB", None, "fr")] == ["zh-CN", "zh-CN", "en", "en", "en"]
