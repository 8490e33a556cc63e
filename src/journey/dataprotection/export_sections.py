"""The sections of a subject access export, one function per kind of record. Each marks what may need redacting.

Sections that name people other than the subject take the officer as ``viewer`` and leave out, entirely, any
restricted child the officer may not open (``people.relations.children_hidden_from``): an export about a birth
parent must not carry an adopted child's name to be redacted by hand, and even a 'withheld' row would say she exists.
The subject's own record is the officer's to export whatever its flag (docs/data-protection.md).
"""
from django.db.models import Prefetch, Q

from journey.casework.codes import Decision
from journey.casework.models import CaseNote, ClosureProposal, Episode, Plan, PlanVersion, Visit
from journey.chronology.models import SignificantEvent
from journey.chronology.registry import as_aware
from journey.codelists import lookup
from journey.documents.models import Document
from journey.feedback.models import Feedback
from journey.frontdoor.models import Contact, ContactChild
from journey.learning.models import CaseAudit
from journey.learning.review_models import CaseReview
from journey.people.models import HouseholdMembership, Person, Relationship
from journey.people.relations import children_hidden_from
from journey.practice.models import SupervisionDecision, UnitMeetingEntry
from journey.protection.models import ChildProtectionConference, ConferenceReport, CoreGroupMeeting, Section47Enquiry, StrategyDiscussion

from .exporter import Item, Redact, Section, fields


def _other_person_reason(other: Person) -> str:
    return Redact.OTHER_CHILD if hasattr(other, "child_record") else Redact.FAMILY_MEMBER


def _hidden_others(person: Person, viewer):
    """Ids of the restricted children, other than the subject, that ``viewer`` may not be told of (a subquery)."""
    return children_hidden_from(viewer).exclude(pk=person.pk).values("pk")


def identity(person: Person) -> Section:
    child = getattr(person, "child_record", None)
    rows = [
        ("First name", person.first_name), ("Middle names", person.middle_names), ("Family name", person.last_name),
        ("Known as", person.known_as), ("Former names", person.former_names), ("Date of birth", person.date_of_birth),
        ("Sex", person.get_sex_display()), ("Gender", person.gender), ("Ethnicity", person.get_ethnicity_display()),
        ("First language", person.first_language), ("Needs an interpreter", person.needs_interpreter),
        ("NHS number", person.nhs_number), ("Added to the record", person.created_at),
    ]
    if child is not None:
        rows += [("UPN", child.upn), ("Disability", ", ".join(child.disability_labels())),
                 ("Expected date of birth", child.expected_date_of_birth), ("Restricted record", child.is_restricted),
                 ("Former UPN", child.former_upn), ("Why the UPN is unknown", child.upn_unknown_reason_label()),
                 ("Date of death", child.date_of_death)]
    items = [Item("Who they are", fields(*rows))]
    for address in person.addresses.all():
        items.append(Item(f"Address: {address}", fields(
            ("Address", ", ".join(filter(None, [address.line_1, address.line_2, address.town, address.postcode]))),
            ("Moved in", address.moved_in_on), ("Moved out", address.moved_out_on),
        ), when=address.moved_in_on))
    return Section("identity", "Identity and addresses", tuple(items))


def relationships(person: Person, viewer) -> Section:
    hidden = _hidden_others(person, viewer)
    rows = (
        Relationship.objects.filter(Q(from_person=person) | Q(to_person=person))
        .exclude(from_person__in=hidden).exclude(to_person__in=hidden)
        .select_related("from_person__child_record", "to_person__child_record")
    )
    items = []
    for row in rows:
        other = row.to_person if row.from_person_id == person.pk else row.from_person
        items.append(Item(f"Relationship: {row.get_kind_display()}", fields(
            ("Recorded as", f"{row.from_person.full_name} is the {row.get_kind_display().lower()} of {row.to_person.full_name}", _other_person_reason(other)),
            ("The other person", other.full_name, _other_person_reason(other)),
            ("Their date of birth", other.date_of_birth, _other_person_reason(other)),
            ("Parental responsibility", row.has_parental_responsibility), ("Started", row.started_on), ("Ended", row.ended_on),
        ), when=row.started_on))
    return Section("relationships", "Relationships", tuple(items))


