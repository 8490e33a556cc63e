"""Small phrase banks for synthetic records: concerns in each referrer's voice, and practitioners' writing.

Placeholders: {name} the child's first name, {carer} the mother's first name, {age} the child's age, {place} street.

A phrase that suits only some ages is a ``Phrase`` with the ages it fits (in whole years on the day it is written):
a baby is never "in our school", a 13-year-old never "not yet mobile". ``fitting`` chooses from a bank for one age;
every bank has something for every age a child on record can be (a test says so).
"""
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Phrase:
    text: str
    youngest: int = 0
    oldest: int = 25

    def fits(self, age: int) -> bool:
        return self.youngest <= age <= self.oldest


@cache
def fitting(bank: tuple, age: int) -> tuple[str, ...]:
    """The texts of ``bank`` that suit a child of ``age``: plain strings suit every age. Asked a million times in a
    large authority's generation, of a few dozen banks and twenty-odd ages: remembered."""
    return tuple(entry if isinstance(entry, str) else entry.text for entry in bank if isinstance(entry, str) or entry.fits(age))


def School(text: str) -> Phrase:
    return Phrase(text, 4)


def Talking(text: str) -> Phrase:
    """What a child says in words of their own, from about three."""
    return Phrase(text, 3)

CONCERN_OPENINGS = {
    "police": ("Officers attended {place} at {hour}:{minute:02d} following a call from a neighbour.",
               "Police were called to {place} overnight.", "I am the officer in the case for an incident at {place}.",
               "This notification follows a police attendance at the family home on {place}."),
    "school": ("I am contacting you as designated safeguarding lead about {name}, who is in our school.",
               "{name} came into school this morning and spoke to their class teacher.",
               "Staff have been logging concerns about {name} for some weeks and I am now making a referral.",
               "{name}'s attendance has dropped and today something was said that worries us."),
    "health": ("I saw {name} and {carer} in clinic today.", "{name} was brought to the emergency department yesterday evening.",
               "As {name}'s health visitor I completed a home visit this week.", "{carer} attended the surgery with {name}."),
    "family": ("I'm {name}'s grandmother and I am really worried.", "I live next door to the family and I hear a lot.",
               "I don't want to give my name but someone needs to check on {name}.", "I'm {name}'s aunt, I can't keep quiet any more."),
    "other": ("I work with the family and wanted to share a concern about {name}.", "We are supporting {carer} and have a worry about {name}.",
              "Passing on information received today about {name} ({age}).", "Following a visit to {place} I am raising a concern."),
}
CONCERN_DETAILS = {
    "domestic_abuse": ("There was shouting and the sound of things being thrown; {carer} had a visible injury to her face.",
                       "{carer} says her partner pushed her against a wall while {name} was in the room.",
                       Talking("{name} said 'Dad shouts at Mum and I hide under the bed'."),
                       Phrase("{name} startles at loud voices and is unsettled and hard to soothe, the health visitor says.", 0, 3),
                       "This is the third call to the address in two months; the DASH risk assessment was high."),
    "neglect": (School("{name} often arrives hungry and in the same clothes, and has head lice that have not been treated."),
                "The home was cold, with little food in the cupboards and dog mess on the floor.",
                "{name} has missed two health appointments and the dental abscess has not been treated.",
                Phrase("{name} is regularly collected late and was left alone in the flat last week.", 2),
                Phrase("{name} has a severe nappy rash and has not been brought for weighing since birth.", 0, 2)),
    "mental_health": ("{carer} told me she is struggling and has not been taking her medication.",
                      "{carer} appeared very low and said she could not cope with {name} any more.",
                      "{carer} was admitted to the mental health unit and it is unclear who is caring for {name}.",
                      Phrase("{name} said they look after Mum when she stays in bed all day.", 6)),
    "substance_misuse": ("{carer} appeared intoxicated when collecting {name} and was slurring her words.",
                         Phrase("Drug paraphernalia was found in the living room within {name}'s reach.", 0, 10),
                         "Neighbours report adults coming and going at all hours and a smell of cannabis.",
                         "{carer} has relapsed and has stopped attending the recovery service."),
    "physical_harm": (Talking("{name} has a bruise on the cheek and said 'Mum's boyfriend did it'."),
                      "{name} has marks on both upper arms; the explanation given does not fit the injury.",
                      Phrase("{name} flinched when a member of staff raised their hand and has bruising to the back.", 2),
                      Phrase("An unexplained injury was found on {name}, who is not yet mobile.", 0, 0),
                      Phrase("{name} has a bruise to the ear that {carer} could not explain; {name} is a toddler.", 1, 3)),
    "emotional_harm": (Phrase("{name} is very withdrawn and says nobody at home talks to them.", 5),
                       Phrase("{carer} was heard calling {name} worthless and stupid in the street.", 3),
                       Phrase("{name} has started self-harming and says home is 'horrible'.", 11),
                       School("{name} is frightened to go home and asked if they could stay at school."),
                       Phrase("{name} is left in the pram for hours and {carer} rarely talks to or holds them.", 0, 2)),
    "sexual_harm": (Phrase("{name} said something to a friend about an adult touching them that worries us.", 4),
                    Phrase("{name} has been showing sexualised behaviour that is not expected for their age.", 3),
                    Phrase("An older man has been seen picking {name} up from outside school in a car.", 11),
                    Phrase("Indecent images of {name} have been shared among pupils.", 11),
                    Phrase("{carer}'s new partner has a conviction for sexual offences against children and stays overnight.", 0)),
    "exploitation": (Phrase("{name} has been missing overnight three times this month and came back with new clothes and a phone.", 11),
                     Phrase("{name} was found in another town with older young people and a large amount of cash.", 11),
                     Phrase("We believe {name} is being used to carry drugs; they have unexplained injuries.", 11),
                     Phrase("{name} is associating with adults known to police and staying out late.", 10)),
}
CONCERN_CLOSINGS = {
    "police": ("No arrests were made. Please see the attached risk assessment.", "The partner was arrested and released under investigation.",
               "Officers will revisit tomorrow.", "Information shared for your consideration."),
    "school": ("We will keep monitoring in school. Parents are aware of this referral.", "I have not spoken to the parents yet, as I worry this would increase the risk.",
               "Please could someone call me back today.", "Our logs are attached."),
    "health": ("I have discussed this with our named nurse, who agreed I should refer.", "{carer} is aware that I am contacting you.",
               "We will follow up at the next appointment.", "Please let me know the outcome."),
    "family": ("Please don't tell them it was me.", "I've tried to help but it's getting worse.", "Someone needs to go round.",
               "I just want {name} to be safe."),
    "other": ("Please contact me if you need more information.", "The family have agreed to this referral.",
              "I have advised the family to seek support.", "We remain involved and can attend any meeting."),
}
REFERRER_ROLES = {
    "police": ("Police constable, response", "Detective constable, public protection unit", "Sergeant, neighbourhood team"),
    "school": ("Designated safeguarding lead", "Deputy designated safeguarding lead", "Head teacher"),
    "health": ("Health visitor", "School nurse", "Emergency department nurse", "Midwife", "GP", "Paediatrician"),
    "family": ("Grandparent", "Neighbour", "Aunt", "Parent"),
    "other": ("Housing officer", "Probation officer", "Family support worker", "Youth worker", "Social worker, another council",
              "Nursery manager", "Outreach worker"),
}

