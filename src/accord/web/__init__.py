"""The web app: server-rendered pages with light progressive enhancement, and a versioned JSON
API, both over the same services. Every asset is served by the app itself."""

from accord.web.app import create_app

__all__ = ["create_app"]
