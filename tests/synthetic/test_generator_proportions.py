"""An authority of 2,000 children looks like England's figures per 10,000 children, within a band for chance."""
import pytest

from journey.synthetic.measures import measure

pytestmark = pytest.mark.django_db


def test_it_refers_about_550_children_per_10000_a_year(authority_2000):
    assert 420 <= measure(2000).referrals_per_10k_per_year <= 700


def test_it_has_three_to_four_contacts_per_referral(authority_2000):
    assert 2.8 <= measure(2000).contacts_per_referral <= 5.0


def test_it_re_refers_about_a_fifth_of_referrals_within_12_months(authority_2000):
    assert 0.12 <= measure(2000).re_referral_share <= 0.32


def test_it_has_about_45_per_10000_on_a_child_protection_plan_today(authority_2000):
    assert 20 <= measure(2000).protection_per_10k <= 80


def test_it_has_about_65_per_10000_looked_after_today(authority_2000):
    assert 30 <= measure(2000).looked_after_per_10k <= 115


def test_it_takes_most_contacts_from_police_schools_and_health(authority_2000):
    shares = measure(2000).source_shares
    assert 0.22 <= shares["Police"] <= 0.38
    assert 0.10 <= shares["School"] <= 0.26
    assert 0.10 <= shares["Health"] <= 0.28
