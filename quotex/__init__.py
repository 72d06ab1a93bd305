"""quotex: who said what in Persian news articles.

    >>> import quotex
    >>> article = quotex.extract(text)        # an Article of plain dataclasses
    >>> article.quotes[0].speaker.name
"""

from quotex.model import Article, Entity, Person, Quote, Speaker

__version__ = "0.6.0"
__all__ = ["Article", "Entity", "Person", "Quote", "Speaker", "extract", "extract_many"]


def extract(text: str, source: str = "-", model_dir=None) -> Article:
    """Who said what in one article (models load on first call)."""
    from quotex.engine import extract as _extract

    return _extract(text, source=source, model_dir=model_dir)


def extract_many(items, model_dir=None, batch_size: int = 16):
    """`(source, text)` pairs in, Articles out, in order; Stanza runs in batches."""
    from quotex.engine import extract_many as _extract_many

    return _extract_many(items, model_dir=model_dir, batch_size=batch_size)