def households(person: Person, viewer) -> Section:
    memberships = HouseholdMembership.objects.filter(person=person).select_related("household")
    hidden = _hidden_others(person, viewer)
    items = []
    for membership in memberships:
        others = (
            HouseholdMembership.objects.filter(household=membership.household).exclude(person=person)
            .exclude(person__in=hidden).select_related("person")
        )
        rows = [
            ("Household", membership.household.name), ("Their place in it", membership.get_role_display()),
            ("Joined", membership.joined_on), ("Left", membership.left_on),
        ]
        rows += [("Other member", f"{m.person.full_name} ({m.get_role_display().lower()})", Redact.HOUSEHOLD_MEMBER) for m in others]  # type: ignore[misc]
        items.append(Item(f"Household: {membership.household.name}", fields(*rows), when=membership.joined_on))
    return Section("households", "Households", tuple(items))


def child_record_sections(child, viewer) -> list[Section]:
    """A child's own record, kind by kind, in the order the story is told on the chronology."""
    return [contacts(child, viewer), decisions(child), referrals(child), episodes(child), assessments(child),
            strategy_discussions(child), section_47_enquiries(child), conferences(child), core_group_meetings(child),
            supervision_decisions(child), unit_meeting_entries(child), feedback(child), case_audits(child), case_reviews(child),
            conference_reports(child), plans(child), visits(child), case_notes(child), documents(child), significant_events(child), information_shares(child)]


def _links(child):
    return ContactChild.objects.filter(child=child).select_related(
        "contact__agency", "contact__recorded_by", "contact__decision__decided_by"
    ).order_by("contact__received_at")


def contacts(child, viewer) -> Section:
    shown = ContactChild.objects.exclude(child__in=_hidden_others(child.person, viewer))
    items = []
    for link in _links(child).prefetch_related(Prefetch("contact__children_named", queryset=shown)):
        contact = link.contact
        others = [o for o in contact.children_named.all() if o.pk != link.pk]
        rows = [
            ("Received", contact.received_at), ("From", contact.agency.name),
            ("Referrer's name", contact.referrer_name, Redact.REFERRER),
            ("Referrer's role", contact.referrer_role, Redact.REFERRER),
            ("Referrer's phone", contact.referrer_phone, Redact.REFERRER),
            ("Reason for concern", contact.concern, Redact.CONCERN),
            ("Family aware of the contact", "Not known" if contact.parents_aware is None else contact.parents_aware),
            ("Child's details as given", f"{link.given_first_name} {link.given_last_name}"),
            ("Date of birth as given", link.given_date_of_birth), ("Address as given", link.given_address),
            ("Recorded by", contact.recorded_by.display_name),
        ]
        rows += [("Another child named", f"{o.given_first_name} {o.given_last_name}", Redact.OTHER_CHILD) for o in others]
        items.append(Item(f"Contact from {contact.agency.name}", fields(*rows), when=contact.received_at))
    return Section("contacts", "Contacts (concerns raised about the child)", tuple(items))


def decisions(child) -> Section:
    items = []
    for link in _links(child):
        decision = getattr(link.contact, "decision", None)
        if decision is None:
            continue
        items.append(Item(f"Screening decision: {decision.get_outcome_display()}", fields(
            ("Decided", decision.decided_at), ("Outcome", decision.get_outcome_display()),
            ("Reasons", decision.rationale, Redact.FREE_TEXT), ("Decided by", decision.decided_by.display_name),
            ("About the contact from", link.contact.agency.name),
        ), when=decision.decided_at))
    return Section("decisions", "Screening decisions", tuple(items))


def referrals(child) -> Section:
    items = [
        Item("Referral to children's social care", fields(
            ("Referred", r.referred_at), ("From the contact raised by", r.contact.agency.name),
            ("Who made the referral, as the census records it", lookup.label("cin.referral_source", r.source) if r.source else ""),
        ), when=r.referred_at)
        for r in child.referrals.select_related("contact__agency").order_by("referred_at")
    ]
    return Section("referrals", "Referrals", tuple(items))


