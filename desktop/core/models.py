"""The tables of a Factdesk library.

No `from __future__ import annotations` here: SQLModel resolves relationship types from
real annotations, so forward references are quoted instead.

Integer ids are what a person types on the command line; every row a report or an
annotation export names also has a `uid` (UUID4 hex) that stays the same when a library
is copied or its annotations are imported elsewhere. Offsets are code points.

Column types stay dialect-neutral (no SQLite- or PostgreSQL-only types) so the same
models and migrations serve the embedded database and a team server.
"""

import uuid
from datetime import UTC, date, datetime
from typing import Optional

from sqlalchemy import JSON, Column, Index, LargeBinary, UniqueConstraint
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, Relationship, SQLModel

CLAIM_STATUSES = ("draft", "review", "published")
STANCES = ("supports", "refutes", "context")
CLAIMANT_KINDS = ("", "person", "organization")


from desktop.core import audit as _audit  # noqa: E402,F401  (stamps created_by/updated_by)
from desktop.core import search_index as _search_index  # noqa: E402,F401  (keeps it in step)


def utcnow() -> datetime:
    """The time now, in UTC: every stamp in a library is UTC."""
    return datetime.now(UTC)


def new_uid() -> str:
    """A fresh stable identifier for export and import."""
    return uuid.uuid4().hex


def _stamps() -> dict:
    return {"sa_column_kwargs": {"onupdate": utcnow}}


class ClaimTag(SQLModel, table=True):
    """Which tags a claim carries."""

    __tablename__ = "claim_tag"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, ondelete="CASCADE")


class ClaimSource(SQLModel, table=True):
    """A source cited for a claim, with what it says about that claim."""

    __tablename__ = "claim_source"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    source_id: int = Field(foreign_key="source.id", primary_key=True, ondelete="CASCADE")
    position: int = 0
    stance: str = Field(default="context", max_length=16)
    excerpt: str = ""

    claim: "Claim" = Relationship(back_populates="source_links")
    source: "Source" = Relationship(back_populates="claim_links")


class RatingScale(SQLModel, table=True):
    """An ordered set of verdicts; one scale is the library's default."""

    __tablename__ = "rating_scale"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    is_default: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, **_stamps())

    ratings: list["Rating"] = Relationship(
        back_populates="scale",
        sa_relationship_kwargs={"order_by": "Rating.position", "cascade": "all, delete-orphan"},
    )


# The colour of "Not rated" and of a verdict given none (desktop.core.ratings explains it).
NEUTRAL_COLOR = "#94999c"


class Rating(SQLModel, table=True):
    """One verdict on a scale: its label, colour and ClaimReview value.

    `value` is the schema.org ratingValue; a rating outside the numeric scale (such as
    "Unverifiable") has none. `key` names the shipped default ratings so the GUI can show
    their labels in the user's language; ratings a user adds have no key.
    """

    __tablename__ = "rating"
    __table_args__ = (UniqueConstraint("scale_id", "label", name="uq_rating_scale_label"),)

    id: int | None = Field(default=None, primary_key=True)
    scale_id: int = Field(foreign_key="rating_scale.id", index=True, ondelete="CASCADE")
    position: int = 0
    key: str = Field(default="", max_length=40)
    label: str = Field(max_length=100)
    color: str = Field(default=NEUTRAL_COLOR, max_length=9)
    value: int | None = None
    description: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, **_stamps())

    scale: "RatingScale" = Relationship(back_populates="ratings")


class Article(SQLModel, table=True):
    """A text under check, stored once in the normal form of desktop.core.text.

    The title is also the text's first paragraph, so a claim made in a headline can be
    highlighted like any other. `headings` holds [paragraph index, level] pairs.
    """

    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, max_length=32, unique=True)
    title: str = Field(default="", max_length=1000)
    outlet: str = Field(default="", max_length=300)
    authors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    url: str = Field(default="", max_length=2000)
    published: date | None = None
    language: str = Field(default="", max_length=16)
    text: str = ""
    headings: list[list[int]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Transcripts: [paragraph index, speaker, start time in ms or -1] for each turn.
    turns: list[list] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default="[]"),
    )
    source_name: str = Field(default="", max_length=1000)
    content_hash: str = Field(default="", max_length=64, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, **_stamps())

    claims: list["Claim"] = Relationship(
        back_populates="article",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Claim.id"},
    )
    highlights: list["Highlight"] = Relationship(
        back_populates="article",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "viewonly": False},
    )