RATIONALE = {
    "nfa": ("No safeguarding concern identified after checks with school and health; no further action.",
            "Information gathered shows the family has responded appropriately; no role for children's services.",
            "Single incident, protective parent, no previous concerns: no further action."),
    "advice": ("Advice given to the referrer; family signposted to universal services.",
               "Open to an allocated worker: information shared with them and recorded on the child's record.",
               "Threshold for assessment not met; advice given on supporting the family in school."),
    "early_help": ("Needs can be met by early help with consent; family agreed to a family support worker.",
                   "Emerging concerns, no significant harm: offered early help assessment and plan.",
                   "Parent asking for help with routines and behaviour: early help is the right response."),
    "referral": ("Cumulative concerns across agencies: a single assessment is needed to understand the child's needs.",
                 "History of previous contacts and this new information mean we need to assess.",
                 "Child in need assessment required; parents aware and agree."),
    "strategy": ("Reasonable cause to suspect significant harm: strategy discussion to be held today with police and health.",
                 "Injury disclosed by the child: strategy discussion needed to decide on a section 47 enquiry.",
                 "Serious incident with a child present: strategy discussion with police."),
}

STRENGTHS = {
    "developmental_needs": (School("{name} is meeting developmental milestones and enjoys school."),
                            Phrase("{name} has a close friendship group and plays football.", 7),
                            "{name} is healthy, registered with a GP and up to date with immunisations.",
                            Phrase("{name} is curious and loves drawing.", 2, 12),
                            Phrase("{name} is feeding well, gaining weight and smiles and babbles at {carer}.", 0, 1)),
    "parenting_capacity": ("{carer} is warm with {name} and responds quickly when upset.", "{carer} has engaged with every visit and is open about her worries.",
                           School("{carer} keeps good routines around school and bedtime."), "{carer} has asked for help, which shows insight."),
    "family_environment": (School("Maternal grandmother lives nearby and helps with school runs."), "The home is clean, warm and has enough food.",
                           "The family are part of a supportive faith community.", "The tenancy is secure and the family are settled."),
}
WORRIES = {
    "domestic_abuse": "{name} has lived with repeated domestic abuse and is hypervigilant at home.",
    "neglect": "{name}'s basic needs are not consistently met: food, hygiene and health appointments.",
    "mental_health": "{carer}'s mental health fluctuates and at low points {name}'s care slips.",
    "substance_misuse": "{carer}'s drug and alcohol use means supervision of {name} is unreliable.",
    "physical_harm": "There are unexplained injuries and the adults' accounts do not match.",
    "emotional_harm": "{name} hears harsh criticism daily and has low self-esteem.",
    "sexual_harm": "{name} may have been exposed to an adult who poses a risk of sexual harm.",
    "exploitation": "{name} is going missing and is at risk of criminal exploitation.",
}
ENVIRONMENT_WORRIES = ("Rent arrears and a possible eviction are adding pressure.", "The family are isolated, with no support nearby.",
                       "The flat is overcrowded and damp.", "Money is very tight; the family rely on food banks.")