def episodes(child) -> Section:
    items = []
    found = Episode.objects.filter(child=child).prefetch_related(
        "allocations__worker", "allocations__team",
        Prefetch("closure_proposals", queryset=ClosureProposal.objects.select_related("proposed_by", "decided_by").order_by("proposed_at", "id")),
    ).select_related("opened_by", "closed_by").order_by("started_on")
    for episode in found:
        rows = [
            ("Kind", episode.get_kind_display()), ("Started", episode.started_on), ("Ended", episode.ended_on),
            ("Why it ended", episode.get_closure_reason_display()), ("More about why it ended", episode.closure_note, Redact.FREE_TEXT),
            ("Opened by", episode.opened_by.display_name), ("Closed by", episode.closed_by.display_name if episode.closed_by else ""),
        ]
        rows += [
            ("Lead practitioner", f"{a.worker.display_name}, {a.team.name}, from {a.started_on:%-d %B %Y}" + (f" to {a.ended_on:%-d %B %Y}" if a.ended_on else ""))
            for a in episode.allocations.all()
        ]
        for proposal in episode.closure_proposals.all():
            rows += _closure_proposal_rows(proposal)
        items.append(Item(f"{episode.get_kind_display()} episode", fields(*rows), when=episode.started_on))
    return Section("episodes", "Episodes of help", tuple(items))


def _closure_proposal_rows(proposal: ClosureProposal) -> list[tuple]:
    """A proposal to close the episode and the manager's answer, with the reasons each gave."""
    rows: list[tuple] = [
        ("Closure proposed", f"{proposal.proposed_at:%-d %B %Y} by {proposal.proposed_by.display_name}: {proposal.get_reason_display()}, "
                             f"ending {proposal.ended_on:%-d %B %Y}"),
        ("Why the closure was proposed", proposal.note, Redact.FREE_TEXT),
    ]
    if proposal.decided_by is not None and proposal.decided_at is not None:
        answer = "Agreed" if proposal.decision == Decision.ACCEPTED else "Sent back"
        rows.append(("Manager's answer", f"{answer} by {proposal.decided_by.display_name} on {proposal.decided_at:%-d %B %Y}"))
        rows.append(("Manager's reasons", proposal.agreed_reasons or proposal.return_reason, Redact.FREE_TEXT))
    return rows


def assessments(child) -> Section:
    items = []
    for a in child.assessments.select_related("author", "authorised_by").prefetch_related("by_when_dates__set_by").order_by("started_on", "id"):
        rows = [
            ("Started", a.started_on), ("Completed", a.completed_on), ("Decision", a.get_decision_display()),
            ("Authorised", a.authorised_on), ("Authorised by", a.authorised_by.display_name if a.authorised_by else ""),
            ("Manager's reasons for authorising", a.authorisation_reasons, Redact.FREE_TEXT),
            ("Written by", a.author.display_name),
            ("Child's developmental needs: strengths", a.developmental_needs_strengths, Redact.FREE_TEXT),
            ("Child's developmental needs: worries", a.developmental_needs_worries, Redact.FREE_TEXT),
            ("Parenting capacity: strengths", a.parenting_capacity_strengths, Redact.FREE_TEXT),
            ("Parenting capacity: worries", a.parenting_capacity_worries, Redact.FREE_TEXT),
            ("Family and environment: strengths", a.family_environment_strengths, Redact.FREE_TEXT),
            ("Family and environment: worries", a.family_environment_worries, Redact.FREE_TEXT),
            ("The child's views", a.childs_views, Redact.FREE_TEXT), ("Analysis", a.analysis, Redact.FREE_TEXT),
            ("Primary need", a.primary_need_label()), ("What we found", ", ".join(a.factor_labels())),
        ]
        rows += [(f"'By when' date {b.due_on:%-d %B %Y}", b.reason, Redact.FREE_TEXT) for b in a.by_when_dates.all()]
        items.append(Item("Assessment", fields(*rows), when=a.started_on))
    return Section("assessments", "Assessments", tuple(items))


