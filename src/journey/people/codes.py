"""Code lists for the person record. Each names its source and year; defined once, used everywhere."""
from django.db import models


class Sex(models.TextChoices):
    """Source: DfE CIN census 2024-25, CS 'Gender' (recorded sex): 0 not known, 1 male, 2 female, 9 not specified."""

    MALE = "M", "Male"
    FEMALE = "F", "Female"
    NOT_KNOWN = "U", "Not known"
    NOT_SPECIFIED = "X", "Not stated"


class Ethnicity(models.TextChoices):
    """Source: DfE CIN census 2024-25 ethnicity codes (main categories)."""

    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Disability(models.TextChoices):
    """Source: DfE CIN census 2024-25 disability codes."""

    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Autism or Asperger syndrome"
    DDA = "DDA", "Other disability (Equality Act 2010)"


class RelationshipKind(models.TextChoices):
    """How one person stands to another, read as '<from> is the <kind> of <to>'."""

    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    STEP_PARENT = "step_parent", "Step-parent"
    PARENTS_PARTNER = "parents_partner", "Parent's partner"
    SIBLING = "sibling", "Sibling"
    HALF_SIBLING = "half_sibling", "Half-sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
    OTHER_RELATIVE = "other_relative", "Other relative"
    FOSTER_CARER = "foster_carer", "Foster carer"
    KINSHIP_CARER = "kinship_carer", "Kinship carer"
    OTHER_ADULT = "other_adult", "Other adult in the household"
    FAMILY_FRIEND = "family_friend", "Family friend"

    @classmethod
    def parental(cls) -> set[str]:
        return {cls.MOTHER, cls.FATHER, cls.STEP_PARENT}

    @classmethod
    def symmetric(cls) -> set[str]:
        return {cls.SIBLING, cls.HALF_SIBLING}


class HouseholdRole(models.TextChoices):
    CHILD = "child", "Child"
    PARENT = "parent", "Parent or carer"
    OTHER_ADULT = "other_adult", "Other adult"
