"""Flask extensions, created once and bound to each app in create_app."""

from flask_htmx import HTMX
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

htmx = HTMX()  # reads the current request's HX-* headers; `if htmx:` in a view
login_manager = LoginManager()
# Every POST, form or htmx, must carry the session's token: forms in a hidden
# field, htmx in the X-CSRFToken header that base.html sets for the whole page.
csrf = CSRFProtect()
