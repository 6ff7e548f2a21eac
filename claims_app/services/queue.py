"""The claims queue: filters, sort orders and keyset pagination.

Pages are cut by the last row's sort key (a cursor), never by OFFSET: the
database reads one index range per page however deep the reviewer scrolls,
and rows arriving meanwhile do not shift the pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import and_, false, func, or_, text, tuple_
from sqlmodel import Session, col, select

from claims_app.models import (
    MAX_ID,
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    PlaceName,
    User,
    Verdict,
)
from claims_app.services.catalogue import NO_BODY, OPENING
from claims_app.services.filters import check_dates, contains, is_id

PAGE_SIZE = 50
SORTS = {
    "worthiness": "most check-worthy first",
    "event_date": "latest event first",
    "newest": "newest first",
}


# Saved views: the queue as a to-do list. Each is a condition on top of the filters.
VIEWS = {
    "todo": "To do",
    "mine": "Mine",
    "approval": "Awaiting my approval",
    "second_look": "Needs a second look",
    "all": "All",
}
_OPEN = (ClaimStatus.NEW.value, ClaimStatus.IN_REVIEW.value)


def views_for(role: str) -> list[str]:
    """The views a role works from, the first its default."""
    if role == "editor":
        return ["todo", "approval", "mine", "second_look", "all"]
    if role == "reviewer":
        return ["todo", "mine", "second_look", "all"]
    return ["all"]  # auditors and admins read; nothing waits on them


def view_conditions(view: str, user_id: int | None) -> list[Any]:
    """ "To do": new claims, and the open ones that are mine; "Awaiting my approval":
    reviewed by someone else; "Needs a second look": sent back to me."""
    if view == "todo":
        mine = and_(Claim.status == ClaimStatus.IN_REVIEW.value, Claim.assignee_id == user_id)
        return [or_(Claim.status == ClaimStatus.NEW.value, mine)]
    if view == "mine":
        return [Claim.assignee_id == user_id, col(Claim.status).in_(_OPEN)]
    if view == "approval":
        by_me = (
            select(Verdict.id)
            .where(Verdict.claim_id == Claim.id, col(Verdict.current))
            .where(Verdict.given_by_id == user_id)
        )
        return [Claim.status == ClaimStatus.REVIEWED.value, ~by_me.exists()]
    if view == "second_look":
        return [
            Claim.status == ClaimStatus.IN_REVIEW.value,
            col(Claim.sent_back_at).is_not(None),
            Claim.assignee_id == user_id,
        ]
    return []


# Counted exactly up to this many, then shown as "1,000+": an exact count reads
# every row of the view, on every page of the queue (at 100,000 new claims on
# PostgreSQL, 80 ms of a 150 ms page; at a million, counting up to 10,000 still
# took 11 ms), and nobody works differently for knowing it is 912,344 rather
# than "over 1,000".
COUNT_CAP = 1_000


def _capped_count(session: Session, conditions: list[Any]) -> int:
    """How many claims meet the conditions, counted up to COUNT_CAP + 1."""
    rows = select(Claim.id).where(*conditions).limit(COUNT_CAP + 1)
    return session.exec(select(func.count()).select_from(rows.subquery())).one()


def conflict_count(session: Session) -> int:
    """Figures that disagree with another report of their incident (up to COUNT_CAP + 1)."""
    return _capped_count(session, [col(Claim.figure_conflict)])


def view_counts(session: Session, role: str, user_id: int | None) -> dict[str, int]:
    """How many claims each of the role's views holds (before any other filter),
    up to COUNT_CAP + 1 (more than COUNT_CAP: say so, not how many)."""
    views = views_for(role)
    return {view: _capped_count(session, view_conditions(view, user_id)) for view in views}


class QueueError(ValueError):
    """A queue filter or page link that cannot be read; the message names it."""


@dataclass(frozen=True)
class QueueFilter:
    """What the reviewer asked for; every field round-trips through the URL."""

    view: str = "todo"
    status: str = ""
    kind: str = ""
    category: str = ""
    location: str = ""
    document: str = ""
    assignee: str = "anyone"  # me | nobody | anyone
    date_from: str = ""
    date_to: str = ""
    q: str = ""
    conflict: str = ""  # "1": only figures that disagree with another report of their incident
    sort: str = "worthiness"

    @classmethod
    def from_args(cls, args: Any, *, view: str = "todo") -> QueueFilter:
        """The filter the URL asks for; `view` when it names none (the role's default)."""
        values = {f.name: (args.get(f.name) or "").strip() for f in fields(cls)}
        values["view"] = values["view"] or view
        values["assignee"] = values["assignee"] or "anyone"
        values["sort"] = values["sort"] or "worthiness"
        found = cls(**values)
        found.check()
        return found

    def check(self) -> None:
        if self.view not in VIEWS:
            raise QueueError(f"unknown view {self.view!r}")
        if self.status and self.status not in {s.value for s in ClaimStatus}:
            raise QueueError(f"unknown status {self.status!r}")
        if self.kind and self.kind not in {k.value for k in ClaimKind}:
            raise QueueError(f"unknown kind {self.kind!r}")
        if self.assignee not in ("me", "nobody", "anyone"):
            raise QueueError("assignee must be me, nobody or anyone")
        if self.sort not in SORTS:
            raise QueueError(f"unknown sort {self.sort!r}")
        if self.document and not is_id(self.document):
            raise QueueError("document must be a document number")
        if self.conflict not in ("", "1"):
            raise QueueError("conflicting figures is a box to tick (1) or leave empty")
        check_dates(QueueError, "event date", self.date_from, self.date_to)

    def as_args(self) -> dict[str, str]:
        """The non-default fields, for links that keep the view."""
        default = QueueFilter()
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) != getattr(default, f.name)
        }

    def with_sort(self, sort: str) -> QueueFilter:
        return replace(self, sort=sort)