class Claim(SQLModel, table=True):
    """A checkable statement found in an article, and the checker's verdict on it."""

    __tablename__ = "claim"
    # Every UPDATE says "WHERE version = <the version read>": a concurrent change by
    # another checker makes it match no row (StaleDataError) instead of being overwritten.

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, max_length=32, unique=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    text: str = ""
    claimant: str = Field(default="", max_length=300)
    claimant_kind: str = Field(default="", max_length=16)
    claim_date: date | None = None
    appearance_url: str = Field(default="", max_length=2000)
    rating_id: int | None = Field(
        default=None, foreign_key="rating.id", index=True, ondelete="RESTRICT"
    )
    rationale: str = ""
    status: str = Field(default="draft", max_length=16)
    # When the status last became "published" (ClaimReview's datePublished); cleared
    # when it leaves it, so an undone publication leaves no date behind.
    published_at: datetime | None = None
    checker: str = Field(default="", max_length=200)
    # The article version the verdict was reached on (ArticleVersion.number); None while
    # the article has only ever had one version.
    checked_version: int | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, **_stamps())
    created_by: str = Field(default="", max_length=200)
    updated_by: str = Field(default="", max_length=200)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})

    article: "Article" = Relationship(back_populates="claims")
    rating: Optional["Rating"] = Relationship()
    highlights: list["Highlight"] = Relationship(
        back_populates="claim",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Highlight.start"},
    )
    tags: list["Tag"] = Relationship(link_model=ClaimTag)
    source_links: list["ClaimSource"] = Relationship(
        back_populates="claim",
        sa_relationship_kwargs={
            "cascade": "all, delete-orphan",
            "order_by": "ClaimSource.position",
        },
    )


class Highlight(SQLModel, table=True):
    """A span of an article's text that a claim rests on.

    start/end are code points (W3C TextPositionSelector); exact/prefix/suffix are the
    W3C TextQuoteSelector that lets the span be found again when the text changes.
    `anchor` says how it was last placed: "exact", "quote", "fuzzy" (placed on
    similar text; a person should look) or "orphan" (not found; start/end are stale).
    """

    __tablename__ = "highlight"
    # Covering what the article pane paints (core.views.highlight_spans): index-only reads.
    __table_args__ = (
        Index("ix_highlight_spans", "article_id", "start", "end", "claim_id", "anchor"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, max_length=32, unique=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    anchor: str = Field(default="exact", max_length=16)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, **_stamps())
    created_by: str = Field(default="", max_length=200)
    updated_by: str = Field(default="", max_length=200)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})

    article: "Article" = Relationship(back_populates="highlights")
    claim: "Claim" = Relationship(back_populates="highlights")


class Source(SQLModel, table=True):
    """A document that supports, refutes or gives context to claims."""

    __tablename__ = "source"

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, max_length=32, unique=True)
    url: str = Field(default="", max_length=2000, index=True)
    title: str = Field(default="", max_length=1000)
    publisher: str = Field(default="", max_length=300)
    author: str = Field(default="", max_length=300)
    published: date | None = None
    accessed: date | None = None
    archive_url: str = Field(default="", max_length=2000)
    notes: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, **_stamps())
    created_by: str = Field(default="", max_length=200)
    updated_by: str = Field(default="", max_length=200)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})

    claim_links: list["ClaimSource"] = Relationship(back_populates="source")


class Tag(SQLModel, table=True):
    """A free label a checker puts on claims (topic, campaign, desk)."""

    __tablename__ = "tag"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)