def strategy_discussions(child) -> Section:
    """Each strategy discussion with everyone invited, by agency (third parties), what was shared and the decision."""
    items = []
    for d in StrategyDiscussion.objects.filter(child=child).select_related("recorded_by").prefetch_related("participants__agency").order_by("held_at", "id"):
        missing = d.missing_agencies()
        items.append(Item("Further strategy discussion" if d.previous_id else "Strategy discussion", fields(
            ("Held", d.held_at), ("Decision", d.get_decision_display()), ("Reasons", d.reasons, Redact.FREE_TEXT),
            ("What was shared", d.what_was_shared, Redact.FREE_TEXT),
            *((f"Participant {number}", f"{p.name}, {p.role + ', ' if p.role else ''}{p.agency.name}{' (sent apologies)' if p.sent_apologies else ''}",
               Redact.PEOPLE_PRESENT) for number, p in enumerate(d.participants.all(), start=1)),
            ("Not taking part", f"No one from {' or '.join(missing)} took part" if missing else ""),
            ("Recorded by", d.recorded_by.display_name),
        ), when=d.held_at))
    return Section("strategy_discussions", "Strategy discussions", tuple(items))


def section_47_enquiries(child) -> Section:
    items = []
    for e in Section47Enquiry.objects.filter(child=child).select_related("recorded_by", "completed_by").prefetch_related("by_when_dates").order_by("started_on", "id"):
        rows = [
            ("Started", e.started_on), ("Completed", e.completed_on), ("What the enquiry found", e.findings, Redact.FREE_TEXT),
            ("Child seen", e.child_seen), ("Child seen alone", e.child_seen_alone), ("Concerns substantiated", e.concerns_substantiated),
            ("At continuing risk of significant harm", e.continuing_risk), ("Initial conference needed", e.conference_needed),
            ("Reasons for the outcome", e.outcome_reasons, Redact.FREE_TEXT), ("Started by", e.recorded_by.display_name),
            ("Completed by", e.completed_by.display_name if e.completed_by else ""),
        ]
        rows += [(f"'By when' date {b.due_on:%-d %B %Y}", b.reason, Redact.FREE_TEXT) for b in e.by_when_dates.order_by("set_at", "id")]
        items.append(Item("Section 47 enquiry", fields(*rows), when=e.started_on))
    return Section("section_47_enquiries", "Section 47 enquiries", tuple(items))


def conferences(child) -> Section:
    """Each child protection conference with everyone invited, by agency (third parties), the views heard, the
    decision and its category, and the minutes."""
    items = []
    found = ChildProtectionConference.objects.filter(child=child).select_related("chair", "recorded_by").prefetch_related("attendees__agency")
    for c in found.order_by("held_on", "starts_at", "id"):
        items.append(Item(c.get_kind_display(), fields(
            ("Held", f"{c.held_on:%-d %B %Y} at {c.starts_at:%H:%M}"), ("Chair", c.chair.display_name), ("Decision", c.get_decision_display()),
            ("Category", lookup.label("cin.category_of_abuse", c.category) if c.category else ""), ("Reasons", c.reasons, Redact.FREE_TEXT),
            ("How the child's views were heard", c.get_child_heard_display()), ("The child's views", c.childs_views, Redact.FREE_TEXT),
            ("The parents' views", c.parents_views, Redact.FREE_TEXT),
            *((f"Attendee {number}", f"{a.name}, {a.role + ', ' if a.role else ''}{a.agency.name}{' (sent apologies)' if a.sent_apologies else ''}",
               Redact.PEOPLE_PRESENT) for number, a in enumerate(c.attendees.all(), start=1)),
            ("Minutes", c.minutes, Redact.FREE_TEXT), ("Recorded by", c.recorded_by.display_name),
        ), when=c.held_on))
    return Section("conferences", "Child protection conferences", tuple(items))