@dataclass(frozen=True)
class QueueRow:
    claim: Claim
    article: Article  # without its body: see OPENING
    assignee: str | None
    opening: str  # the article's first characters, for a label when it has no title


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    next_cursor: str | None


def queue_page(
    session: Session, wanted: QueueFilter, *, user_id: int | None, after: str | None = None
) -> QueuePage:
    query = (
        select(Claim, Article, User.username)
        .join(Article, Article.id == Claim.article_id)
        .join(User, User.id == Claim.assignee_id, isouter=True)
        # An article's body can be megabytes, and a sort carries every column it
        # returns: one 0.3 MB article's 5,000 claims took 3.8 s to sort with it.
        .options(NO_BODY)
    )
    dialect = session.get_bind().dialect.name
    ranges = [[r] for r in _after(wanted.sort, after)] if after else [[]]
    plain = _conditions(wanted, user_id)
    if wanted.location:
        names = _place_names(session, wanted.location)
        if not names:
            return QueuePage([], None)  # no claim names such a place
        if len(names) <= PLACE_NAMES_MAX:  # then a filter like any other
            plain.append(Claim.location.in_(names))  # type: ignore[union-attr]
            wanted = replace(wanted, location="")  # no longer a text filter
    query = query.order_by(*_order(wanted.sort)).limit(PAGE_SIZE + 1)
    found: list[Any] = []
    for cursor in ranges:  # in sort order, each an index range: read on until a page is full
        found += _read(session, query.where(*cursor), plain, wanted, cursor, dialect)
        if len(found) > PAGE_SIZE:
            break
    page = found[:PAGE_SIZE]
    openings = _openings(session, {a.id for _, a, _ in page})
    rows = [QueueRow(c, a, name, openings[a.id]) for c, a, name in page]
    more = len(found) > PAGE_SIZE
    return QueuePage(rows, _cursor(wanted.sort, rows[-1].claim) if more else None)


def _openings(session: Session, article_ids: set[int]) -> dict[int, str]:
    """The first characters of each article, read once for the page's rows."""
    if not article_ids:
        return {}
    found = select(Article.id, func.substr(Article.body, 1, OPENING)).where(
        Article.id.in_(article_ids)  # type: ignore[union-attr]
    )
    return dict(session.exec(found).all())


def _read(
    session: Session, query: Any, plain: list[Any], wanted: QueueFilter, cursor: list[Any],
    dialect: str,
) -> list[Any]:  # fmt: skip
    # SQLite keeps no statistics by default, so it takes any equality filter's
    # index as the narrow one (kind = numeric: every row, then a sort). PostgreSQL
    # knows those columns' values and plans plain filters well on its own.
    if wanted.q or wanted.location or (dialect == "sqlite" and plain):
        return _walk_first(session, query, plain, wanted, cursor, dialect)
    return session.exec(query.where(*plain)).all()


