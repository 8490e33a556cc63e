"""The synthetic authority's organisations, teams and staff, scaled with the number of children.

Staffing follows the caseloads it must carry: about one social worker per eighteen open cases. Everything is
created only where missing (by unique name), so an appended run reuses the authority it finds.
"""
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.auth.hashers import make_password

from journey.accounts.models import Agency, AgencyKind, Role, Team, TeamKind, UnitRole, User

from .banks import FIRST_NAMES, GP_NAMES, LAST_NAMES, SCHOOL_NAMES, UNIT_NAMES

# Generated users share this address domain, which is how a flush tells them from real accounts.
EMAIL_DOMAIN = "synthetic.journey.invalid"
CASES_PER_WORKER = 18
# Open cases per child in the population (CIN ~150, CP ~45, looked after ~65, care leavers ~40 per 10,000).
OPEN_CASES_PER_CHILD = 0.03
TEAM_SIZE = 7
# Child protection chairs: conferences a year per child in the population (initial about 60 and reviews about 110
# per 10,000 in England), and what one chair holds in a year (about 200, four or five a week). A few at least, so a
# child's conferences are not all chaired by the one person.
CONFERENCES_PER_CHILD_A_YEAR = 0.017
CONFERENCES_PER_CHAIR_A_YEAR = 200
CHAIRS_AT_LEAST = 3


@dataclass
class Organisation:
    """The authority as the history generator needs it: agencies by kind, teams by kind, who works where."""

    council: Agency
    agencies: dict[str, list[Agency]]
    primaries: list[Agency]
    secondaries: list[Agency]
    teams: dict[str, list[Team]]
    practitioners: dict[int, list[User]] = field(default_factory=dict)
    screeners: list[User] = field(default_factory=list)
    partners: dict[int, list[User]] = field(default_factory=dict)
    chairs: list[User] = field(default_factory=list)

    def manager_of(self, team: Team) -> User | None:
        return team.manager


@dataclass(frozen=True)
class Staffing:
    social_workers: int
    early_help: int
    screeners: int
    primaries: int
    secondaries: int
    gps: int
    forces: int
    chairs: int

    @classmethod
    def for_children(cls, children: int) -> "Staffing":
        return cls(
            social_workers=max(8, math.ceil(children * OPEN_CASES_PER_CHILD / CASES_PER_WORKER)),
            early_help=max(2, math.ceil(children / 2500)),
            screeners=max(2, math.ceil(children / 6000)),
            primaries=max(2, math.ceil(children * 0.39 / 320)),
            secondaries=max(1, math.ceil(children * 0.33 / 1100)),
            gps=max(2, math.ceil(children / 2500)),
            forces=1 if children < 20000 else 2,
            chairs=max(CHAIRS_AT_LEAST, math.ceil(children * CONFERENCES_PER_CHILD_A_YEAR / CONFERENCES_PER_CHAIR_A_YEAR)),
        )


def _agency_plan(staffing: Staffing) -> list[tuple[str, str, bool]]:
    authority = settings.JOURNEY_AUTHORITY_NAME.replace(" Council", "").replace(" Borough", "")
    plan = [
        (f"{authority} Children's Services", AgencyKind.CHILDRENS_SOCIAL_CARE, True),
        (f"{authority} Early Help Service", AgencyKind.EARLY_HELP, True),
        ("Northshire Police", AgencyKind.POLICE, False),
        ("Northfield and District NHS Foundation Trust", AgencyKind.HEALTH, False),
        (f"{authority} Housing", AgencyKind.HOUSING, False),
        ("Probation Service (Northshire)", AgencyKind.PROBATION, False),
        ("Another local authority", AgencyKind.OTHER_LA, False),
        ("Family, friends or self", AgencyKind.FAMILY, False),
        ("Anonymous", AgencyKind.ANONYMOUS, False),
        ("Other source", AgencyKind.OTHER, False),
        ("Northfield Women's Aid", AgencyKind.VOLUNTARY, False),
        ("Young Minds Matter Northfield", AgencyKind.VOLUNTARY, False),
        ("Little Steps Nursery", AgencyKind.EARLY_YEARS, False),
    ]
    if staffing.forces > 1:
        plan.append(("British Transport Police", AgencyKind.POLICE, False))
    plan += [(_gp_name(i), AgencyKind.HEALTH, False) for i in range(staffing.gps)]
    plan += [(_school_name(i, "Primary School"), AgencyKind.SCHOOL, False) for i in range(staffing.primaries)]
    plan += [(_school_name(i, "Academy"), AgencyKind.SCHOOL, False) for i in range(staffing.secondaries)]
    return plan


