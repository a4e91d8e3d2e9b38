"""Rating scales: the verdicts a checker can give, their order, colours and values."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from desktop.core.errors import FactdeskError, NotFound
from desktop.core.models import NEUTRAL_COLOR, Claim, Rating, RatingScale

# (key, English label, colour, ClaimReview value). "Unverifiable" is a verdict, but not a
# point on the true/false line, so it carries no ratingValue.
#
# The colours, with NEUTRAL_COLOR, are chosen so that any two differ by CIEDE2000 ΔE ≥ 20
# both as seen and under simulated deuteranopia (the commonest colour blindness), and
# text on each (chips, badges, highlights) reaches WCAG 2 contrast 4.5:1. Lightness
# carries the order where hue fails the colour-blind eye: dark teal, light green, yellow,
# orange, red, dark red; Unverifiable violet, Not rated mid grey. Asserted in
# tests/test_verdict_colors.py; migration 0005 moves libraries off the old defaults.
DEFAULT_RATINGS: tuple[tuple[str, str, str, int | None], ...] = (
    ("true", "True", "#276e6b", 6),
    ("mostly-true", "Mostly true", "#99e7af", 5),
    ("mixed", "Mixed", "#fff407", 4),
    ("misleading", "Misleading", "#ea7013", 3),
    ("mostly-false", "Mostly false", "#b22001", 2),
    ("false", "False", "#630b20", 1),
    ("unverifiable", "Unverifiable", "#540eba", None),
)
DEFAULT_SCALE_NAME = "Factdesk default"
# "Not rated" (NEUTRAL_COLOR, defined with the Rating table whose default it is).


def ensure_default_scale(session: Session) -> RatingScale:
    """The library's default scale, created with the shipped ratings on first use."""
    scale = session.exec(select(RatingScale).where(RatingScale.is_default)).first()
    if scale is None:
        scale = session.exec(select(RatingScale).order_by(RatingScale.id)).first()
        if scale is not None:
            scale.is_default = True
        else:
            scale = RatingScale(name=DEFAULT_SCALE_NAME, is_default=True)
            session.add(scale)
            session.flush()
            for pos, (key, label, color, value) in enumerate(DEFAULT_RATINGS):
                session.add(
                    Rating(
                        scale_id=scale.id,
                        position=pos,
                        key=key,
                        label=label,
                        color=color,
                        value=value,
                    )
                )
        session.flush()
    return scale


def ratings(session: Session) -> list[Rating]:
    """The default scale's ratings, in order.

    Only reads: opening a library (desktop.core.store) already made sure the default
    scale exists, so exports and views in read sessions never write.
    """
    scale = session.exec(
        select(RatingScale).order_by(RatingScale.is_default.desc(), RatingScale.id)
    ).first()
    if scale is None:
        return []
    return list(
        session.exec(select(Rating).where(Rating.scale_id == scale.id).order_by(Rating.position))
    )


_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def check_color(color: str) -> str:
    """A colour as #rrggbb (what stylesheets, reports and the GUI all accept)."""
    if not isinstance(color, str) or not _COLOR.match(color.strip()):
        raise FactdeskError(f"colour {color!r} is not of the form #rrggbb")
    return color.strip().lower()


def find_rating(session: Session, label: str) -> Rating:
    """The rating called `label` (any case, or its key); NotFound lists the choices."""
    wanted = label.strip().casefold()
    choices = ratings(session)
    for rating in choices:
        if rating.label.casefold() == wanted or (rating.key and rating.key == wanted):
            return rating
    names = ", ".join(r.label for r in choices)
    raise NotFound(f"unknown verdict {label!r}; choose one of: {names}")


def add_rating(
    session: Session, *, label: str, color: str = NEUTRAL_COLOR, value: int | None = None
) -> Rating:
    """A new rating at the end of the default scale."""
    label = label.strip()
    if not label:
        raise FactdeskError("a rating needs a label")
    scale = ensure_default_scale(session)
    existing = ratings(session)
    if any(r.label.casefold() == label.casefold() for r in existing):
        raise FactdeskError(f"there is already a rating called {label!r}")
    rating = Rating(
        scale_id=scale.id,
        position=len(existing),
        label=label,
        color=check_color(color),
        value=value,
    )
    session.add(rating)
    session.flush()
    return rating


def update_rating(session: Session, rating_id: int, **changes) -> Rating:
    """Rename, recolour or revalue a rating (keys: label, color, value, description)."""
    rating = session.get(Rating, rating_id)
    if rating is None:
        raise NotFound(f"no rating with id {rating_id}")
    for name, value in changes.items():
        if name not in {"label", "color", "value", "description"}:
            raise TypeError(f"cannot change {name!r} of a rating")
        if name == "color":
            value = check_color(value)
        elif name == "label":
            value = (value or "").strip()
            if not value:
                raise FactdeskError("a rating needs a label")
        setattr(rating, name, value)
    session.add(rating)
    session.flush()
    return rating


def move_rating(session: Session, rating_id: int, new_position: int) -> None:
    """Put a rating at `new_position` in its scale, shifting the others."""
    rating = session.get(Rating, rating_id)
    if rating is None:
        raise NotFound(f"no rating with id {rating_id}")
    order = [r for r in ratings(session) if r.id != rating_id]
    order.insert(max(0, min(new_position, len(order))), rating)
    for pos, r in enumerate(order):
        r.position = pos
        session.add(r)
    session.flush()


def delete_rating(session: Session, rating_id: int, *, replacement_id: int | None = None) -> int:
    """Delete a rating; claims rated with it move to `replacement_id`, which is
    required when any claim uses it (a verdict is never dropped silently).

    Returns how many claims were moved.
    """
    rating = session.get(Rating, rating_id)
    if rating is None:
        raise NotFound(f"no rating with id {rating_id}")
    used = list(session.exec(select(Claim).where(Claim.rating_id == rating_id)))
    if used and replacement_id is None:
        raise FactdeskError(
            f"{len(used)} claim(s) are rated {rating.label!r}; choose a replacement verdict"
        )
    if replacement_id == rating_id:
        raise FactdeskError("a rating cannot replace itself")
    if replacement_id is not None and session.get(Rating, replacement_id) is None:
        raise NotFound(f"no rating with id {replacement_id}")
    for claim in used:
        claim.rating_id = replacement_id
        session.add(claim)
    session.delete(rating)
    session.flush()
    for pos, r in enumerate(ratings(session)):
        r.position = pos
        session.add(r)
    session.flush()
    return len(used)
