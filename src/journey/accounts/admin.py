"""The administrator's tools: agencies, teams and user accounts. No child data is reachable from here.

Every save goes through an account action (``accounts.actions``), so each change is audited as the administrator's
and the account rules hold here as everywhere: no administrator changes their own role, team, agency, flags or
permissions, or makes themselves a team's manager. The forms ask the same rules first, to show a clear error.
"""
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError

from journey.codelists.admin import CodeAdmin, CodeListAdmin
from journey.codelists.models import Code, CodeList

from . import actions
from .models import Agency, Team, User
from .rules import account_change_refusals, can_manage_accounts, team_change_refusal


def is_administrator(user) -> bool:
    return can_manage_accounts(user)


class AccountsAdminSite(admin.AdminSite):
    """Agencies, teams and accounts, for users whose role is administrator (not Django's is_staff flag), so that
    the one role that manages accounts is decided in one place."""

    site_header = "Journey administration"
    site_title = "Journey administration"
    index_title = "Agencies, teams and user accounts"

    def has_permission(self, request) -> bool:
        return is_administrator(request.user)


class AdministratorOnly:
    def has_module_permission(self, request) -> bool:
        return is_administrator(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_administrator(request.user)

    def has_add_permission(self, request) -> bool:
        return is_administrator(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return is_administrator(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        """Nothing is deleted here: leavers are deactivated, and agencies and teams stay on the records they wrote."""
        return False


def _with_refusals(form_class, refusals_of):
    """``form_class`` whose clean() also adds the errors ``refusals_of(form)`` returns ({field: message}), on the
    field where the form has it and on the whole form where it does not."""

    class Checked(form_class):
        def clean(self):
            cleaned = super().clean()
            for field, message in refusals_of(self).items():
                self.add_error(field if field in self.fields else None, message)
            return cleaned

    Checked.__name__ = form_class.__name__
    return Checked


site = AccountsAdminSite(name="accounts-admin")


@admin.register(Agency, site=site)
class AgencyAdmin(AdministratorOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "is_local_authority"]
    list_filter = ["kind", "is_local_authority"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change) -> None:
        actions.save_agency(obj, acting_user=request.user)


@admin.register(Team, site=site)
class TeamAdmin(AdministratorOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "agency", "manager"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["manager"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        before = obj.manager_id if obj is not None else None

        def refusals(form) -> dict[str, str]:
            manager = form.cleaned_data.get("manager")
            refusal = team_change_refusal(request.user, before, manager.pk if manager else None)
            return {"manager": refusal} if refusal else {}

        return _with_refusals(super().get_form(request, obj, change=change, **kwargs), refusals)

    def save_model(self, request, obj, form, change) -> None:
        actions.save_team(obj, acting_user=request.user)


@admin.register(User, site=site)
class UserAdmin(AdministratorOnly, DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "agency", "team", "unit_role", "is_active"]
    list_filter = ["role", "unit_role", "is_active", "agency__kind"]
    fieldsets = DjangoUserAdmin.fieldsets + (("Journey", {"fields": ("role", "job_title", "agency", "team", "unit_role", "partnership_member")}),)
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (("Journey", {"fields": ("role", "job_title", "agency", "team", "unit_role", "email")}),)
    actions = ["deactivate"]

    def get_form(self, request, obj=None, **kwargs):
        def refusals(form) -> dict[str, str]:
            return account_change_refusals(request.user, obj, form.changed_data)

        return _with_refusals(super().get_form(request, obj, **kwargs), refusals)

    def save_model(self, request, obj, form, change) -> None:
        """One action saves the account and its groups and permissions, so save_related does not set them again."""
        links = {name: form.cleaned_data[name] for name in actions.ACCOUNT_LINKS if name in form.cleaned_data}
        actions.save_account(obj, acting_user=request.user, **links)

    def save_related(self, request, form, formsets, change) -> None:
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description="Deactivate selected users (leavers)")
    def deactivate(self, request, queryset) -> None:
        try:
            done = actions.deactivate_accounts(list(queryset.order_by("pk")), acting_user=request.user)
        except ValidationError as refusal:
            self.message_user(request, " ".join(refusal.messages), level=messages.ERROR)
            return
        self.message_user(request, f"Deactivated {len(done)} user{'s' if len(done) != 1 else ''}")


# The DfE's code lists, read-only: they change only by migration (docs/decisions/0012-code-lists-are-data.md).
site.register(CodeList, CodeListAdmin)
site.register(Code, CodeAdmin)
