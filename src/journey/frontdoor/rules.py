"""Front door rules that answer questions about the record without changing it."""
from collections.abc import Iterable
from datetime import datetime, timedelta

REREFERRAL_WINDOW = timedelta(days=365)


def is_rereferral(referred_at: datetime, all_referral_times: Iterable[datetime]) -> bool:
    """A referral is a re-referral when the same child was referred before within the previous 12 months
    (the DfE's measure)."""
    return any(referred_at - REREFERRAL_WINDOW <= earlier < referred_at for earlier in all_referral_times)
