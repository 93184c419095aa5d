"""Stage 4, extract: actors, places, times, quotations, attributions and figures.

Each extractor is a plain function over a parsed spaCy ``Doc`` whose text is the cleaned
``Article.text``, so token offsets (``token.idx``) are offsets into the article. Extractors
return records from :mod:`eventwire.records`; spaCy objects never leave this package and
:mod:`eventwire.coding`.
"""