class LibraryState(SQLModel, table=True):
    """One row counting committed actions, so any program can tell, with one cheap read,
    whether someone else changed the library since it last looked."""

    __tablename__ = "library_state"

    id: int = Field(default=1, primary_key=True)
    changes: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class SentenceScores(SQLModel, table=True):
    """An article's check-worthiness scores, kept apart so article rows stay light.

    `spans` holds [start, end, score in thousandths] for every sentence of the text whose
    hash is `content_hash`; a different hash or model means the scores are stale.
    """

    __tablename__ = "sentence_scores"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    model: str = Field(default="", max_length=40)
    content_hash: str = Field(default="", max_length=64)
    spans: list[list[int]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, **_stamps())


class SuggestionDismissal(SQLModel, table=True):
    """A suggested sentence the checker marked "Not a claim"; matched by its text, so the
    dismissal survives edits elsewhere in the article."""

    __tablename__ = "suggestion_dismissal"
    __table_args__ = (UniqueConstraint("article_id", "quote"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    quote: str = Field(max_length=4000)
    created_at: datetime = Field(default_factory=utcnow)
    created_by: str = Field(default="", max_length=200)


class ReferenceCheck(SQLModel, table=True):
    """A fact-check published by another newsroom (imported ClaimReview), kept apart from
    the library's own claims: it answers "checked already?" and is never exported as ours.
    Its review URL identifies it, so importing the same feed twice adds nothing."""

    __tablename__ = "reference_check"

    id: int | None = Field(default=None, primary_key=True)
    claim_text: str = ""
    claimant: str = Field(default="", max_length=500)
    claim_date: date | None = None
    rating: str = Field(default="", max_length=500)
    publisher: str = Field(default="", max_length=500)
    review_url: str = Field(max_length=2000, unique=True)
    headline: str = Field(default="", max_length=2000)
    language: str = Field(default="", max_length=20)
    review_date: date | None = None
    created_at: datetime = Field(default_factory=utcnow)


class ArticleVersion(SQLModel, table=True):
    """One version of an article's text, as it was retrieved; never altered nor deleted.

    An article that never changed has no rows: its one version is the article itself.
    When a second version arrives, row 1 is written from the article as it was, row 2
    from the new text, and the article's own text becomes the newest version's.
    """

    __tablename__ = "article_version"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    number: int
    title: str = Field(default="", max_length=1000)
    text: str = ""
    headings: list[list[int]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    turns: list[list] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    content_hash: str = Field(default="", max_length=64)
    # Where this version came from: the URL fetched again, a file name, or "" for pasted.
    origin: str = Field(default="", max_length=2000)
    retrieved_at: datetime = Field(default_factory=utcnow)
    created_by: str = Field(default="", max_length=200)


class VersionAnchor(SQLModel, table=True):
    """Where a highlight sat in one version of its article, and how it was placed there:
    the claim keeps its anchor in the version it was checked against while the
    highlight itself follows the newest text."""

    __tablename__ = "version_anchor"

    highlight_id: int = Field(foreign_key="highlight.id", primary_key=True, ondelete="CASCADE")
    number: int = Field(primary_key=True)
    start: int
    end: int
    exact: str = ""
    anchor: str = Field(default="exact", max_length=16)
    # Set once the checker has looked at a moved, reworded or orphaned placement.
    confirmed: bool = False


class SourceCapture(SQLModel, table=True):
    """What a source's address returned when captured (or a file attached as its capture).

    `body` is the raw response, capped (`truncated` says so); `size` and `sha256` are of
    the whole body as received. The body is kept as data, never rendered.
    """

    __tablename__ = "source_capture"

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    requested_url: str = Field(default="", max_length=2000)
    final_url: str = Field(default="", max_length=2000)
    status: int | None = None
    content_type: str = Field(default="", max_length=200)
    headers: list[list[str]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    body: bytes = Field(default=b"", sa_column=Column(LargeBinary, nullable=False))
    truncated: bool = False
    size: int = 0
    sha256: str = Field(default="", max_length=64)
    title: str = Field(default="", max_length=1000)
    text: str = ""
    file_name: str = Field(default="", max_length=1000)
    error: str = ""
    retrieved_at: datetime = Field(default_factory=utcnow)
    created_by: str = Field(default="", max_length=200)
