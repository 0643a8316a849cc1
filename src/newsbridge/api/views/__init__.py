"""Views: functions of (workspace, parameters) returning plain dicts, one module per page."""
from .actor import actor_view
from .article import article_view
from .common import Filters, NotFound, make_filters
from .listing import entities_view, links_view, quotes_view, story_view
from .network import network_view
from .search import search_view
from .timeline import timeline_view

__all__ = ["Filters", "NotFound", "make_filters", "search_view", "article_view", "actor_view", "timeline_view",
           "network_view", "entities_view", "quotes_view", "links_view", "story_view"]
