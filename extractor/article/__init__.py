"""Article stage: HTML or plain text -> clean article text and metadata.

trafilatura finds the main text; JSON-LD and meta tags (read with BeautifulSoup) give the
metadata and, where the HTML lacks it, the body; consent walls and paywalls are recognised.
"""

from extractor.article.extract import PaywalledTeaserError, extract_article
from extractor.article.model import Article

__all__ = ["Article", "PaywalledTeaserError", "extract_article"]
