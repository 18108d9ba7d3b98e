"""The monthly assurance report as one self-contained HTML file, and as a PDF.

Jinja2 writes the page with autoescaping on (organisation names and moderators' themes are text,
never markup); the charts are PNG images inside the file (data: URIs), so it can be mailed or
filed as it is. The PDF is the same page printed by WeasyPrint, an optional install (`pip install
'modbot[pdf]'`), since it needs Pango on the machine.
"""

from __future__ import annotations

import base64
from datetime import datetime

from jinja2 import Environment, PackageLoader, select_autoescape

from bot.core.reporting.figures import METHODS, MonthlyAssurance
from bot.core.rhythm.clock import LONDON
from handlers.report.charts import Chart, charts

_ENV = Environment(
    loader=PackageLoader("handlers.report", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


class PdfUnavailable(Exception):
    """WeasyPrint is not installed here."""


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f} h"


def _when(moment: datetime) -> str:
    return f"{moment.astimezone(LONDON):%a %d %b %Y, %H:%M}"


def render_html(report: MonthlyAssurance) -> str:
    drawn: list[Chart] = charts(report)
    images = {c.key: base64.b64encode(c.png).decode("ascii") for c in drawn}
    return _ENV.get_template("assurance.html").render(
        report=report,
        charts=drawn,
        images=images,
        methods=METHODS,
        hours=_hours,
        when=_when,
        tiers=dict(report.flagged_by_tier),
        checks=dict(report.checks),
    )


def render_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except ImportError as exc:  # optional: it needs Pango on the machine
        raise PdfUnavailable(
            "PDF output needs WeasyPrint: pip install 'modbot[pdf]' (and Pango, from your system's packages)"
        ) from exc
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
