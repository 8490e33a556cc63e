"""The chronology on paper: a PDF for a child protection conference or a court bundle, made with WeasyPrint from an
HTML template, so that the printed chronology says what the screen says.

Every page carries the child's name, the security marking, when it was printed and by whom, and its page number, so
a page that strays from the bundle still says what it is and how old it is. The filters in force are printed at the
top: a chronology printed for one agency's entries must not be read as the whole story.
"""
from dataclasses import dataclass
from datetime import datetime

from django.template.loader import render_to_string

from .registry import Entry

# Enough for the longest chronology in a 50,000-child authority several times over; a longer one says it was cut.
MOST_PRINTED = 5000


class PrintingUnavailable(Exception):
    """WeasyPrint's system libraries (Pango) are missing on this server."""


@dataclass(frozen=True)
class PrintedChronology:
    child_name: str
    born: str
    entries: list[Entry]
    matching: int
    filters: str
    oldest_first: bool
    printed_at: datetime
    printed_by: str

    @property
    def cut_short(self) -> bool:
        return self.matching > len(self.entries)


def chronology_pdf(printed: PrintedChronology) -> bytes:
    try:
        from weasyprint import HTML  # imported here: the rest of Journey runs without Pango
    except OSError as error:
        raise PrintingUnavailable(str(error)) from error
    html = render_to_string("chronology/print.html", {"printed": printed})
    return HTML(string=html).write_pdf()
