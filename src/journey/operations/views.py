from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .health import OK, run_checks


@login_not_required
@csrf_exempt  # it accepts no POST (405), so there is no form to protect, and a probe's POST is not a refusal to log
@never_cache
@require_http_methods(["GET", "HEAD"])
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer and monitoring: 200 when Journey can serve, 503 naming the check that fails. Open to
    anyone, so it says nothing but the checks' names and short reasons; it reads no record and writes no audit
    event."""
    checks = run_checks()
    healthy = all(answer == OK for answer in checks.values())
    return JsonResponse({"status": "ok" if healthy else "failing", "checks": checks}, status=200 if healthy else 503)