def core_group_meetings(child) -> Section:
    """Each meeting of a child protection plan's core group with everyone invited, by agency (third parties), what
    changed against the plan, the child's views and the decisions."""
    items = []
    found = CoreGroupMeeting.objects.filter(child=child).select_related("recorded_by").prefetch_related("members__agency")
    for m in found.order_by("held_on", "starts_at", "id"):
        items.append(Item("Core group meeting", fields(
            ("Held", f"{m.held_on:%-d %B %Y} at {m.starts_at:%H:%M}"),
            *((f"Member {number}", f"{p.name}, {p.role + ', ' if p.role else ''}{p.agency.name}{' (sent apologies)' if p.sent_apologies else ''}",
               Redact.PEOPLE_PRESENT) for number, p in enumerate(m.members.all(), start=1)),
            ("What has changed against the plan", m.progress, Redact.FREE_TEXT), ("The child's views", m.childs_views, Redact.FREE_TEXT),
            ("Decisions and next steps", m.decisions, Redact.FREE_TEXT), ("Recorded by", m.recorded_by.display_name),
        ), when=m.held_on))
    return Section("core_group_meetings", "Core group meetings", tuple(items))


def case_reviews(child) -> Section:
    """Each systems case review of the child's case: why, over which period, its terms of reference, who commissioned
    it and when it closed. Its episodes and findings are about the system, not the child (decision record 0021); the
    entries its timeline read are the child's own, exported in their own sections."""
    items = []
    for r in CaseReview.objects.filter(child=child).select_related("commissioned_by").order_by("commissioned_at", "id"):
        items.append(Item("Systems case review", fields(
            ("Why", r.get_reason_display()), ("Period from", r.period_from), ("Period to", r.period_to),
            ("Terms of reference", r.terms_of_reference, Redact.FREE_TEXT), ("Commissioned by", r.commissioned_by.display_name),
            ("Commissioned", r.commissioned_at), ("Closed", r.closed_at),
        ), when=r.commissioned_at))
    return Section("case_reviews", "Systems case reviews", tuple(items))


def supervision_decisions(child) -> Section:
    """Each decision taken about the child in a practitioner's supervision, as the chronology shows it: what, why,
    who is responsible and by when. The practitioner's reflections, and their private feelings about the family, are
    about the practitioner, not the child, and stay out of the child's export (decision record 0017)."""
    items = []
    found = SupervisionDecision.objects.filter(discussion__child=child).select_related("discussion__session__supervisor", "responsible")
    for d in found.order_by("discussion__session__held_on", "id"):
        items.append(Item("Supervision decision", fields(
            ("Supervision held", d.discussion.session.held_on), ("Decision", d.decision, Redact.FREE_TEXT),
            ("Why", d.rationale, Redact.FREE_TEXT), ("Responsible", d.responsible.display_name), ("By when", d.by_when),
            ("Supervised by", d.discussion.session.supervisor.display_name),
        ), when=d.discussion.session.held_on))
    return Section("supervision_decisions", "Decisions taken in supervision", tuple(items))


def unit_meeting_entries(child) -> Section:
    """Each time the child was discussed at their social work unit's weekly meeting, as the chronology shows it: what
    was discussed and agreed, who will do it and by when. Who else attended is about the staff, not the child."""
    items = []
    found = UnitMeetingEntry.objects.filter(child=child).select_related("meeting__unit", "meeting__recorded_by", "responsible")
    for e in found.order_by("meeting__held_on", "id"):
        items.append(Item("Discussed at a unit meeting", fields(
            ("Meeting held", e.meeting.held_on), ("Unit", e.meeting.unit.name), ("Discussed", e.discussed, Redact.FREE_TEXT),
            ("Agreed", e.agreed, Redact.FREE_TEXT), ("Who will do it", e.responsible.display_name if e.responsible else ""),
            ("By when", e.by_when), ("Recorded by", e.meeting.recorded_by.display_name),
        ), when=e.meeting.held_on))
    return Section("unit_meeting_entries", "Discussed at unit meetings", tuple(items))


