"""Calendar arithmetic for statutory periods: 'one calendar month', 'until the 25th birthday', '100 years from'.

A period that lands on a day the month does not have (31 January plus one month, 29 February plus a year) ends on
the last day of that month, as the ICO's guidance on the time limit for a subject access request says.
"""
import calendar
from datetime import date


def add_months(start: date, months: int) -> date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def add_years(start: date, years: int) -> date:
    return add_months(start, 12 * years)
