"""quotex: who said what in Persian news articles.

    >>> import quotex
    >>> article = quotex.extract(text)        # an Article of plain dataclasses
    >>> article.quotes[0].speaker.name
"""

from quotex.model import Article, Entity, Person, Quote, Speaker

__version__ = "0.9.0"
__all__ = ["Article", "Entity", "Person", "Quote", "Speaker", "extract", "extract_many"]


def extract(text: str, source: str = "-", model_dir=None, min_confidence: float = 0.0) -> Article:
    """Who said what in one article (models load on first call); statements with a
    confidence below `min_confidence` are left out."""
    from quotex.engine import extract as _extract

    return _extract(text, source=source, model_dir=model_dir, min_confidence=min_confidence)


def extract_many(items, model_dir=None, batch_size: int = 16, min_confidence: float = 0.0):
    """`(source, text)` pairs in, Articles out, in order; Stanza runs in batches."""
    from quotex.engine import extract_many as _extract_many

    return _extract_many(items, model_dir=model_dir, batch_size=batch_size,
                         min_confidence=min_confidence)
