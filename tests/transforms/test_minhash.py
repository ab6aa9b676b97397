import subprocess
import sys

import pytest

from tests.conftest import ROOT
from transforms.dedup import normalised_content
from transforms.minhash import (
    BANDS,
    NUM_PERM,
    SIGNATURE_BYTES,
    band_keys,
    datasketch_signature,
    estimated_jaccard,
    jaccard,
    shingle_hashes,
    signature,
    signature_from_values,
    signature_values,
    words_of,
)

BASE = normalised_content(
    "The harbour ferry between Port Ellis and Marrow Island was suspended on Tuesday after inspectors found a crack "
    "in the hull of the only vessel that serves the route. The operator said the crack was discovered during a "
    "routine dry-dock check and that no passengers had been at risk. A replacement boat is being chartered from a "
    "company on the mainland, but it will not arrive before the end of next week. About 1,400 people cross the "
    "strait every day, most of them island residents who work or study in Port Ellis."
)
EDITED = BASE.replace("suspended", "halted").replace("routine", "regular").replace("mainland", "coast")
OTHER = normalised_content(
    "Wheat farmers in the southern plains expect their smallest harvest in eleven years after a spring with almost "
    "no rain, the regional growers' association said on Monday, estimating the crop at 2.3 million tonnes."
)


def test_shingles_are_distinct_and_short_texts_get_one_shingle():
    assert len(shingle_hashes(words_of("a b c d e f"))) == 2
    assert len(shingle_hashes(words_of("a b c d e a b c d e"))) == 5  # repeated shingles count once
    assert len(shingle_hashes(words_of("two words"))) == 1
    assert len(shingle_hashes([])) == 0


def test_signature_shape_and_empty_text():
    sig = signature(BASE)
    assert len(sig) == SIGNATURE_BYTES and len(signature_values(sig)) == NUM_PERM
    assert len(set(signature_values(sig))) > NUM_PERM // 2  # real minima, not a constant
    assert signature_from_values(signature_values(sig)) == sig and signature_from_values(None) == b""
    assert signature("") == signature("   ") != sig


@pytest.mark.parametrize("sign", [signature, datasketch_signature])
def test_estimate_follows_exact_jaccard(sign):
    for a, b in ((BASE, EDITED), (BASE, OTHER), (BASE, BASE)):
        exact = jaccard(a, b)
        assert abs(estimated_jaccard(sign(a), sign(b)) - exact) < 0.15, (exact, a[:30], b[:30])
    assert jaccard(BASE, EDITED) > 0.6 and jaccard(BASE, OTHER) < 0.05


def test_band_keys_match_for_copies_and_not_for_other_stories():
    assert band_keys(signature(BASE)) == band_keys(signature(BASE))
    assert len(band_keys(signature(BASE))) == BANDS
    assert set(band_keys(signature(BASE))) & set(band_keys(signature(EDITED)))
    assert not set(band_keys(signature(BASE))) & set(band_keys(signature(OTHER)))
    assert band_keys(b"\x01\x02\x03") == []  # a signature of other parameters is never compared


def test_signature_is_the_same_in_another_process_with_another_hash_seed():
    code = f"from transforms.minhash import signature; print(signature({BASE!r}).hex())"
    env = {"PYTHONHASHSEED": "12345", "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert bytes.fromhex(out.stdout.strip()) == signature(BASE)
