"""Flask extensions, created once and bound to each app in create_app."""

from flask_htmx import HTMX

htmx = HTMX()  # reads the current request's HX-* headers; `if htmx:` in a view