# An assessment's analysis is written knowing its decision: only help that follows has a plan to talk of.
ANALYSIS_WITH_HELP = (
    "Weighing the strengths against the worries, {name}'s needs are not being met without help; {carer} wants things to change.",
    "The risk to {name} is reduced while the protective steps hold, but they are recent and untested.",
    "Alternative explanation considered: the injuries could be accidental, but the pattern and history make this less likely.",
    "{name}'s lived experience is of unpredictability; the plan must focus on consistency and safety at home.",
)
ANALYSIS_NO_FURTHER_ACTION = (
    "Weighing the strengths against the worries, {carer} has already acted to keep {name} safe and the family's own network is enough.",
    "Alternative explanation considered and found more likely: the concern arose from a one-off incident that {carer} dealt with well.",
    "{name}'s needs are met at home with universal services; {carer} knows how to ask for help if things change.",
)
AUTHORISED_WITH_HELP = (
    "The analysis follows from what was seen and heard; the decision fits {name}'s needs. Agreed in supervision.",
    "Authorised: the alternative explanation was weighed fairly and {name}'s own words are at the centre of the decision.",
    "Agreed. The worries about {carer}'s capacity are evidenced; the plan must test whether the recent changes hold.",
    "Authorised after discussing it in supervision: the next steps are clear and {carer} knows what will happen.",
)
AUTHORISED_NO_FURTHER_ACTION = (
    "Agreed that no further action is right: {carer} acted to keep {name} safe and the family know where to turn.",
    "Authorised: the concern was checked with school and health, and nothing further points to harm to {name}.",
    "The analysis is balanced and the reasons for closing at assessment are clear; {carer} was told the outcome.",
)
CHILDS_VIEWS = (Talking("{name} said: 'I want Mum to be happy and for the shouting to stop.'"),
                School("{name} said they like their teacher and want to stay at this school."),
                Phrase("{name} drew their family and put themselves far away from everyone else.", 4, 11),
                Talking("{name} said: 'I don't want anyone to get in trouble.'"), Talking("{name} said they feel safe with Nan and want to see her more."),
                Phrase("{name} is too young to share their views in words; they went to {carer} for comfort.", 0, 2),
                Phrase("{name} said they want a say in decisions and to be told what is happening.", 11))
