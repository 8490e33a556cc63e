"""Contacts about a child: who raised them, in what words, and the child's details as the referrer gave them.

The details deliberately drift from the record the way real referrals do (nicknames, slips, old addresses,
missing NHS numbers, the date of birth read the wrong way round); the truth is kept alongside for matching.
"""
from datetime import date, datetime

from journey.accounts.models import AgencyKind
from journey.frontdoor.codes import ContactStatus
from journey.people.matching import name_key

from .banks import LAST_NAMES
from .context import Context
from .identity import nicknames_for, swapped_day_month, typo
from .phrases import CONCERN_CLOSINGS, CONCERN_DETAILS, CONCERN_OPENINGS, REFERRER_ROLES, fitting
from .population import THEMES, ChildInfo
from .rows import Address, Child, Contact, ContactChild, ContactChildTruth, Person, PersonTruth

# Shares of contacts by source, roughly as in England: police ~30%, schools ~20%, health ~15%, then the rest.
SOURCES = {
    AgencyKind.POLICE: 30, AgencyKind.SCHOOL: 20, AgencyKind.HEALTH: 15, AgencyKind.FAMILY: 8, AgencyKind.ANONYMOUS: 4,
    AgencyKind.OTHER_LA: 3, AgencyKind.HOUSING: 4, AgencyKind.PROBATION: 3, AgencyKind.VOLUNTARY: 4,
    AgencyKind.EARLY_YEARS: 2, AgencyKind.EARLY_HELP: 3, AgencyKind.OTHER: 4,
}
VOICES = {AgencyKind.POLICE: "police", AgencyKind.SCHOOL: "school", AgencyKind.HEALTH: "health",
          AgencyKind.FAMILY: "family", AgencyKind.ANONYMOUS: "family"}


def choose_agency(ctx: Context, info: ChildInfo, on: date):
    kind = ctx.rng.choices(list(SOURCES), weights=list(SOURCES.values()))[0]
    age = info.age_on(on)
    if kind == AgencyKind.SCHOOL:
        if age < 4:
            kind = AgencyKind.HEALTH
        else:
            return info.primary if age < 11 else info.secondary
    if kind == AgencyKind.EARLY_YEARS and age >= 5:
        kind = AgencyKind.OTHER
    agencies = ctx.org.agencies.get(kind) or ctx.org.agencies[AgencyKind.OTHER]
    if kind == AgencyKind.HEALTH and ctx.rng.random() < 0.65:
        return agencies[0]
    return agencies[0] if kind == AgencyKind.POLICE and ctx.rng.random() < 0.85 else ctx.rng.choice(agencies)


def concern_text(ctx: Context, info: ChildInfo, kind: str, on: date) -> str:
    """A referrer's account, in their voice, of a worry that could be true of a child this age (a baby is not
    exploited; a teenager is not "not yet mobile"): the child's own theme where it fits, another now and then."""
    voice = VOICES.get(kind, "other")
    age = max(0, info.age_on(on))
    possible = [theme for theme in THEMES if fitting(CONCERN_DETAILS[theme], age)]
    theme = info.theme if ctx.rng.random() < 0.75 and info.theme in possible else ctx.rng.choice(possible)
    home = info.home_on(on)
    values = {"name": info.person.known_as or info.person.first_name, "carer": info.carer, "age": age,
              "place": home.line_1.split(", ")[-1], "hour": ctx.rng.randint(0, 23), "minute": ctx.rng.randrange(0, 60, 5)}
    banks = (CONCERN_OPENINGS[voice], CONCERN_DETAILS[theme], CONCERN_CLOSINGS[voice])
    return " ".join(ctx.pick(fitting(bank, age), **values) for bank in banks)


def _referrer(ctx: Context, kind: str) -> tuple[str, str]:
    if kind == AgencyKind.ANONYMOUS:
        return "", ""
    voice = VOICES.get(kind, "other")
    last = ctx.rng.choice(LAST_NAMES[ctx.rng.choice(("british", "british", "south_asian", "african"))])
    title = {"police": ctx.rng.choice(("PC", "DC", "PS")), "family": ctx.rng.choice(("Mrs", "Mr", "Ms"))}.get(voice, ctx.rng.choice(("Ms", "Mr", "Dr")))
    return f"{title} {last}", ctx.rng.choice(REFERRER_ROLES[voice])