# A database guesses how many rows a filter keeps, and a wrong guess costs
# seconds, not milliseconds: told that a word no claim has is merely rare,
# PostgreSQL walks the whole sort index looking for a page; SQLite, told
# nothing, reads every numeric claim through the kind index and sorts them.
# So such filters never steer the plan. The queue finds the WALK_LIMIT-th row
# in sort order, walks the sort index only that far testing every filter, and
# is done if that fills a page; otherwise matches are rare (fewer than one in a
# hundred), and fetching them all through the filters' indexes and sorting
# them is cheap. Each step is bounded.
WALK_LIMIT = 5000
_WALK_SORT_INDEX = {"enable_bitmapscan": "off", "enable_seqscan": "off", "enable_sort": "off"}
_FETCH_AND_SORT = {"enable_indexscan": "off", "enable_indexonlyscan": "off"}
_SORT_KEYS = {
    "worthiness": (Claim.check_worthiness, Claim.id),
    "event_date": (Claim.event_date_start, Claim.id),
    "newest": (Claim.id,),
}


def _walk_first(
    session: Session,
    query: Any,
    plain: list[Any],
    wanted: QueueFilter,
    cursor: list[Any],
    dialect: str,
) -> list:
    # The bound ignores the filters: a plain walk of the sort index, never a sort.
    bound = select(*_SORT_KEYS[wanted.sort]).where(*cursor).order_by(*_order(wanted.sort))
    last = session.execute(bound.offset(WALK_LIMIT).limit(1)).first()  # a row, even of one key
    walk = query if last is None else query.where(*_up_to(wanted.sort, last))
    if dialect == "postgresql":
        filters = [*plain, *_text_conditions(wanted, dialect)]
        with _planner(session, _WALK_SORT_INDEX):
            found = session.exec(walk.where(*filters)).all()
    else:
        filters = [*plain, *_text_conditions(wanted, dialect, walking=True)]
        found = session.exec(walk.where(*(_tested_per_row(f) for f in filters))).all()
    if last is None or len(found) > PAGE_SIZE:
        return found  # the walk saw every candidate, or filled a page
    fetch = query.where(*plain, *_text_conditions(wanted, dialect))
    if dialect != "postgresql":
        return session.exec(fetch).all()
    with _planner(session, _FETCH_AND_SORT):
        return session.exec(fetch).all()


def _tested_per_row(condition: Any) -> Any:
    """The condition as SQLite can only test row by row, never read through an index.

    likely() was not enough: told a status OR keeps most rows, SQLite still read
    both statuses through their index and sorted them, every row of a tie in the
    sort key (100,000 claims of one document with two worthiness values: 33 ms
    instead of under 1). coalesce() is opaque to its planner, so the walk reads
    the sort's own index and nothing else."""
    return func.coalesce(condition, false())


def _up_to(sort: str, last: Any) -> list[Any]:
    """Rows sorting no later than `last`, as a range the sort index can stop at
    (the leading column's bound too, so no index but the sort's own fits better)."""
    if sort == "newest":
        return [Claim.id >= last.id]  # type: ignore[operator]
    if sort == "worthiness":
        key = (Claim.check_worthiness, last.check_worthiness)
    elif last.event_date_start is None:  # undated come last: every dated row, then these
        return [or_(Claim.event_date_start.is_not(None), Claim.id >= last.id)]  # type: ignore[union-attr, operator]
    else:
        key = (Claim.event_date_start, last.event_date_start)
    return [key[0] >= key[1], tuple_(key[0], Claim.id) >= (key[1], last.id)]


@contextmanager
def _planner(session: Session, settings: dict[str, str]) -> Iterator[None]:
    """Planner settings for one statement (SET LOCAL, then back to the default)."""
    for name, value in settings.items():
        session.execute(text("SELECT set_config(:n, :v, true)"), {"n": name, "v": value})
    try:
        yield
    finally:
        for name in settings:
            session.execute(text(f"SET LOCAL {name} TO DEFAULT"))


def _conditions(wanted: QueueFilter, user_id: int | None) -> list[Any]:
    """The filters an ordinary index serves, and whose selectivity the database knows."""
    out: list[Any] = view_conditions(wanted.view, user_id)
    if wanted.status:
        out.append(Claim.status == wanted.status)
    if wanted.kind:
        out.append(Claim.kind == wanted.kind)
    if wanted.category:
        out.append(Claim.category == wanted.category)
    if wanted.document:
        out.append(Article.document_id == int(wanted.document))
    if wanted.conflict:
        out.append(col(Claim.figure_conflict))
    if wanted.assignee == "me":
        out.append(Claim.assignee_id == user_id)
    elif wanted.assignee == "nobody":
        out.append(Claim.assignee_id.is_(None))  # type: ignore[union-attr]
    if wanted.date_from:  # the claim's period overlaps the range asked for
        start = date.fromisoformat(wanted.date_from)
        out.append(or_(Claim.event_date_end >= start, Claim.event_date_start >= start))  # type: ignore[operator]
    if wanted.date_to:
        out.append(Claim.event_date_start <= date.fromisoformat(wanted.date_to))  # type: ignore[operator]
    return out