BY_WHEN_REASONS = ("Twenty working days lets us see the family at home and at school before deciding.",
                   "Short date: the risks are high and a decision is needed quickly.",
                   "Longer date agreed with the manager: {carer} is in hospital and must take part.",
                   "Date set to fit the core group and the next school review.")
BY_WHEN_CHANGES = ("Moved back: the father has only now been found and must be seen.", "Extended: waiting for the paediatric report.",
                   "Moved back two weeks: {name} was unwell and could not be seen alone.", "Extended after supervision: need to speak to the previous school.")

VISIT_PLACES = ("Home", "Home", "Home", "School", "Family centre", "Grandparent's home")
LOOKED_AFTER_PLACES = ("Foster home", "Foster home", "Residential home", "School", "Contact centre")
WORDS_YOUNG = ("{name} showed me their toys and smiled when {carer} came back into the room.",
               "{name} babbled happily and reached for {carer}.", "{name} was too young to talk about home but played calmly.")
WORDS_CHILD = ("{name} said: 'Home is better now, Mum doesn't cry as much.'", "{name} said they were scared when the police came.",
               "{name} said: 'I want to go to my friend's party.'", "{name} said they miss their dad and want to see him.",
               "{name} said school is OK but lunchtimes are lonely.", "{name} said: 'I don't like it when they argue.'")
WORDS_TEEN = ("{name} said: 'I'm fine, I just want you lot to leave us alone.'", "{name} said they want more say about where they live.",
              "{name} said they stay out because home is stressful.", Phrase("{name} said: 'College is going well, I want to be a mechanic.'", 16),
              "{name} said they feel listened to at the last meeting.", "{name} said they want to see their brother more often.")
OBSERVATIONS = ("The home was warm and tidy; there was food in the fridge.", "{carer} was calm and spoke kindly to {name}.",
                "The flat was cluttered and smelt of smoke; {carer} said she has been struggling.", "{name} looked well cared for and relaxed.",
                "{name} was quiet and watchful when the adults spoke.", "Bedroom checked: bed, clean bedding, toys.",
                "{carer}'s partner left when I arrived and did not return.", School("{name} and {carer} laughed together while doing homework."),
                Phrase("Cot checked: safe sleeping space, no bumpers or loose bedding.", 0, 1))
NEXT_STEPS = (School("Visit again in two weeks; speak to school about attendance."), Phrase("Visit again in two weeks; ask the health visitor about weight.", 0, 4), "Refer {carer} to the parenting programme.",
              "Share today's visit with the core group.", "Check with the health visitor about the missed appointment.",
              "Life story work session next visit.", "Discuss in supervision on Thursday.")
