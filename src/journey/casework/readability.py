"""How hard a plan is to read, so that the writer can simplify it before the family reads it.

A plan is written with the family and for them: the worries, what needs to change and what happens if it does not
are read at home, often by parents whose reading is weaker than the worker's. GOV.UK's content design guidance
writes for a reading age of 9, the average reading age in the UK, and Plain English Campaign guidance asks the same
(short sentences, everyday words); ``READING_AGE_TARGET`` follows it.
"""
import re

import textstat

READING_AGE_TARGET = 9
ADVICE = (
    f"Aim for a reading age of {READING_AGE_TARGET} or under: it is the average reading age in the UK, and what GOV.UK "
    "writes for. Use short sentences and everyday words."
)
_WORD = re.compile(r"[A-Za-z]")


def reading_age(text: str) -> int | None:
    """The UK reading age of ``text``: its Flesch-Kincaid grade plus 5, rounded, and at least 5.

    Flesch-Kincaid grade = 0.39 x (words per sentence) + 11.8 x (syllables per word) - 15.59, a US school grade;
    a US grade is read at about five years older than its number (grade 1 at age 6 to 7), hence the 5. It measures
    sentence and word length only: a short text of plain words scores low whatever it means, so the figure helps the
    writer, it does not judge the plan. None when there is nothing to read."""
    if not _WORD.search(text or ""):
        return None
    grade = textstat.flesch_kincaid_grade(text)
    return max(5, round(grade + 5))


def plan_reading_age(texts: list[str]) -> int | None:
    """The reading age of the parts of a plan the family reads, taken together (one sentence per paragraph at
    least, so that a text without a full stop does not run into the next)."""
    paragraphs = [text.strip().rstrip(".") + "." for text in texts if text and text.strip()]
    return reading_age("\n".join(paragraphs)) if paragraphs else None
