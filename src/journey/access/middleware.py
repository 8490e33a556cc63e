from django.shortcuts import render

from .rules import NoAccess


class NoAccessMiddleware:
    """Answers ``NoAccess`` anywhere with the same clear page, status 403, whether or not the record exists."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NoAccess):
            return render(request, "access/no_access.html", status=403)
        return None
