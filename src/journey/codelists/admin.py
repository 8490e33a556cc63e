"""Read-only pages for the code lists, registered on the administrators' site by ``journey.accounts.admin`` (this
app imports nothing above ``lib``). Who may read them is whoever that site admits; nobody adds, changes or deletes a
code here, since a code list changes only by migration (docs/decisions/0012-code-lists-are-data.md)."""
from django.contrib import admin

from .models import Code


class ReadOnly:
    admin_site: admin.AdminSite

    def has_module_permission(self, request) -> bool:
        return self.admin_site.has_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.admin_site.has_permission(request)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class CodeInline(ReadOnly, admin.TabularInline):
    model = Code
    fields = ["code", "label", "valid_from", "valid_to", "description"]
    extra = 0


class CodeListAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "key", "source_title", "source_version", "publisher"]
    search_fields = ["name", "key"]
    fields = ["key", "name", "source_title", "source_version", "publisher", "url", "notes"]
    inlines = [CodeInline]


class CodeAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["code", "label", "code_list", "valid_from", "valid_to"]
    list_filter = ["code_list"]
    search_fields = ["code", "label"]
    fields = ["code_list", "code", "label", "description", "valid_from", "valid_to", "position"]
