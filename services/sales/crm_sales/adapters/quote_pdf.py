"""A quote as a PDF in the reader's language (issue 10 item 7; en and zh-CN, GEN-11).

reportlab installs from PyPI alone. Latin text uses the standard Helvetica; Chinese uses reportlab's
bundled Adobe CID font STSong-Light (encoding UniGB-UCS2-H): its metrics ship in the reportlab
wheel, nothing is committed or downloaded, and PDF readers supply the glyphs from their Adobe-GB1
collection, so the file stays small (a few kB) instead of embedding a ~10 MB CJK font.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from crm_sales.domain.quotes import Quote

_CJK_FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(_CJK_FONT))

LABELS: dict[str, dict[str, str]] = {
    "en": {"title": "Quote", "version": "Version", "status": "Status", "customer": "Customer",
           "opportunity": "Opportunity", "date": "Date", "product": "Product", "quantity": "Qty",
           "unit_price": "Unit price", "discount": "Discount", "line_total": "Amount",
           "subtotal": "Subtotal", "quote_discount": "Quote discount", "net": "Net", "tax": "Tax",
           "total": "Total", "draft": "Draft", "sent": "Sent", "accepted": "Accepted", "rejected": "Rejected"},
    "zh-CN": {"title": "报价单", "version": "版本", "status": "状态", "customer": "客户",
              "opportunity": "商机", "date": "日期", "product": "产品", "quantity": "数量",
              "unit_price": "单价", "discount": "折扣", "line_total": "金额", "subtotal": "小计",
              "quote_discount": "整单折扣", "net": "净额", "tax": "税额", "total": "合计",
              "draft": "草稿", "sent": "已发送", "accepted": "已接受", "rejected": "已拒绝"},
}


@dataclass(frozen=True)
class QuoteHeading:
    customer: str
    opportunity: str
    issued_on: date


def language_of(accept: str | None) -> str:
    """The user's language if we have it, else English."""
    return "zh-CN" if accept and accept.lower().startswith("zh") else "en"


def render_quote_pdf(quote: Quote, heading: QuoteHeading, language: str) -> bytes:
    labels = LABELS[language_of(language)]
    # The CID font covers Latin too, so one font per document keeps mixed names readable.
    font = _CJK_FONT if labels is LABELS["zh-CN"] else "Helvetica"
    out = BytesIO()
    pdf = Canvas(out, pagesize=A4, invariant=True, pageCompression=0)
    pdf.setTitle(f"{labels['title']} {quote.number} v{quote.version}")
    width, height = A4
    y = height - 60
    pdf.setFont(font, 18)
    pdf.drawString(50, y, f"{labels['title']} {quote.number}")
    pdf.setFont(font, 10)
    for key, value in (("version", f"v{quote.version}"), ("status", labels[quote.status.value]),
                       ("customer", heading.customer), ("opportunity", heading.opportunity),
                       ("date", heading.issued_on.isoformat())):
        y -= 16
        pdf.drawString(50, y, f"{labels[key]}: {value}")
    columns = (("product", 50), ("quantity", 260), ("unit_price", 320), ("discount", 400), ("line_total", 470))
    y -= 30
    for key, x in columns:
        pdf.drawString(x, y, labels[key])
    for line in quote.lines:
        y -= 16
        if y < 80:
            pdf.showPage()
            pdf.setFont(font, 10)
            y = height - 60
        values = (f"{line.product_code} {line.description}"[:40], f"{line.quantity:f}",
                  f"{line.unit_price:f}", f"{line.discount_percent:f}%", f"{line.net(quote.currency):f}")
        for (_, x), value in zip(columns, values, strict=False):
            pdf.drawString(x, y, value)
    totals = quote.totals()
    y -= 24
    for key, amount in (("subtotal", totals.subtotal), ("quote_discount", totals.discount),
                        ("net", totals.net), ("tax", totals.tax), ("total", totals.total)):
        y -= 16
        pdf.drawString(320, y, labels[key])
        pdf.drawRightString(width - 50, y, f"{amount:f} {quote.currency}")
    pdf.showPage()
    pdf.save()
    return out.getvalue()
