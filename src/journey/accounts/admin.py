"""The administrator's tools: agencies, teams and user accounts. No child data is reachable from here."""
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import Agency, Role, Team, User


def is_administrator(user) -> bool:
    return user.is_active and user.is_authenticated and user.role == Role.ADMINISTRATOR


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


site = AccountsAdminSite(name="accounts-admin")


@admin.register(Agency, site=site)
class AgencyAdmin(AdministratorOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "is_local_authority"]
    list_filter = ["kind", "is_local_authority"]
    search_fields = ["name"]


@admin.register(Team, site=site)
class TeamAdmin(AdministratorOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "agency", "manager"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["manager"]


@admin.register(User, site=site)
class UserAdmin(AdministratorOnly, DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "agency", "team", "is_active"]
    list_filter = ["role", "is_active", "agency__kind"]
    fieldsets = DjangoUserAdmin.fieldsets + (("Journey", {"fields": ("role", "job_title", "agency", "team")}),)
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (("Journey", {"fields": ("role", "job_title", "agency", "team", "email")}),)
    actions = ["deactivate"]

    @admin.action(description="Deactivate selected users (leavers)")
    def deactivate(self, request, queryset):
        queryset.update(is_active=False)