PLAN_CHANGES = {
    "early_help": ("{carer} will get help with routines from the family support worker; school will offer a place at breakfast club.",
                   "Family support worker to help with the housing application and bedtime routines."),
    "child_in_need": ("{name} needs to be safe and well at home: {carer} will work with the parenting service and keep all health appointments.",
                      School("{carer} will get support for her mental health; school will check in with {name} each week."),
                      Phrase("{carer} will get support for her mental health; the health visitor will see {name} every fortnight.", 0, 4)),
    "child_protection": ("{name} must not be exposed to violence at home: {carer}'s ex-partner will not visit, and {carer} will attend the Freedom Programme.",
                         School("{name}'s basic needs must be met every day: food, clean clothes, school every day and health appointments kept."),
                         Phrase("{name}'s basic needs must be met every day: feeds, clean clothes, a safe place to sleep and health checks kept.", 0, 4)),
    "care": ("{name} will live with foster carers while the court decides; family time with {carer} twice a week.",
             School("{name} will stay in the current placement and keep going to the same school."),
             Phrase("{name} will stay in the current placement and keep the same nursery and health visitor.", 0, 4)),
    "pathway": ("{name} will move into supported accommodation and start college in September; personal adviser to help with budgeting.",
                "{name} wants to stay put with former foster carers until 21; plan covers education, health and money."),
}
NOTE_SUBJECTS = {
    "call": ("Phone call with school", "Phone call with {carer}", "Call from health visitor", "Email from housing"),
    "meeting": ("Core group meeting", "Professionals meeting", "Team around the family meeting"),
}
NOTE_TEXT = (School("Update shared: attendance {attendance}% this term; no new concerns raised."), "{carer} rang to say things are calmer at home.",
             "Agencies agreed actions for the next four weeks; {carer} attended and contributed.",
             School("Concern raised that {name} arrived late and hungry twice this week; will discuss at next visit."))
# Looked after reviews are still case notes; strategy discussions, enquiries and conferences are protection's records.
MILESTONE_NOTES = {
    "lac_review": ("Looked after review", "Independent reviewing officer chaired; the care plan was reviewed and continues."),
}

# Child protection's records (``synthetic.protection``): what a strategy discussion shared and why it decided as it
# did; what a section 47 enquiry found and why its outcome is what it is; a conference's views, reasons and minutes.
DISCUSSION_SHARED = (
    "Police shared two earlier call-outs to the address; health shared missed appointments; school shared today's disclosure.",
    "Police: no previous convictions for either adult, one domestic incident last year. Health: immunisations up to date.",
    "Health visitor shared concerns about the home conditions; police have no record of the family.",
    "Police shared that the partner has a history of violence in a previous relationship; health shared {carer}'s low mood.",
)
DISCUSSION_REASONS = {
    "section_47": ("There is reasonable cause to suspect {name} is suffering, or likely to suffer, significant harm.",
                   "What {name} said and the injury seen need a joint enquiry: police and social work to visit today.",
                   "The pattern of incidents, with what school have logged, meets the threshold for enquiries under section 47."),
    "single_assessment": ("The worry is about unmet needs rather than harm: a child and family assessment will find out more.",
                          "No one agency holds information suggesting significant harm; assess {name}'s needs with {carer}."),
    "no_further_action": ("The injury has an explanation that health and police accept; no further action under section 47.",
                          "The information shared does not suggest harm: the family is already supported by early help."),
}
ENQUIRY_BY_WHEN = ("Fifteen working days, so a conference can be held in time if one is needed.",
                   "Short date: the risks are high and the police interview is this week.",
                   "Date agreed with the manager to allow the paediatric assessment to be done.")