def feedback(child) -> Section:
    """Each piece of feedback, compliment or complaint about the child's care, with its response and outcome. What
    was said may name others (a parent's words about a worker or a relative), so it is marked for review."""
    items = []
    for f in Feedback.objects.filter(child=child).select_related("recorded_by", "responded_by", "visit", "plan", "conference", "episode").prefetch_related("themes").order_by("received_on", "id"):
        items.append(Item(str(f), fields(
            ("Received", f.received_on), ("From", f.get_source_display()), ("Kind", f.get_kind_display()), ("About", f.about_text()),
            ("What they said", f.said, Redact.FREE_TEXT), ("Themes", ", ".join(f.theme_labels())),
            ("Recorded by", f.recorded_by.display_name if f.recorded_by else "Given by the family through a feedback link"),
            ("Response", f.response, Redact.FREE_TEXT), ("Responded by", f.responded_by.display_name if f.responded_by else ""),
            ("Responded on", f.responded_on), ("Outcome", f.get_outcome_display()), ("Closed on", f.closed_on),
        ), when=f.received_on))
    return Section("feedback", "Feedback, compliments and complaints", tuple(items))


def case_audits(child) -> Section:
    """Each audit of the practice on the child's record: the grades and the evidence for them, what is working well
    and what needs to change, and the practitioner's view once talked through (their words, so marked)."""
    items = []
    found = CaseAudit.objects.filter(child=child).select_related("sample__round", "auditor", "overall").prefetch_related("findings__theme", "findings__grade")
    for a in found.order_by("audited_on", "id"):
        rows: list[tuple] = [("Audit round", a.sample.round.title), ("Audited", a.audited_on), ("Audited by", a.auditor.display_name),
                ("Overall grade", a.overall.name)]
        for finding in a.findings.all():
            rows += [(f"{finding.theme.name}: grade", finding.grade.name), (f"{finding.theme.name}: evidence", finding.evidence, Redact.FREE_TEXT)]
        rows += [("What is working well", a.working_well, Redact.FREE_TEXT), ("What needs to change", a.needs_to_change, Redact.FREE_TEXT),
                 ("Talked through with the practitioner", a.talked_through_on), ("The practitioner's view", a.practitioner_view, Redact.FREE_TEXT)]
        items.append(Item("Case audit", fields(*rows), when=a.audited_on))
    return Section("case_audits", "Case audits", tuple(items))


def conference_reports(child) -> Section:
    """Each partner agency's report for a conference: the agency's account of the family, so its author is a third
    party and its text may identify others."""
    items = []
    found = ConferenceReport.objects.filter(child=child).select_related("agency", "author", "conference")
    for r in found.order_by("submitted_at", "id"):
        items.append(Item(f"Report for a conference from {r.agency.name}", fields(
            ("Sent", r.submitted_at), ("Written by", r.author.display_name, Redact.PEOPLE_PRESENT),
            ("Conference held", r.conference.held_on if r.conference else "Not yet"), ("Shared with the family", r.shared_with_family),
            ("What the agency knows", r.what_we_know, Redact.FREE_TEXT), ("What the agency is worried about", r.worries, Redact.FREE_TEXT),
            ("What is going well", r.going_well, Redact.FREE_TEXT),
        ), when=r.submitted_at))
    return Section("conference_reports", "Partner agencies' reports for conferences", tuple(items))


def plans(child) -> Section:
    """Each plan, then each of its versions as it was agreed (a review never changes the one before), with its steps."""
    versions = Prefetch("versions", queryset=PlanVersion.objects.select_related("written_by").prefetch_related("steps").order_by("number"))
    items = []
    for p in Plan.objects.filter(child=child).select_related("author").prefetch_related(versions).order_by("started_on", "id"):
        items.append(Item(p.get_kind_display(), fields(
            ("Category", p.get_category_display()), ("Started", p.started_on), ("Ended", p.ended_on),
            ("What needs to change", p.what_needs_to_change, Redact.FREE_TEXT), ("Written by", p.author.display_name),
        ), when=p.started_on))
        for v in p.versions.all():
            items.append(Item(f"{p.get_kind_display()}, version {v.number}", fields(
                ("Agreed", v.reviewed_on or p.started_on), ("What has changed since the last version", v.review_note, Redact.FREE_TEXT),
                ("What we are worried about", v.worries, Redact.FREE_TEXT), ("What needs to change", v.what_needs_to_change, Redact.FREE_TEXT),
                ("What will happen if things do not change", v.contingency, Redact.FREE_TEXT),
                ("What the child said", v.childs_comments, Redact.FREE_TEXT), ("What the family said", v.familys_comments, Redact.FREE_TEXT),
                *((f"Step {s.number}", f"{s.who} will: {s.does_what} By {s.by_when:%-d %B %Y}, because: {s.reason}", Redact.FREE_TEXT)
                  for s in v.steps.all()),
                ("Written by", v.written_by.display_name),
            ), when=v.written_at))
    return Section("plans", "Plans", tuple(items))


