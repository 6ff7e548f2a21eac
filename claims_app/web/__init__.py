"""One blueprint per screen. Views read input, call one service, render."""

from flask import Flask, redirect, url_for


def register(app: Flask) -> None:
    from claims_app.web import documents

    app.register_blueprint(documents.bp)

    @app.get("/")
    def index():
        return redirect(url_for("documents.index"))
