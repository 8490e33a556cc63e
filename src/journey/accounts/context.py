from django.conf import settings


def authority(request) -> dict:
    return {"authority_name": settings.JOURNEY_AUTHORITY_NAME}
