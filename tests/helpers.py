"""Small factories and probes shared by tests."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, func, select
from sqlmodel import SQLModel

from claims_app.db import session_scope


def table_counts(engine: Engine) -> dict[str, int]:
    """Row count of every table: compare before and after to prove nothing changed."""
    with session_scope(engine) as session:
        return {
            t.name: session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in SQLModel.metadata.sorted_tables
        }


def ingest_fixture(engine: Engine, name: str = "karun-field-updates-2021-03.txt") -> None:
    from claims_app.services.actors import Actor
    from claims_app.services.intake import ingest_document
    from tests.conftest import FIXTURE_PAGES

    with session_scope(engine, write=True) as s:
        ingest_document(
            s, data=(FIXTURE_PAGES / name).read_bytes(), origin=name,
            actor=Actor(name="tester"), max_bytes=2**24,
        )  # fmt: skip


def make_user(engine: Engine, name: str, role: str, password: str = "long-enough-pw"):
    """A user and the Actor that acts as them."""
    from claims_app.services.accounts import create_user
    from claims_app.services.actors import Actor

    with session_scope(engine, write=True) as s:
        user = create_user(s, username=name, password=password, role=role, actor=Actor("setup"))
    return user, Actor(name=name, user_id=user.id, role=role)


def make_users(engine: Engine, roles: dict[str, str]) -> dict[str, Any]:
    """Several users at once, {name: role} → {name: the Actor acting as them}."""
    return {name: make_user(engine, name, role)[1] for name, role in roles.items()}


PASSWORD = "long-enough-pw"
_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"|name="csrf_token" value="([^"]+)"')


def csrf_token(client, path: str = "/login") -> str:
    page = client.get(path).get_data(as_text=True)
    m = _CSRF.search(page)
    assert m, f"no CSRF token on {path}"
    return m.group(1) or m.group(2)


def login(client, username: str, password: str = PASSWORD):
    token = csrf_token(client)
    return client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token}
    )


def post(client, url: str, data: dict | None = None, **kwargs):
    """A form post as the browser sends it: with the page's CSRF token."""
    return client.post(url, data={**(data or {}), "csrf_token": csrf_token(client, "/claims")},
                       **kwargs)  # fmt: skip


def browser_login(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():  # the next page, loaded, before the test goes on
        page.get_by_role("button", name="Log in").click()


def judge(engine: Engine, claim_id: int, *, reviewer, verdict, sources=(), approver=None) -> None:
    """What a desk does to a claim: attach `sources`, give `verdict` and, with an
    `approver`, approve it; one transaction, through the services."""
    from claims_app.models import Claim
    from claims_app.services import review

    with session_scope(engine, write=True) as s:
        version = s.get(Claim, claim_id).version
        for source in sources:
            review.add_source(s, claim_id, version=version, actor=reviewer, source=source)
            version += 1
        review.give_verdict(s, claim_id, version=version, actor=reviewer, verdict=verdict)
        if approver is not None:
            review.approve(s, claim_id, version=version + 1, actor=approver)