ENQUIRY_BY_WHEN_CHANGES = ("Extended: waiting for the medical report.", "Moved back: the father has only now been found and must be seen.")
ENQUIRY_FINDINGS = {
    True: ("{name} was seen and spoke about what happens at home; the concerns are borne out by what school and health have seen.",
           "The paediatric assessment found the injury was not accidental; {carer} could not explain it.",
           "Home conditions were seen to be unsafe and {name}'s needs are not met day to day, despite help offered."),
    False: ("{name} was seen and was well; the incident was a one-off and {carer} acted to protect.",
            "The concerns were not borne out: the explanation given fits what the doctor found.",
            "Needs were found, but not harm: {carer} accepts help and the family want support."),
}
ENQUIRY_REASONS = {
    "conference": ("The risk to {name} continues and the family need a multi-agency plan: an initial conference is needed.",
                   "Concerns substantiated and {name} remains at risk of significant harm: conference to be convened."),
    "no_conference": ("No continuing risk of significant harm: help to continue under a child in need plan.",
                      "{carer} agrees to work with us and the worries can be met without a plan: no conference is needed."),
    "care": ("{name} could not be kept safe at home: the court made an interim care order, so no conference is needed.",),
}
CONFERENCE_CHILDS_VIEWS = (Talking("{name} said they want the arguing to stop and to feel safe at home."),
                           Phrase("{name} drew their house with everyone smiling, and a storm cloud over the kitchen.", 4, 11),
                           Phrase("{name} told their advocate they want to stay at home but want things to change.", 8),
                           Phrase("{name} was too young to give views; the health visitor described how they were with {carer}.", 0, 2))
CONFERENCE_PARENTS_VIEWS = ("{carer} said she understands why people are worried and wants the help offered.",
                            "{carer} disagreed that {name} is at risk but said she would work with the plan.",
                            "{carer} said she felt judged, but agreed to the core group meeting next week.")
CONFERENCE_REASONS = {
    "plan": ("{name} is at continuing risk of significant harm: a child protection plan is needed to keep them safe.",
             "The agencies agreed {name} is likely to suffer significant harm without a multi-agency plan."),
    "no_plan": ("The risk to {name} has reduced with the help in place: support continues under a child in need plan.",
                "Agencies agreed the threshold for a plan is not met; {carer} is working with the help offered."),
    "continue": ("Some progress, but {name} is not yet safe enough: the plan continues.",
                 "Progress is slow and the worries remain; the plan continues with clearer steps."),
    "end": ("{name} is no longer at continuing risk of significant harm: the plan ends.",
            "The changes have lasted for months and the agencies agree the plan can end."),
}
CONFERENCE_MINUTES = ("The chair welcomed everyone and explained the purpose of the conference. Each agency presented its report; "
                      "{carer} gave her views. The chair summarised the risks and strengths and the decision was agreed.",
                      "Reports were shared beforehand. The discussion covered {name}'s health, education and home life; "
                      "the core group will meet within ten working days.")

