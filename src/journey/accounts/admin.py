"""The administrator's tools: agencies, teams and user accounts. No child data is reachable from here."""
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import Agency, Team, User


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_local_authority"]
    list_filter = ["kind", "is_local_authority"]
    search_fields = ["name"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "agency", "manager"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["manager"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "agency", "team", "is_active"]
    list_filter = ["role", "is_active", "agency__kind"]
    fieldsets = DjangoUserAdmin.fieldsets + (("Journey", {"fields": ("role", "job_title", "agency", "team")}),)
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (("Journey", {"fields": ("role", "job_title", "agency", "team", "email")}),)
    actions = ["deactivate"]

    def has_delete_permission(self, request, obj=None) -> bool:
        """Leavers are deactivated, never deleted, so their authorship stays on every record they wrote."""
        return False

    @admin.action(description="Deactivate selected users (leavers)")
    def deactivate(self, request, queryset):
        queryset.update(is_active=False)