def _gp_name(i: int) -> str:
    base = GP_NAMES[i % len(GP_NAMES)]
    return base if i < len(GP_NAMES) else f"{base} ({i // len(GP_NAMES) + 1})"


def _school_name(i: int, suffix: str) -> str:
    base = SCHOOL_NAMES[i % len(SCHOOL_NAMES)]
    return f"{base} {suffix}" if i < len(SCHOOL_NAMES) else f"{base} {suffix} {i // len(SCHOOL_NAMES) + 1}"


def _team_plan(staffing: Staffing) -> list[tuple[str, str, int]]:
    """(name, kind, practitioners) for every team the caseload needs."""
    sw = staffing.social_workers
    shares = {TeamKind.ASSESSMENT: 0.25, TeamKind.CHILD_IN_NEED: 0.35, TeamKind.LOOKED_AFTER: 0.2, TeamKind.LEAVING_CARE: 0.1}
    plan = [("Front Door (MASH)", TeamKind.FRONT_DOOR, 0)]
    labels = {
        TeamKind.ASSESSMENT: "Assessment Team", TeamKind.CHILD_IN_NEED: "Child in Need and Protection Team",
        TeamKind.LOOKED_AFTER: "Children Looked After Team", TeamKind.LEAVING_CARE: "Leaving Care Team",
    }
    for kind, share in shares.items():
        workers = max(2, round(sw * share))
        teams = math.ceil(workers / TEAM_SIZE)
        for t in range(teams):
            size = workers // teams + (1 if t < workers % teams else 0)
            plan.append((f"{labels[kind]} {t + 1}" if teams > 1 else labels[kind], kind, size))
    units = 2 if sw < 150 else 4
    for u in range(units):
        plan.append((f"Social Work Unit: {UNIT_NAMES[u]}", TeamKind.UNIT, max(len(UNIT_POSTS) + 1, round(sw * 0.1 / units))))
    eh_teams = math.ceil(staffing.early_help / TEAM_SIZE)
    for t in range(eh_teams):
        plan.append((f"Early Help Team {t + 1}" if eh_teams > 1 else "Early Help Team", TeamKind.EARLY_HELP,
                     max(2, staffing.early_help // eh_teams)))
    return plan


class _Namer:
    """Readable, deterministic usernames like 'sw.jones3'."""

    def __init__(self, rng: random.Random, taken: set[str]):
        self.rng = rng
        self.taken = taken
        self.counts: dict[str, int] = defaultdict(int)

    def person(self) -> tuple[str, str]:
        heritage = self.rng.choices(list(LAST_NAMES), weights=(70, 12, 7, 4, 5, 2))[0]
        sex = self.rng.choice("FM")
        return self.rng.choice(FIRST_NAMES[heritage][sex]), self.rng.choice(LAST_NAMES[heritage])

    def username(self, prefix: str, last: str) -> str:
        stem = f"{prefix}.{''.join(ch for ch in last.lower() if ch.isalpha())}"
        while True:
            self.counts[stem] += 1
            name = f"{stem}{self.counts[stem]}"
            if name not in self.taken:
                self.taken.add(name)
                return name


def build_organisation(children: int, seed: int, *, joined: datetime) -> Organisation:
    """Create whatever of the authority is missing, then load it as the generator sees it. Staff joined on
    ``joined`` (the start of the history), so the same seed and day give the same accounts."""
    staffing = Staffing.for_children(children)
    rng = random.Random(f"{seed}:organisation")
    existing = set(Agency.objects.values_list("name", flat=True))
    Agency.objects.bulk_create(
        [Agency(name=n, kind=k, is_local_authority=la) for n, k, la in _agency_plan(staffing) if n not in existing]
    )
    agencies = {a.name: a for a in Agency.objects.all()}
    council = next(a for a in agencies.values() if a.kind == AgencyKind.CHILDRENS_SOCIAL_CARE and a.is_local_authority)
    early_help = next(a for a in agencies.values() if a.kind == AgencyKind.EARLY_HELP and a.is_local_authority)
    if not Team.objects.filter(agency=council).exists():
        _create_staff(rng, staffing, council, early_help, agencies, joined)
    return load_organisation()


def _create_staff(rng: random.Random, staffing: Staffing, council: Agency, early_help: Agency, agencies: dict, joined: datetime) -> None:
    namer = _Namer(rng, set(User.objects.values_list("username", flat=True)))
    unusable = make_password(None)
    users: list[User] = []
    managers: dict[str, User] = {}

    def add(prefix: str, role: str, agency: Agency, team: Team | None, title: str, unit_role: str = "") -> User:
        first, last = namer.person()
        username = namer.username(prefix, last)
        user = User(username=username, password=unusable, email=f"{username}@{EMAIL_DOMAIN}", first_name=first,
                    last_name=last, role=role, agency=agency, team=team, job_title=title, date_joined=joined, unit_role=unit_role)
        users.append(user)
        return user

    # Service areas above the teams, each led by a head of service: the top of every team's manager line.
    social_work = Team(name="Children's Social Work Service", kind=TeamKind.SERVICE, agency=council)
    early_help_service = Team(name="Early Help Service", kind=TeamKind.SERVICE, agency=early_help)
    Team.objects.bulk_create([social_work, early_help_service])
    managers[social_work.name] = add("hos", Role.HEAD_OF_SERVICE, council, social_work, "Head of service, children's social work")
    managers[early_help_service.name] = add("hos", Role.HEAD_OF_SERVICE, early_help, early_help_service, "Head of early help")
    teams = []
    for number, (name, kind, size) in enumerate(_team_plan(staffing)):
        agency = early_help if kind == TeamKind.EARLY_HELP else council
        parent = early_help_service if kind == TeamKind.EARLY_HELP else social_work
        teams.append((Team(name=name, kind=kind, agency=agency, parent=parent, phone=_team_phone(number)), size))
    Team.objects.bulk_create([t for t, _ in teams])
    for team, size in teams:
        if team.kind == TeamKind.FRONT_DOOR:
            managers[team.name] = add("tm", Role.TEAM_MANAGER, council, team, "Front door manager")
            for _ in range(staffing.screeners):
                add("fd", Role.SCREENER, council, team, "Senior practitioner, front door")
            continue
        if team.kind == TeamKind.UNIT:
            managers[team.name] = add("csw", Role.TEAM_MANAGER, council, team, "Consultant social worker", UnitRole.CONSULTANT_SOCIAL_WORKER)
            for i in range(size):
                title, unit_role = UNIT_POSTS[i] if i < len(UNIT_POSTS) else UNIT_POSTS[0]
                add("sw", Role.PRACTITIONER, council, team, title, unit_role)
            continue
        if team.kind == TeamKind.EARLY_HELP:
            managers[team.name] = add("tm", Role.TEAM_MANAGER, early_help, team, "Early help team manager")
            titles = ["Family support worker"]
        elif team.kind == TeamKind.LEAVING_CARE:
            managers[team.name] = add("tm", Role.TEAM_MANAGER, council, team, "Team manager")
            titles = ["Personal adviser"]
        else:
            managers[team.name] = add("tm", Role.TEAM_MANAGER, council, team, "Team manager")
            titles = ["Social worker", "Social worker", "Senior social worker"]
        prefix = "ehw" if team.kind == TeamKind.EARLY_HELP else "pa" if team.kind == TeamKind.LEAVING_CARE else "sw"
        for i in range(size):
            add(prefix, Role.PRACTITIONER, team.agency, team, titles[i % len(titles)])
    add("admin", Role.ADMINISTRATOR, council, None, "Systems administrator")
    add("cg", Role.CALDICOTT_GUARDIAN, council, None, "Caldicott guardian")
    add("dpo", Role.DATA_PROTECTION_OFFICER, council, None, "Data protection officer")
    add("cpc", Role.CP_CHAIR, council, None, "Child protection chair")
    add("qa", Role.AUDITOR, council, None, "Practice quality auditor")  # reaches children only through an audit round's grant
    for agency in agencies.values():
        for prefix, title, count in _partner_posts(agency):
            for _ in range(count):
                add(prefix, Role.PARTNER, agency, None, title)
    for _ in range(staffing.chairs - 1):  # after everyone else, so the rest of the staff are named as before
        add("cpc", Role.CP_CHAIR, council, None, "Child protection chair")
    User.objects.bulk_create(users, batch_size=2000)
    every_team = [social_work, early_help_service, *(t for t, _ in teams)]
    for team in every_team:
        team.manager = managers[team.name]
    Team.objects.bulk_update(every_team, ["manager"])


# A unit's posts after its consultant: a social worker, a children's practitioner, a coordinator and a clinician, then
# more social workers as the unit grows. Only the consultant and the social workers lead a child's episode.
UNIT_POSTS = (
    ("Social worker", UnitRole.SOCIAL_WORKER), ("Children's practitioner", UnitRole.CHILDRENS_PRACTITIONER),
    ("Unit coordinator", UnitRole.UNIT_COORDINATOR), ("Clinician", UnitRole.CLINICIAN),
)
LEADING_UNIT_ROLES = ("", UnitRole.CONSULTANT_SOCIAL_WORKER, UnitRole.SOCIAL_WORKER)


def _team_phone(number: int) -> str:
    """A duty line from Ofcom's range kept for drama (01632 960000 to 960999), so no real number is ever shown."""
    return f"01632 960{number:03d}"


def _partner_posts(agency: Agency) -> list[tuple[str, str, int]]:
    if agency.kind == AgencyKind.POLICE:
        return [("pc", "Police constable, public protection", 2), ("dc", "Detective constable", 1)]
    if agency.kind == AgencyKind.SCHOOL:
        return [("dsl", "Designated safeguarding lead", 1)]
    if agency.kind == AgencyKind.HEALTH and "Trust" in agency.name:
        return [("hv", "Health visitor", 1), ("nurse", "Named nurse for safeguarding", 1), ("mw", "Midwife", 1)]
    return []


def load_organisation() -> Organisation:
    agencies: dict[str, list[Agency]] = defaultdict(list)
    for agency in Agency.objects.order_by("id"):
        agencies[agency.kind].append(agency)
    council = next(a for a in agencies[AgencyKind.CHILDRENS_SOCIAL_CARE] if a.is_local_authority)
    schools = agencies[AgencyKind.SCHOOL]
    teams: dict[str, list[Team]] = defaultdict(list)
    for team in Team.objects.select_related("manager").order_by("id"):
        teams[team.kind].append(team)
    org = Organisation(
        council=council, agencies=agencies, teams=teams,
        primaries=[s for s in schools if "Primary" in s.name] or schools,
        secondaries=[s for s in schools if "Primary" not in s.name] or schools,
    )
    practitioners: dict[int, list[User]] = defaultdict(list)
    partners: dict[int, list[User]] = defaultdict(list)
    for user in User.objects.filter(is_active=True).order_by("id"):
        if user.role == Role.PRACTITIONER and user.team_id:
            if user.unit_role in LEADING_UNIT_ROLES:  # a unit's coordinator, clinician and children's practitioner lead no episode
                practitioners[user.team_id].append(user)
        elif user.role == Role.SCREENER:
            org.screeners.append(user)
        elif user.role == Role.PARTNER:
            partners[user.agency_id].append(user)
        elif user.role == Role.CP_CHAIR:
            org.chairs.append(user)
    org.practitioners = dict(practitioners)
    org.partners = dict(partners)
    if not org.screeners:
        raise ValueError("The authority has no front door screeners; flush and generate again")
    if not org.chairs:
        raise ValueError("The authority has no child protection chairs; flush and generate again")
    return org