# Plans written with the family: the worries, what happens if nothing changes, the steps (who, what, how many days
# from the plan's start or review, and why that date), and what the child and family said, in their own words.
PLAN_WORRIES = {
    "early_help": ("Mornings are hard: {name} is often late and tired, and {carer} is worn out.",
                   "The family may lose their home, and {carer} is struggling to keep on top of bills and routines."),
    "child_in_need": ("{carer} has been unwell and at times cannot look after {name} as she wants to.",
                      School("{name} is missing school and says home feels tense."),
                      Phrase("{name} is not always fed on time and has missed health checks.", 0, 4)),
    "child_protection": ("{name} has seen and heard violence at home, and was hurt last time.",
                         "{name} is not getting the care they need every day: food, warmth, clean clothes and health care.",
                         Phrase("{name} has been left at home alone overnight.", 6)),
    "care": ("{name} could not stay safely at home, and needs a settled home while the court decides.",
             "{name} needs carers who can keep them safe and help them with what has happened."),
    "pathway": ("{name} is leaving care and needs a safe place to live, money to live on and someone to turn to.",),
}
PLAN_CONTINGENCY = {
    "early_help": ("If things do not get better, we will talk with you about asking children's social care for more help.",),
    "child_in_need": ("If things do not change, we may hold a meeting about how to keep {name} safe.",),
    "child_protection": ("If {name} is still not safe, we will ask for legal advice about what to do next, and we will tell you first.",),
    "care": ("If the plan for {name} to go home does not work, we will look for a family who can care for {name} long term.",),
    "pathway": ("If the tenancy breaks down, {name}'s personal adviser will find emergency housing the same day.",),
}
# (who, does what, days to do it in, why that date, youngest, oldest): lists of steps for a child of those ages, not
# banks of phrases.
PLAN_STEPS = {
    "early_help": [("{carer}", "Go to the parenting group on Tuesday mornings", 28, "The next course starts this month", 0, 17),
                   ("Family support worker", "Help with the housing application", 14, "The council needs the form within a fortnight", 0, 25),
                   ("School", "Offer {name} a place at breakfast club", 7, "So mornings get easier straight away", 4, 11),
                   ("Health visitor", "Help {carer} with {name}'s sleep and feeding", 14, "The nights are the hardest part now", 0, 3)],
    "child_in_need": [("{carer}", "See the GP about her low mood and keep the appointment", 14, "She asked for help now, not later", 0, 25),
                      ("Social worker", "Visit every two weeks and see {name} on their own", 14, "So {name} has a regular chance to talk", 4, 25),
                      ("Health visitor", "Check {name}'s weight and development", 21, "The last check was missed", 0, 4),
                      ("School", "Tell the social worker about any day {name} is absent", 1, "So a missed day is followed up the same week", 4, 16)],
    "child_protection": [("{carer}", "Start the Freedom Programme", 21, "The next group starts in three weeks", 0, 25),
                         ("Police", "Tell the social worker about any call to the house", 1, "So {name} is checked on the next day", 0, 25),
                         ("Social worker", "See {name} alone at home and at school every week", 7, "While the plan starts, {name} needs to be seen often", 4, 17),
                         ("Social worker", "See {name} at home every week", 7, "While the plan starts, {name} needs to be seen often", 0, 3)],
    "care": [("Foster carers", "Take {name} to family time twice a week", 7, "So {name} keeps close to the family", 0, 25),
             ("Social worker", "Ask {name} what they want to happen, in their own way", 28, "Before the next court hearing", 3, 25)],
    "pathway": [("Personal adviser", "Help {name} open a bank account and budget", 14, "Before the first rent is due", 0, 25),
                ("{name}", "Enrol at college for September", 60, "Enrolment closes in the summer", 0, 25)],
}
PLAN_CHILD_SAYS = (Talking("I want things to be calm at home."), Phrase("I want to see my dad more.", 5),
                   Phrase("I don't want to move school.", 5), Phrase("I want people to listen to me, not just talk about me.", 11),
                   Phrase("{name} was too young to say; we watched how they played and who they went to.", 0, 2))
PLAN_FAMILY_SAYS = ("{carer} said: this is the first plan I understand. I want the help with mornings.",
                    "{carer} said she agrees with most of it but does not want the police involved.",
                    "{carer} said: I know what I have to do now, and I want to show you I can.")
PLAN_REVIEW_NOTES = ("Things are calmer: {carer} has kept every appointment, and school say {name} is settling.",
                     "Some progress, but {name} was seen with a bruise last month; the plan carries on.",
                     "{carer} finished the course; the family want fewer visits now.")

