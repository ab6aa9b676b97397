"""MinHash signatures over word shingles and their LSH band keys: pure functions, no Beam.

Two interchangeable signature functions are kept so the benchmark can compare them (bench/dedup_bench.py):
`signature` (vectorised numpy, the one the pipeline uses: it measured faster) and `datasketch_signature`.
They use different hash families, so their signatures must never be mixed; stored signatures come from `signature`.

Threshold, in two stages:
- candidates: with BANDS bands of ROWS rows, two texts of word-shingle Jaccard similarity s share at least one band
  with probability 1 - (1 - s**ROWS)**BANDS. With 32 x 4 that is 0.87 at s = 0.5, 0.98 at s = 0.6, 1.0 from 0.7;
- confirmation: a candidate pair is linked only when its estimated Jaccard similarity (share of equal signature
  values, standard error about 0.045 at 0.5) is at least SIMILARITY_THRESHOLD = 0.5. Distinct articles on one event
  measured 0.00-0.06 (the bundled samples), reprints with banners, edits and a cut paragraph 0.43-0.95.
"""

from __future__ import annotations

import hashlib
import zlib

import numpy as np

SHINGLE_WORDS = 5  # 5-word shingles: one edited word changes at most 5 shingles, and topical phrasing rarely repeats
NUM_PERM = 128  # signature length; the estimate of Jaccard similarity has a standard error of about 0.04
BANDS = 32  # LSH bands x rows = NUM_PERM; 32 x 4 finds 87 % of pairs at Jaccard 0.5 (see the module doc)
ROWS = NUM_PERM // BANDS
SEED = 20_260_101  # fixed: signatures of every run and every worker must be comparable
SIMILARITY_THRESHOLD = 0.5  # estimated Jaccard needed to link two texts (measured margins in the module doc)
_MASK32 = np.uint64(0xFFFFFFFF)

_rng = np.random.default_rng(SEED)
# Multiply-shift hashing: h_i(x) = ((a_i * x + b_i) mod 2**64) >> 32, with odd a_i. Universal and vectorises well.
_A = _rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_WORD_MULT = np.uint64(0x9E3779B97F4A7C15)  # golden-ratio constant: mixes word hashes into a shingle hash
SIGNATURE_BYTES = NUM_PERM * 4  # a signature travels as NUM_PERM little-endian uint32: 512 bytes, not 4.5 KB of ints
_EMPTY = b"\xff" * SIGNATURE_BYTES  # signature of a text without words: equal only to other empty texts


def words_of(normalised: str) -> list[str]:
    return normalised.split()


def shingle_hashes(words: list[str], k: int = SHINGLE_WORDS) -> np.ndarray:
    """Distinct 64-bit hashes of the k-word shingles (the whole text is one shingle when it is shorter than k)."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    word_hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    k = min(k, len(words))
    n = len(words) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrap-around multiplication is the point of the mixing
        for j in range(k):
            acc = acc * _WORD_MULT + word_hashes[j : j + n] + np.uint64(j + 1)
        acc ^= acc >> np.uint64(29)
    return np.unique(acc)


def signature(normalised: str) -> bytes:
    """MinHash signature (NUM_PERM uint32 values, as bytes) of a normalised text's word shingles."""
    hashes = shingle_hashes(words_of(normalised))
    if hashes.size == 0:
        return _EMPTY
    folded = (hashes ^ (hashes >> np.uint64(32))) & _MASK32  # multiply-shift is universal on 32-bit keys
    with np.errstate(over="ignore"):
        permuted = np.multiply(_A[:, None], folded[None, :])
        permuted += _B[:, None]  # in place: one (NUM_PERM x shingles) array, not three
    # The shift keeps order, so the minimum's top bits are the minimum of the top bits: one shift per permutation.
    return (permuted.min(axis=1) >> np.uint64(32)).astype("<u4").tobytes()


def datasketch_signature(normalised: str) -> bytes:
    """The same signature idea with datasketch's MinHash (sha1 per shingle): kept for the benchmark comparison."""
    from datasketch import MinHash

    words = words_of(normalised)
    k = min(SHINGLE_WORDS, len(words))
    shingles = {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)} if words else set()
    mh = MinHash(num_perm=NUM_PERM, seed=SEED % 2**32)
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype("<u4").tobytes()  # datasketch keeps 32-bit values in uint64


def band_keys(sig: bytes, bands: int = BANDS) -> list[str]:
    """One bucket key per band: the band index and a short hash of its rows. Equal band, equal key."""
    if len(sig) != SIGNATURE_BYTES:
        return []  # a signature from other parameters is not comparable; the exact-hash bucket still links copies
    width = len(sig) // bands
    return [
        f"b{b:02d}:{hashlib.blake2b(sig[b * width : (b + 1) * width], digest_size=8).hexdigest()}" for b in range(bands)
    ]


def signature_values(sig: bytes) -> list[int]:
    """The signature as integers: how the `minhash_signature` column stores it."""
    return np.frombuffer(sig, dtype="<u4").tolist()


def signature_from_values(values) -> bytes:
    """A stored `minhash_signature` back to bytes (empty when absent)."""
    return np.asarray(list(values or ()), dtype="<u4").tobytes()


def estimated_jaccard(a: bytes, b: bytes) -> float:
    """Share of equal signature values: an unbiased estimate of the shingle sets' Jaccard similarity."""
    if not a or len(a) != len(b):
        return 0.0
    return float(np.mean(np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")))


def jaccard(a: str, b: str, k: int = SHINGLE_WORDS) -> float:
    """Exact Jaccard similarity of two normalised texts' shingle sets (for tests and evaluation)."""
    sa, sb = set(shingle_hashes(words_of(a), k).tolist()), set(shingle_hashes(words_of(b), k).tolist())
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)
