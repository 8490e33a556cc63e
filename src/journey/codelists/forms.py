"""Form fields that offer a code list's codes. The choices are read when a form is shown or checked, never when
the form class is defined (which happens before the database is there), and only codes valid on ``on`` (today if
not given) are offered."""
from datetime import date
from functools import partial

from django import forms

from .lookup import choices


class CodeChoiceField(forms.ChoiceField):
    def __init__(self, key: str, *, on: date | None = None, **kwargs) -> None:
        self.key = key
        super().__init__(choices=partial(choices, key, on), **kwargs)


class CodeMultipleChoiceField(forms.MultipleChoiceField):
    def __init__(self, key: str, *, on: date | None = None, **kwargs) -> None:
        self.key = key
        super().__init__(choices=partial(choices, key, on), **kwargs)