# A child protection plan's core group meetings (``synthetic.protection``): what has changed against the plan (the
# first meeting starts the plan, later ones take it forward), how the child's views were heard, and who does what next.
CORE_GROUP_PROGRESS = {
    "first": ("The plan was gone through line by line with {carer}; everyone agreed who does what and by when.",
              "First meeting since the conference: {carer} has started the Freedom Programme and the visits are booked.",
              Phrase("{carer} has taken {name} to the health visitor's clinic; {name}'s weight is being checked every week.", 0, 4),
              School("School have set up a daily check-in for {name}; {carer} has agreed to ring if {name} will be absent.")),
    "later": ("{carer} has kept every appointment since the last meeting, and the home was warm and tidy at each visit.",
              "Some progress, but there was a police call-out to the address last month; the worries in the plan remain.",
              "{carer} missed two of the parenting sessions; she says mornings are still the hardest time.",
              Phrase("{name}'s weight is back on track and the health visitor has no new worries.", 0, 4),
              School("{name}'s attendance is {attendance}% this half term and staff say {name} seems more settled."),
              Phrase("{name} went missing overnight once since the last meeting and was found by police the next day.", 11)),
}
CORE_GROUP_CHILDS_VIEWS = (
    Phrase("Too young to say: at the visit {name} was settled, babbled and reached for {carer} for comfort.", 0, 2),
    Phrase("{name} showed the social worker a drawing of home and said the best bit is bath time with Mum.", 3, 7),
    Talking("{name} told the social worker on their own that home is calmer and there has been no shouting."),
    Phrase("{name} used the three houses tool with their teacher: worried about Mum being sad, happy about football.", 5, 11),
    Phrase("{name} came to part of the meeting and said they want fewer visits and more say in what happens.", 11),
    Phrase("{name} told their advocate they feel safer now but do not want Mum's ex-partner to come back.", 9),
)
CORE_GROUP_DECISIONS = (
    "Social worker to visit weekly and see {name}; {carer} to keep going to the group; next meeting in six weeks.",
    "Police to tell the social worker the next day about any call to the address; the plan carries on as it is.",
    Phrase("Health visitor to weigh {name} every fortnight and share the results; {carer} to keep the clinic appointments.", 0, 4),
    School("School to tell the social worker the same day if {name} is absent; {carer} to meet the designated safeguarding lead."),
    "Refer {carer} to the drug and alcohol service this week; social worker to go with her to the first appointment.",
    Phrase("Social worker to do direct work with {name} on keeping safe; school nurse to offer drop-in sessions.", 8),
)

# A partner agency's report for a child protection conference, in its own voice (police, health, school): what it
# knows, what worries it and what is going well.
REPORT_WHAT_WE_KNOW = {
    "police": ("Police have attended the address three times in the last year, the last a domestic incident with {name} at home.",
               "There are no convictions for either adult; one report of a disturbance at the address was not taken further."),
    "health": (Phrase("As health visitor I have seen {name} at home and in clinic; {name} has missed one developmental check.", 0, 4),
               Phrase("{name} is registered with the GP and the school nurse has seen them twice this year.", 5),
               "{carer} has been seen by her GP about low mood and has been referred to talking therapy."),
    "school": (School("{name}'s attendance this year is {attendance}%; staff have logged worries about hunger and tiredness."),
               School("{name} is in our school and has a trusted adult they talk to most mornings."),
               Phrase("{name} is not yet at school; our nursery has known the family since {name}'s older sibling was here.", 0, 3)),
}
REPORT_WORRIES = {
    "police": ("The risk of further domestic abuse is high on the DASH assessment; the partner still visits the home.",
               "Neighbours report adults coming and going late at night; we are worried about who is around {name}.",
               Phrase("{name} has been found with older young people known to police and we believe they are being exploited.", 11)),
    "health": (Phrase("{name}'s weight has dropped across two centiles and appointments are often missed.", 0, 4),
               "{carer}'s mental health is fragile and she has stopped taking her medication at times.",
               Phrase("{name} has told the school nurse they are not sleeping and feel anxious at home.", 8)),
    "school": (School("{name} often arrives hungry and without a coat, and is withdrawn in class."),
               School("{name} has said things at school about shouting at home that worry staff."),
               Phrase("{name} is collected late from nursery and has come in with nappy rash left untreated.", 0, 3)),
}
REPORT_GOING_WELL = {
    "police": ("{carer} called police herself at the last incident and has taken out a non-molestation order.",
               "There have been no calls to the address since the plan began."),
    "health": ("{carer} is warm with {name} and responds quickly when {name} is upset.",
               Phrase("{name} is up to date with immunisations and is meeting milestones.", 0, 5),
               Phrase("{name} has kept every appointment with the school nurse this term.", 5)),
    "school": (School("{name} has a good friendship group and is doing well in reading."),
               School("{carer} comes to every meeting at school and is open with staff."),
               Phrase("{name} is settled at nursery and plays happily with other children.", 0, 4)),
}
