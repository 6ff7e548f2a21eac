"""Settings from the environment, and nothing else.

Every setting has one name, read here once; the rest of the code takes a
Settings object (or the Flask config built from it) and never reads os.environ.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_INSTANCE = Path("instance")
DEFAULT_MAX_UPLOAD_MB = 20
DEV_SECRET = "dev-only-not-secret"
SECRET_FILE = "secret_key"  # in the instance folder; `claims init-secret` writes it


def default_database_url(instance: Path = DEFAULT_INSTANCE) -> str:
    return f"sqlite:///{(instance / 'claims.db').as_posix()}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    secret_key: str
    max_file_bytes: int = DEFAULT_MAX_UPLOAD_MB * 1024 * 1024
    instance_path: Path = field(default=DEFAULT_INSTANCE)
    # A claim taken but untouched this long goes back to the pool.
    assignment_minutes: float = 30.0
    # Who publishes the reviews (ClaimReview's author) and where the app is reached
    # (permalinks in exports made outside a request, e.g. by the CLI).
    org_name: str = "claims_app review desk"
    org_url: str = ""
    base_url: str = "http://127.0.0.1:5000"
    # Where the verified claims are published (the standalone report, put on a public
    # site): ClaimReview's url and the report's claim links point there, at the
    # claim's anchor, never at the desk, which needs a login. Empty: desk links.
    public_url: str = ""
    # Session cookies only over HTTPS: set when the app is served behind TLS.
    secure_cookies: bool = False
    # Login attempts per client address (Flask-Limiter syntax); a load test from one
    # machine raises it.
    login_rate_limit: str = "10 per minute"
    # Where the per-address counts live (Flask-Limiter storage URI): shared Redis for
    # several workers or machines; memory (one process, reset by a restart) otherwise.
    ratelimit_storage: str = "memory://"
    # Keys' prefix in that storage: two desks sharing one Redis keep their own counts.
    ratelimit_prefix: str = "claims_app"
    # Background jobs (worker.py): huey's SQLite storage in the instance folder when
    # empty; a Redis URL ("redis://127.0.0.1:6379/2") for a team's several machines.
    queue_url: str = ""
    # The queue's name in that store: two desks sharing one Redis keep their own jobs.
    queue_name: str = "claims_app"
    # Networks the source fetcher may reach although they are not public
    # (evidence/fetching.py: allowed_networks); empty in production.
    fetch_allow_private: str = ""

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        instance = Path(env.get("CLAIMS_INSTANCE", DEFAULT_INSTANCE))
        max_mb = float(env.get("CLAIMS_MAX_FILE_MB", DEFAULT_MAX_UPLOAD_MB))
        return cls(
            database_url=env.get("DATABASE_URL") or default_database_url(instance),
            secret_key=env.get("SECRET_KEY") or _secret_from(instance),
            max_file_bytes=int(max_mb * 1024 * 1024),
            instance_path=instance,
            assignment_minutes=float(env.get("CLAIMS_ASSIGNMENT_MINUTES", 30)),
            org_name=env.get("CLAIMS_ORG_NAME", "claims_app review desk"),
            org_url=env.get("CLAIMS_ORG_URL", ""),
            base_url=env.get("CLAIMS_BASE_URL", "http://127.0.0.1:5000").rstrip("/"),
            public_url=env.get("CLAIMS_PUBLIC_URL", "").strip(),
            secure_cookies=env.get("CLAIMS_SECURE_COOKIES", "").lower() in ("1", "yes", "true"),
            login_rate_limit=env.get("CLAIMS_LOGIN_RATE_LIMIT", "10 per minute"),
            ratelimit_storage=(
                env.get("CLAIMS_RATELIMIT_STORAGE") or env.get("REDIS_URL") or "memory://"
            ),
            ratelimit_prefix=env.get("CLAIMS_RATELIMIT_PREFIX", "claims_app"),
            queue_url=env.get("CLAIMS_QUEUE_URL", "").strip(),
            queue_name=env.get("CLAIMS_QUEUE_NAME", "claims_app").strip() or "claims_app",
            fetch_allow_private=env.get("CLAIMS_FETCH_ALLOW_PRIVATE", "").strip(),
        )


def _secret_from(instance: Path) -> str:
    path = instance / SECRET_FILE
    if path.is_file():
        return path.read_text(encoding="utf-8").strip() or DEV_SECRET
    return DEV_SECRET


def write_secret(instance: Path) -> tuple[Path, bool]:
    """A random secret key in the instance folder, readable by its owner only.
    Returns the path and whether it was created (an existing key is kept: replacing
    it would log everyone out)."""
    import secrets

    path = instance / SECRET_FILE
    if path.is_file():
        return path, False
    instance.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
    return path, True
