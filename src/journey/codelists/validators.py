"""The model field's rule: a value must be a code in its DfE list (in any year; the date's own rule is the action's)."""
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

from .lookup import exists


@deconstructible
class InCodeList:
    """Checks a code, or each code of a list of them (a child's disabilities), against the code list ``key``."""

    code = "not_in_code_list"

    def __init__(self, key: str, field_label: str) -> None:
        self.key = key
        self.field_label = field_label

    def __call__(self, value) -> None:
        for code in value if isinstance(value, (list, tuple)) else [value]:
            if code not in ("", None) and not exists(self.key, code):
                raise ValidationError(
                    f"{self.field_label} must be one of the codes in its DfE list, not %(value)r", code=self.code, params={"value": code}
                )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InCodeList) and (self.key, self.field_label) == (other.key, other.field_label)

    def __hash__(self) -> int:
        return hash((self.key, self.field_label))