def visits(child) -> Section:
    items = [
        Item("Visit", fields(
            ("When", v.visited_at), ("Where", v.place), ("Who was present", v.who_was_present, Redact.PEOPLE_PRESENT),
            ("Child seen", v.child_seen), ("Child seen alone", v.child_seen_alone),
            ("What the child said", v.childs_words, Redact.FREE_TEXT), ("What the practitioner saw and heard", v.observations, Redact.FREE_TEXT),
            ("Next steps", v.next_steps, Redact.FREE_TEXT), ("Recorded by", v.recorded_by.display_name),
        ), when=v.visited_at)
        for v in Visit.objects.filter(child=child).select_related("recorded_by").order_by("visited_at")
    ]
    return Section("visits", "Visits", tuple(items))


def case_notes(child) -> Section:
    """Case notes, calls, emails, letters and meetings, each with who it was with or who attended (third parties)."""
    items = [
        Item(n.get_kind_display(), fields(
            ("When", n.occurred_at), ("Direction", n.get_direction_display()), ("With, from or to", n.with_whom, Redact.FREE_TEXT),
            ("Heading", n.subject, Redact.FREE_TEXT), ("What happened", n.text, Redact.FREE_TEXT),
            *((f"Attendee {number}", f"{a.name}, {a.role + ', ' if a.role else ''}{a.agency}{' (sent apologies)' if a.sent_apologies else ''}",
               Redact.PEOPLE_PRESENT) for number, a in enumerate(n.attendees.all(), start=1)),
            ("Written by", n.author.display_name),
        ), when=n.occurred_at)
        for n in CaseNote.objects.filter(child=child).select_related("author").prefetch_related("attendees").order_by("occurred_at")
    ]
    return Section("case_notes", "Case notes, calls, emails, letters and meetings", tuple(items))


def documents(child) -> Section:
    """Documents attached to the record, listed (name, type, size, when, by whom); the files are not in the export."""
    items = [
        Item(f"Document: {d.original_name}", fields(
            ("File name", d.original_name, Redact.FREE_TEXT), ("Type", d.kind_called), ("Size in bytes", d.size),
            ("Attached", d.uploaded_at), ("Description", d.description, Redact.FREE_TEXT), ("Attached by", d.uploaded_by.display_name),
        ), when=d.uploaded_at)
        for d in Document.objects.filter(child=child).select_related("uploaded_by").order_by("uploaded_at", "pk")
    ]
    return Section("documents", "Documents attached to the record", tuple(items),
                   note="Each document is listed, not included: the officer reads and redacts the files themselves from the child's record.")


def significant_events(child) -> Section:
    items = [
        Item("Significant event", fields(
            ("When", e.occurred_at), ("What happened", e.description, Redact.FREE_TEXT), ("Recorded by", e.recorded_by.display_name),
        ), when=e.occurred_at)
        for e in SignificantEvent.objects.filter(child=child).select_related("recorded_by").order_by("occurred_at")
    ]
    return Section("significant_events", "Significant events", tuple(items))


def information_shares(child) -> Section:
    items = [
        Item(f"Information shared with {share.shared_with_agency.name}", fields(
            ("Shared", share.shared_on), ("With", share.shared_with_agency.name),
            ("Person who received it", share.shared_with_person, Redact.RECIPIENT),
            ("What was shared", share.what_was_shared, Redact.FREE_TEXT), ("Lawful basis", share.get_lawful_basis_display()),
            ("Why", share.reason, Redact.FREE_TEXT), ("Recorded by", share.recorded_by.display_name),
        ), when=share.shared_on)
        for share in child.information_shares.select_related("shared_with_agency", "recorded_by").order_by("shared_on", "id")
    ]
    return Section("information_shares", "Information shared with other organisations", tuple(items))


