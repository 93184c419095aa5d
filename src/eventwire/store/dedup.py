"""Deduplication across articles.

*Syndicated copies.* The same story under several urls or outlets (identical or near-identical
text) is stored once, with every source in ``article_sources``. Near-duplicates are found
with MinHash signatures of word 3-gram shingles (the datasketch package; Broder, "On the
resemblance and containment of documents", 1997) and locality-sensitive hashing whose bands
are rows of ``article_bands``, joined in SQL: no index is held in memory.

*Events reported many times.* The same real-world event reported by several articles (same
actor codes, same CAMEO root, dates that agree within a day, similar evidence) becomes one
row of ``event_clusters`` with all its reports in ``event_reports``: an analyst sees one
meeting reported 14 times, not 14 meetings.
"""

from __future__ import annotations

import functools
import hashlib
import re

NUM_PERM = 128
SCHEME = "affine32"  # fixed, so that stored signatures stay comparable across versions
#: Estimated Jaccard similarity of shingles above which two texts are one story.
DUPLICATE_THRESHOLD = 0.75
#: Word overlap of evidence sentences above which two same-coded events are one event.
EVIDENCE_THRESHOLD = 0.2
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset((
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its",
    "this", "that", "these", "those", "he", "she", "they", "his", "her", "their", "said",
    "says", "say", "will", "would", "could", "over", "after", "before", "than", "also", "not",
))


def signature(text: str) -> list[int]:
    """The MinHash signature of a text's word 3-grams."""
    from datasketch import MinHash  # imported here: it takes a third of a second, and only

    # writing needs it (``eventwire --help`` and the query commands do not)
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    # all shingles at once: numpy permutes them together (7 times faster than one by one,
    # and the same minimum)
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return [int(v) for v in minhash.hashvalues]


#: LSH banding of a signature: BANDS bands of ROWS values each. Two texts share a band with
#: probability 1 - (1 - s**ROWS)**BANDS for similarity s: 1.00 at 0.75, 0.87 at 0.5, 0.03
#: at 0.2; every candidate is then checked on the whole signature.
BANDS, ROWS = 32, 4


def bands(hashvalues: list[int]) -> list[tuple[int, int]]:
    """(band, hash) pairs of a signature, stored as rows and joined in SQL to find the
    articles that may be near-duplicates of a new one."""
    out = []
    for band in range(BANDS):
        chunk = hashvalues[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(",".join(map(str, chunk)).encode(), digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "big", signed=True)))
    return out


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / NUM_PERM


@functools.lru_cache(maxsize=65536)
def evidence_words(sentence: str) -> frozenset[str]:
    """Content words of an evidence sentence, cut to five letters so that "talks" and
    "talked", "Russian" and "Russia's" agree."""
    return frozenset(w[:5] for w in _WORD.findall(sentence.lower())
                     if w not in _STOP and len(w) > 2)


def evidence_similarity(a: str, b: str) -> float:
    wa, wb = evidence_words(a), evidence_words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0
