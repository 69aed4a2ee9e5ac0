"""The web explorer: ``create_app(db_path)`` serves views and their JSON twins (``vitagraph serve``)."""

from .app import create_app

__all__ = ["create_app"]