def given_details(ctx: Context, info: ChildInfo, on: date, kind: str) -> tuple[dict, list[str]]:
    """The child as this referrer named them, and the list of ways that differs from the record."""
    rng, person = ctx.rng, info.person
    varied: list[str] = []
    first, last, born = person.first_name, person.last_name, person.date_of_birth
    nicknames = nicknames_for(first)
    if rng.random() < 0.15 and (person.known_as or nicknames):
        first = person.known_as or rng.choice(nicknames)
        varied.append("nickname")
    if rng.random() < 0.08:
        if rng.random() < 0.5:
            first = typo(rng, first)
        else:
            last = typo(rng, last)
        varied.append("typo")
    roll = rng.random()
    if roll < 0.05 and swapped_day_month(born):
        born = swapped_day_month(born)
        varied.append("date of birth day and month swapped")
    elif roll < 0.11 or kind == AgencyKind.ANONYMOUS:
        born = None
        varied.append("no date of birth")
    gives_nhs = rng.random() < (0.85 if kind == AgencyKind.HEALTH else 0.2)
    nhs = person.nhs_number if gives_nhs else ""
    if person.nhs_number and not nhs:
        varied.append("no NHS number")
    home = info.home_on(on)
    earlier = [h for h in info.homes if h.moved_out is not None and h.moved_out <= on]
    if earlier and rng.random() < 0.3:
        home = earlier[-1]
        varied.append("moved")
    address, postcode = home.address, home.postcode
    if rng.random() < 0.08:
        address, postcode = "", ""
        varied.append("no address")
    given = {"given_first_name": first, "given_last_name": last, "given_date_of_birth": born, "given_nhs_number": nhs,
             "given_address": address, "given_postcode": postcode}
    return given, varied


def record_contact(ctx: Context, info: ChildInfo, received_at: datetime, *, awaiting: bool = False) -> tuple[Contact, ContactChild, dict]:
    agency = choose_agency(ctx, info, received_at.date())
    name, role = _referrer(ctx, agency.kind)
    partners = ctx.org.partners.get(agency.pk)
    recorded_by = ctx.rng.choice(partners) if partners and ctx.rng.random() < 0.7 else ctx.screener()
    if partners and recorded_by in partners:
        name, role = recorded_by.get_full_name(), recorded_by.job_title
    contact = ctx.batch.add(Contact(
        received_at=received_at, agency=agency, referrer_name=name, referrer_role=role,
        referrer_phone="" if not name else f"01632 {ctx.rng.randint(900000, 999999)}",
        concern=concern_text(ctx, info, agency.kind, received_at.date()), recorded_by=recorded_by,
        parents_aware=None if agency.kind == AgencyKind.ANONYMOUS else ctx.rng.random() < 0.6,
        status=ContactStatus.AWAITING_SCREENING if awaiting else ContactStatus.SCREENED,
    ))
    given, varied = given_details(ctx, info, received_at.date(), agency.kind)
    named = ctx.batch.add(ContactChild(contact=contact, **given))
    ctx.batch.add(ContactChildTruth(contact_child=named, individual=info.individual, variant=", ".join(varied or ["exact"])[:60]))
    return contact, named, given


def duplicate_child(ctx: Context, info: ChildInfo, given: dict, on: datetime) -> Child:
    """A second record of the same child, made by someone who did not find the first: same individual, new ids."""
    first, last = given["given_first_name"], given["given_last_name"]
    person = ctx.batch.add(Person(
        first_name=first, last_name=last, date_of_birth=given["given_date_of_birth"], sex=info.person.sex,
        nhs_number=given["given_nhs_number"], first_name_key=name_key(first), last_name_key=name_key(last), created_at=on,
    ))
    ctx.batch.add(PersonTruth(person=person, individual=info.individual))
    if given["given_postcode"]:
        line_1, _, town = given["given_address"].rpartition(", ")
        ctx.batch.add(Address(person=person, line_1=line_1 or "Not known", town=town or "Not known",
                              postcode=given["given_postcode"], moved_in_on=None))
    return ctx.batch.add(Child(person=person))
