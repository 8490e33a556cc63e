"""Journey's own code lists for the person record. Each names its source and year; defined once, used everywhere.

The DfE's lists (ethnicity, disability and the census's other codes) are data in ``journey.codelists``."""
from django.db import models


class Sex(models.TextChoices):
    """Recorded sex, as Journey keeps it. The census's own codes (0 not known, 1 male, 2 female, 9 not specified) are
    the code list cin.sex, whose notes say how these four map onto them."""

    MALE = "M", "Male"
    FEMALE = "F", "Female"
    NOT_KNOWN = "U", "Not known"
    NOT_SPECIFIED = "X", "Not stated"


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