def _text_conditions(wanted: QueueFilter, dialect: str, *, walking: bool = False) -> list[Any]:
    """Search, and "place contains" when too many places hold the text to name
    them: text indexes serve these, but only guesses say how many rows they keep
    (see _walk_first). On SQLite search is a list of candidate ids from FTS5,
    which a walk of the sort index tests row by row (`walking`), and a fetch
    reads first."""
    out: list[Any] = []
    if wanted.location:
        out.append(contains(Claim.location, wanted.location))
    if wanted.q:
        out.append(_matches(wanted.q, dialect, walking=walking))
    return out


# More names than this, and "place contains" stays a text filter: the text is
# then in so many places that a walk of the sort order soon fills a page.
PLACE_NAMES_MAX = 1000


def _place_names(session: Session, place: str) -> list[str]:
    """The places claims name that hold `place` (a few thousand rows to read, kept
    by triggers, migration 0005), up to one more than PLACE_NAMES_MAX."""
    found = select(PlaceName.name).where(contains(PlaceName.name, place))
    return list(session.exec(found.limit(PLACE_NAMES_MAX + 1)))


# The stored tsvector of quote and sentence (migration 0004), GIN-indexed.
PG_DOCUMENT = "claims.search_vector"


def _matches(query: str, dialect: str, *, walking: bool = False) -> Any:
    """Full-text search over quote and sentence, every word required, stemmed
    ("civilians" finds "civilian"), through the database's own index."""
    words = re.findall(r"\w+", query)
    if not words:
        return false()
    if dialect == "postgresql":
        return text(f"{PG_DOCUMENT} @@ plainto_tsquery('english', :q)").bindparams(
            q=" ".join(words)
        )
    phrase = " ".join(f'"{w}"' for w in words)  # quoted: FTS5 operators are just words
    fts = text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q").bindparams(q=phrase)
    # `id + 0` is no column: SQLite then cannot start from the list of matches,
    # and tests each row the walk reads against it instead.
    return ((Claim.id + 0) if walking else Claim.id).in_(fts)  # type: ignore[operator, union-attr]


def _order(sort: str) -> list[Any]:
    if sort == "worthiness":
        # Ties newest first, the order "Take next claim" hands them out in: both
        # columns descending, so the index is read backwards and nothing is sorted.
        return [Claim.check_worthiness.desc(), Claim.id.desc()]  # type: ignore[attr-defined, union-attr]
    if sort == "event_date":
        # Undated claims last: SQLite's default for DESC, PostgreSQL's with NULLS
        # LAST; an index gives this order on each (migration 0005).
        return [
            Claim.event_date_start.desc().nulls_last(),  # type: ignore[union-attr]
            Claim.id.desc(),  # type: ignore[union-attr]
        ]
    return [Claim.id.desc()]  # type: ignore[union-attr]


def _cursor(sort: str, last: Claim) -> str:
    if sort == "worthiness":
        return f"{last.check_worthiness:.4f}~{last.id}"
    if sort == "event_date":
        day = last.event_date_start.isoformat() if last.event_date_start else "none"
        return f"{day}~{last.id}"
    return str(last.id)


def _after(sort: str, cursor: str) -> list[Any]:
    """The rows after a page link's cursor, as index ranges in sort order."""
    try:
        if sort == "newest":
            if not 0 <= int(cursor) <= MAX_ID:
                raise ValueError(cursor)
            return [Claim.id < int(cursor)]
        key, _, raw_id = cursor.partition("~")
        last_id = int(raw_id)
        if not 0 <= last_id <= MAX_ID:
            raise ValueError(raw_id)
        # Row values, (a, b) < (x, y), which both databases read as one index
        # range starting at the cursor; an OR of the same tests made them read
        # from the top of the index, or through another index and sort.
        if sort == "worthiness":
            score = round(float(key), 4)
            return [and_(
                Claim.check_worthiness <= score,  # the leading column's bound, spelt out
                tuple_(Claim.check_worthiness, Claim.id) < (score, last_id),
            )]  # fmt: skip
        if key == "none":
            return [and_(Claim.event_date_start.is_(None), Claim.id < last_id)]  # type: ignore[union-attr]
        day = date.fromisoformat(key)
        # The rest of the dated claims, then every undated one (they sort last).
        undated = Claim.event_date_start.is_(None)  # type: ignore[union-attr]
        return [tuple_(Claim.event_date_start, Claim.id) < (day, last_id), undated]
    except ValueError:
        raise QueueError("that page link is broken: start from the first page") from None
