"""What every part of one chunk's history shares: its random stream, its rows, the authority and the calendar."""
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from journey.accounts.models import Team, User

from .batch import Batch
from .organisation import Organisation

HISTORY_YEARS = 6


def at_hour(day: date, hour: int = 10) -> datetime:
    """``day`` at ``hour`` o'clock, local time: for the rows written once every chunk is (audits, the case review),
    which draw no time from a chunk's stream."""
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


@dataclass
class Context:
    rng: random.Random
    batch: Batch
    org: Organisation
    today: date

    def __post_init__(self) -> None:
        self.tz: ZoneInfo = timezone.get_current_timezone()
        # History ends yesterday, so every time written is already in the past whenever the run happens today.
        self.last_day = self.today - timedelta(days=1)
        self.first_day = self.today - timedelta(days=int(HISTORY_YEARS * 365.25))

    def at(self, on: date, hour: int | None = None, minute: int | None = None) -> datetime:
        hour = self.rng.randint(8, 18) if hour is None else hour
        minute = self.rng.randrange(0, 60, 5) if minute is None else minute
        return datetime.combine(on, time(hour, minute), tzinfo=self.tz)

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))

    def team(self, kind: str) -> Team:
        return self.rng.choice(self.org.teams[kind])

    def worker(self, team: Team) -> User:
        return self.rng.choice(self.org.practitioners[team.pk])

    def screener(self) -> User:
        return self.rng.choice(self.org.screeners)

    def pick(self, bank: tuple[str, ...], **values) -> str:
        return self.rng.choice(bank).format(**values)
