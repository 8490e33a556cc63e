from django import forms

from journey.lib.forms import bounded

from .models import Document


class AttachForm(forms.Form):
    """The file and an optional description. Every rule about the file (chosen, empty, too big, its type) is the
    action's, so its message is the same wherever a document is attached."""

    file = forms.FileField(label="Upload a file", required=False, allow_empty_file=True)
    description = forms.CharField(
        label="Description (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, 'School report, summer term'.", **bounded(Document, "description", "Description"),
    )
