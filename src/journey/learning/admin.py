"""The audit framework on the administrators' site: its name, version, whether new rounds may use it, its themes and
its grades in order. Registered here, onto ``journey.accounts.admin.site`` (imports point down). Nothing is deleted: a
framework out of use is marked so, and a changed framework is best made a new version, so that old audits keep
their meaning (decision record 0020)."""
from django.contrib import admin

from journey.accounts.admin import AdministratorOnly, is_administrator, site

from .audit_models import AuditFramework, AuditGrade, AuditTheme


class ByAdministrators:
    """An inline's permissions, as the site's: the administrator alone (an inline asks with the parent object)."""

    def has_view_permission(self, request, obj=None) -> bool:
        return is_administrator(request.user)

    def has_add_permission(self, request, obj=None) -> bool:
        return is_administrator(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return is_administrator(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ThemeInline(ByAdministrators, admin.TabularInline):
    model = AuditTheme
    fields = ["position", "name", "guidance"]
    extra = 1


class GradeInline(ByAdministrators, admin.TabularInline):
    model = AuditGrade
    fields = ["position", "name"]
    extra = 1


class AuditFrameworkAdmin(AdministratorOnly, admin.ModelAdmin):
    list_display = ["name", "version", "in_use"]
    fields = ["name", "version", "in_use"]
    inlines = [ThemeInline, GradeInline]


site.register(AuditFramework, AuditFrameworkAdmin)
