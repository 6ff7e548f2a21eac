"""Synthetic bulletin pages, for building large databases (`claims demo-data`).

Pages look like the bulletins the app reads: a title, then items each under a
date line, with a headline and paragraphs of claims (tolls, injured,
displaced, detained, percentages) in varied wording, with qualifiers, places
named the ways reports name them, speakers and relative dates. Place and
speaker names are made up from syllables, so nothing here is anyone's text.
The same seed gives the same pages.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

_SYLLABLES = ("ka", "ro", "len", "dar", "mi", "sul", "ta", "bor", "e", "van", "nis", "hal",
              "ur", "mo", "zen", "ar", "li", "pe", "tor", "as")  # fmt: skip
_SPEAKERS = (
    "the local health directorate", "Local officials", "the regional civil defence",
    "Aid groups working in the area", "the UN humanitarian office", "a hospital director",
    "the district council", "Residents",
)  # fmt: skip
_QUALIFIERS = ("at least", "more than", "nearly", "about", "", "", "up to", "an estimated")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _place(rng: random.Random) -> str:
    name = _name(rng)
    return rng.choice((
        f"in the town of {name}", f"in {name} province", f"near {name}", f"in {name}",
        f"in the village of {name}", f"in northern {name}", f"in the {name} camp",
    ))  # fmt: skip


def _figure(rng: random.Random, low: int, high: int) -> str:
    qualifier = rng.choice(_QUALIFIERS)
    value = rng.randint(low, high)
    number = f"{value:,}" if value >= 1000 or rng.random() < 0.8 else _WORDS.get(value, str(value))
    return f"{qualifier} {number}".strip()


_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
          9: "nine", 10: "ten", 12: "twelve", 20: "twenty"}  # fmt: skip


def _when(rng: random.Random, day: date) -> str:
    back = day - timedelta(days=rng.randint(1, 6))
    return rng.choice((
        f"on {_WEEKDAYS[back.weekday()]}", "last week", f"on {back.day} {_MONTHS[back.month - 1]}",
        "", f"since {_MONTHS[(day.month - 2) % 12]}",
    ))  # fmt: skip


# {n}: a figure between the two bounds, with a qualifier; {where}, {when}, {who}.
_TEMPLATES = (
    ("{n} civilians were killed {where} {when}, {who} said.", 2, 90),
    ("{who} said {n} people were injured when shelling hit the market {where} {when}.", 3, 150),
    ("{n} people have been displaced {where} {when}, according to {who}.", 200, 40000),
    ("{who} reported that {n} people were detained {where} {when}.", 5, 400),
    ("{n} percent of households {where} have no clean water, {who} said.", 10, 90),
    ("Airstrikes damaged {n} schools and a hospital {where} {when}, {who} said.", 2, 30),
)


def _sentence(rng: random.Random, day: date) -> str:
    template, low, high = rng.choice(_TEMPLATES)
    text = template.format(n=_figure(rng, low, high), where=_place(rng), when=_when(rng, day),
                           who=rng.choice(_SPEAKERS))  # fmt: skip
    text = " ".join(text.split())
    return text[0].upper() + text[1:]


def page(rng: random.Random, items: int, start: date) -> tuple[str, int]:
    """One page of `items` dated items, newest first, and how many items it holds."""
    title = f"{_name(rng)} Monitoring Bulletin"
    lines = [title, ""]
    day = start
    for _ in range(items):
        lines += [f"{day.day} {_MONTHS[day.month - 1]} {day.year} In {title}", "",
                  f"{_name(rng)} {rng.choice(('Shelling', 'Displacement', 'Arrests', 'Strikes'))} "
                  f"Reported in {_name(rng)}", ""]  # fmt: skip
        for _ in range(rng.randint(1, 3)):
            paragraph = " ".join(_sentence(rng, day) for _ in range(rng.randint(1, 3)))
            lines += [paragraph, ""]
        day -= timedelta(days=rng.randint(0, 2))
    return "\n".join(lines), items


def pages(articles: int, *, per_page: int = 20, seed: int = 1) -> Iterator[tuple[str, str]]:
    """(name, text) of pages holding `articles` items in all."""
    rng = random.Random(seed)
    start, made, n = date(2024, 12, 31), 0, 0
    while made < articles:
        count = min(per_page, articles - made)
        text, _ = page(rng, count, start)
        n += 1
        yield f"synthetic/page-{seed}-{n:05d}.txt", text
        made += count
        start -= timedelta(days=count)
