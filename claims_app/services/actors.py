"""Who is acting: a user in a request, or a person at the command line."""

from __future__ import annotations

import getpass
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str
    user_id: int | None = None
    request_id: str | None = None
    client_addr: str | None = None
    role: str | None = None  # a user's role; None for the command line and the system

    @classmethod
    def cli(cls) -> Actor:
        try:
            who = getpass.getuser()
        except (KeyError, OSError):  # no passwd entry, e.g. in some containers
            who = "unknown"
        return cls(name=f"cli:{who}")

    @classmethod
    def system(cls, what: str) -> Actor:
        return cls(name=f"system:{what}")