# Said of every export, whether or not a restricted child is left out of this one, so that it tells nobody one was.
RESTRICTED_NOTE = ("Restricted children's records (e.g. adoptive placements) are included only where the officer may "
                   "open them, e.g. by a grant from the child's team manager.")

# Free-text fields of a child's record that may name another person, per model: (model, date field, labels).
NAMING_FIELDS = (
    (Contact, "received_at", "children_named__child", {"concern": "Reason for concern", "referrer_name": "Referrer's name"}),
    (Visit, "visited_at", "child", {"who_was_present": "Who was present", "observations": "What the practitioner saw and heard",
                                    "childs_words": "What the child said", "next_steps": "Next steps"}),
    (CaseNote, "occurred_at", "child", {"with_whom": "With, from or to", "subject": "Heading", "text": "What happened"}),
    (Plan, "started_on", "child", {"what_needs_to_change": "What needs to change"}),
    (PlanVersion, "written_at", "plan__child", {"worries": "What we are worried about", "what_needs_to_change": "What needs to change",
                                                 "contingency": "What will happen if things do not change", "childs_comments": "What the child said",
                                                 "familys_comments": "What the family said", "review_note": "What has changed"}),
    (SignificantEvent, "occurred_at", "child", {"description": "What happened"}),
)


def _related_children(person: Person, children_in_scope) -> list:
    """Children linked to ``person`` by a relationship or a shared household."""
    related = set(Relationship.objects.filter(to_person=person).values_list("from_person_id", flat=True))
    related |= set(Relationship.objects.filter(from_person=person).values_list("to_person_id", flat=True))
    households = HouseholdMembership.objects.filter(person=person).values("household_id")
    related |= set(HouseholdMembership.objects.filter(household_id__in=households).values_list("person_id", flat=True))
    related.discard(person.pk)
    return list(children_in_scope.filter(pk__in=related).select_related("person"))


def named_in_other_records(person: Person, children_in_scope, record_read, viewer) -> Section:
    """Entries in related children's records whose text names the person (full name or first name), leaving out
    the records of restricted children the officer may not open."""
    children = _related_children(person, children_in_scope.exclude(pk__in=_hidden_others(person, viewer)))
    names = {n for n in (person.full_name, person.known_as, person.first_name) if len(n) >= 2}
    by_id = {c.pk: c for c in children}
    items, read = [], set()
    for model, when_field, child_path, labels in NAMING_FIELDS:
        if not children:
            break
        match = Q()
        for field_name in labels:
            for name in names:
                match |= Q(**{f"{field_name}__icontains": name})
        rows = model.objects.filter(match, **{f"{child_path}__in": children}).distinct()
        for row in rows.order_by(when_field):
            if model is Contact:
                child_ids = [c for c in row.children_named.values_list("child_id", flat=True) if c in by_id]  # type: ignore[union-attr]
            elif model is PlanVersion:
                child_ids = [row.plan.child_id]  # type: ignore[union-attr]
            else:
                child_ids = [row.child_id]  # type: ignore[union-attr]
            for child_id in child_ids:
                child = by_id[child_id]
                read.add(child)
                found = [(label, getattr(row, f), Redact.ANOTHER_CHILDS_RECORD) for f, label in labels.items()
                         if any(n.lower() in getattr(row, f).lower() for n in names)]
                items.append(Item(f"{model._meta.verbose_name.capitalize()} in another child's record", fields(  # type: ignore[union-attr]
                    ("The child whose record it is", child.person.full_name, Redact.OTHER_CHILD), *found,
                ), when=getattr(row, when_field)))
    for child in sorted(read, key=lambda c: c.pk):
        record_read(child)
    items.sort(key=lambda item: as_aware(item.when))
    note = ("Matched by name (" + ", ".join(sorted(names)) + ") in the records of children related to the person by a "
            "relationship or a household. Check each match is about this person. " + RESTRICTED_NOTE)
    return Section("named_in_other_records", "Other children's records that name them", tuple(items), note=note)
