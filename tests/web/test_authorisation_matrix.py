"""Every route, every role, every method: the answer the role should get.

A route missing from EXPECTED fails the test, so a new route cannot ship
without someone deciding who may use it.
"""

import re

import pytest

from tests.helpers import csrf_token, ingest_fixture, login, make_user

ALL = frozenset({"reviewer", "editor", "auditor", "admin"})
REVIEWERS = frozenset({"reviewer", "editor"})
PUBLIC = "public"
# (endpoint, method) -> who may: PUBLIC (anyone, logged in or not) or a set of roles.
EXPECTED = {
    ("static", "GET"): PUBLIC,
    ("auth.login", "GET"): PUBLIC,
    ("auth.login", "POST"): PUBLIC,
    ("auth.logout", "POST"): ALL,
    ("index", "GET"): ALL,
    ("queue.index", "GET"): ALL,
    ("queue.take_next", "POST"): REVIEWERS,
    ("queue.bulk", "POST"): {"editor"},
    ("claims.workspace", "GET"): ALL,
    ("claims.edit_fields", "POST"): REVIEWERS,
    ("claims.add_source", "POST"): REVIEWERS,
    ("claims.remove_source", "POST"): REVIEWERS,
    ("evidence.copy_state", "GET"): ALL,
    ("evidence.kept_copy", "GET"): ALL,
    ("evidence.recheck", "POST"): REVIEWERS,
    ("claims.give_verdict", "POST"): REVIEWERS,
    ("claims.repeat_verdict", "POST"): REVIEWERS,
    ("claims.approve", "POST"): {"editor"},
    ("claims.send_back", "POST"): {"editor"},
    ("claims.dismiss", "POST"): REVIEWERS,
    ("claims.reopen", "POST"): REVIEWERS,
    ("claims.add_comment", "POST"): REVIEWERS,
    ("audit.claim_history", "GET"): ALL,
    ("audit.index", "GET"): {"auditor", "admin", "editor"},
    ("audit.download", "GET"): {"auditor", "admin", "editor"},
    ("documents.index", "GET"): ALL,
    ("documents.detail", "GET"): ALL,
    ("documents.article", "GET"): ALL,
    ("documents.upload", "POST"): REVIEWERS,
    ("incidents.index", "GET"): ALL,
    ("incidents.detail", "GET"): ALL,
    ("incidents.confirm", "POST"): REVIEWERS,
    ("incidents.split", "POST"): REVIEWERS,
    ("incidents.merge", "POST"): REVIEWERS,
    ("report.index", "GET"): ALL,
    ("report.download", "GET"): ALL,
    ("admin.users", "GET"): {"admin"},
    ("admin.add_user", "POST"): {"admin"},
    ("admin.set_role", "POST"): {"admin"},
    ("admin.set_active", "POST"): {"admin"},
}
ARGS = {"claim_id": 1, "source_id": 1, "user_id": 5, "document_id": 1, "article_id": 1,
        "filename": "app.css", "incident_id": 1}  # fmt: skip
USERS = {"reviewer": "amina", "editor": "ed", "auditor": "audrey", "admin": "root"}


def _routes(app):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def _url(rule) -> str:
    url = rule.rule
    for name in rule.arguments:
        if name == "fmt":
            value = re.search(r"any\(([a-z]+)", url).group(1)
            url = re.sub(r"<any\([^)]*\):fmt>", value, url)
        else:
            url = re.sub(rf"<(?:[a-z]+:)?{name}>", str(ARGS[name]), url)
    return url


def test_every_route_is_in_the_matrix(app):
    routes = {(rule.endpoint, method) for rule, method in _routes(app)}
    assert routes - set(EXPECTED) == set(), "a route nobody has decided who may use"
    assert set(EXPECTED) - routes == set(), "the matrix names a route that is gone"


@pytest.mark.parametrize("role", ["anonymous", "reviewer", "editor", "auditor", "admin"])
def test_each_role_gets_the_expected_answer(app, client, engine, role):
    ingest_fixture(engine)
    for r, name in USERS.items():
        make_user(engine, name, r)
    make_user(engine, "target", "reviewer")  # user 5: what the admin routes act on
    if role != "anonymous":
        assert login(client, USERS[role]).status_code == 302
    wrong = []
    for rule, method in sorted(_routes(app), key=lambda x: (x[0].rule, x[1])):
        if (rule.endpoint, method) == ("auth.logout", "POST"):
            continue  # would end this client's session: checked in test_security
        url = _url(rule)
        if method == "GET":
            response = client.get(url)
        else:
            token = csrf_token(client, "/login" if role == "anonymous" else "/claims")
            response = client.post(url, data={"csrf_token": token})
        allowed = EXPECTED[(rule.endpoint, method)]
        got = _outcome(response)
        response.close()  # static files are streamed from an open file
        if rule.endpoint == "auth.login" and response.status_code == 401:
            got = "ok"  # the form answered: no such login (empty fields), not "not allowed"
        want = ("ok" if allowed == PUBLIC or role in allowed
                else "login" if role == "anonymous" else "forbidden")  # fmt: skip
        if got != want:
            wrong.append(f"{role} {method} {url}: {got} ({response.status_code}), want {want}")
    assert wrong == []


def _outcome(response) -> str:
    location = response.headers.get("Location", "")
    if response.status_code in (301, 302, 303) and "/login" in location:
        return "login"
    if response.status_code in (401, 403):
        return "forbidden"
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    return "ok"
