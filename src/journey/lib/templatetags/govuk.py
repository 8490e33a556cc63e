"""Template tags that render Django form fields as GOV.UK Design System components.

``{% govuk_error_summary form %}`` and ``{% govuk_field form.name %}``: labels, hints, error messages,
``aria-describedby`` and the component markup come from the field, so every form looks and behaves alike.
"""
from django import forms, template
from django.template.loader import render_to_string

register = template.Library()


def _kind(field) -> str:
    widget = field.field.widget
    if getattr(widget, "is_govuk_date", False):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):  # before RadioSelect, which Django makes its base class
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


@register.simple_tag
def govuk_field(field, label_size: str = "s", width: str = "", heading: bool = False, conditional: str = ""):
    """Render one bound field. ``label_size`` is s, m, l or xl; ``width`` is a GOV.UK width class suffix."""
    return render_to_string(
        f"govuk/fields/{_kind(field)}.html",
        {"field": field, "label_size": label_size, "width": width, "heading": heading},
    )


@register.simple_tag
def govuk_error_summary(*forms_):
    errors = []
    for form in forms_:
        if form is None or not form.errors:
            continue
        for message in form.non_field_errors():
            errors.append({"text": message, "href": ""})
        for name, messages in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            anchor = bound.id_for_label or bound.auto_id
            if _kind(bound) == "date":
                anchor = f"{bound.auto_id}_0"
            elif _kind(bound) in {"radios", "checkboxes"}:
                anchor = f"{bound.auto_id}_0"
            for message in messages:
                errors.append({"text": message, "href": f"#{anchor}"})
    return render_to_string("govuk/error_summary.html", {"errors": errors})


@register.filter
def age_on(person, on):
    """``{{ person|age_on:today }}``: age in whole years on a date."""
    age = person.age_on(on)
    return "not known" if age is None else age


@register.filter
def nhs_number(value: str) -> str:
    """Show an NHS number as people read it aloud: '943 476 5919'."""
    digits = value or ""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 10 else digits
