from .context import serving


class AuditContextMiddleware:
    """Makes the signed-in user (and the request's address) the actor of every write captured during a request.

    Goes after AuthenticationMiddleware; the user is read when a write happens, so a sign-in part-way through a
    request is attributed to the user who signed in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with serving(request):
            return self.get_response(request)
