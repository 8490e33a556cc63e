"""The OpenAPI schema and the interactive docs are public (they hold no record, and a partner's developers need
them before they hold a token); the schema lists every endpoint and says how to authenticate."""
from django.urls import URLPattern

from journey.api.urls import urlpatterns

DOCUMENTATION = {"openapi-json", "openapi-view", "api-root"}


def test_the_schema_is_served_without_signing_in(client, db):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Journey API"


def test_the_schema_lists_every_endpoint_the_api_serves(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]

    served = {
        "/api/" + str(p.pattern).replace("<", "{").replace(">", "}")
        for p in urlpatterns if isinstance(p, URLPattern) and p.name not in DOCUMENTATION
    }
    assert served == set(paths)
    assert {
        ("get", "/api/children"), ("get", "/api/children/{child_id}"), ("get", "/api/children/{child_id}/chronology"),
        ("post", "/api/contacts"), ("get", "/api/contacts/{contact_id}"),
    } <= {(method, path) for path, methods in paths.items() for method in methods}


def test_every_endpoint_needs_a_bearer_token(client, db):
    schema = client.get("/api/openapi.json").json()

    assert schema["components"]["securitySchemes"]["BearerToken"] == {"type": "http", "scheme": "bearer"}
    for methods in schema["paths"].values():
        for operation in methods.values():
            assert operation["security"] == [{"BearerToken": []}]


def test_the_interactive_docs_are_served_without_signing_in(client, db):
    response = client.get("/api/docs")

    assert response.status_code == 200
    assert "/api/openapi.json" in response.content.decode()


def test_the_interactive_docs_load_nothing_from_other_sites(client, db):
    """Everything comes from this site's own static files, so the Content Security Policy ('self') allows it."""
    page = client.get("/api/docs").content.decode()

    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "<script>" not in page
