import pytest

from transforms.language import DETECTORS, LanguageFn, detect_language

TEXTS = {
    "en": "The council approved the new budget on Tuesday after a long debate about school funding.",
    "de": "Der Stadtrat hat am Dienstag nach langer Debatte über die Schulfinanzierung den Haushalt beschlossen.",
    "fr": "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur le financement des écoles.",
    "es": "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre la financiación escolar.",
}


@pytest.mark.parametrize("detector", DETECTORS)
@pytest.mark.parametrize("code", sorted(TEXTS))
def test_both_detectors_agree_on_clear_texts(detector, code):
    got, score = detect_language(TEXTS[code], detector)
    assert got == code and 0.5 < score <= 1.0


@pytest.mark.parametrize("detector", DETECTORS)
def test_no_letters_is_undetermined(detector):
    assert detect_language("12345 -- 678", detector) == ("und", 0.0)


def test_langdetect_is_deterministic():
    text = "Ja. Oui. Yes. Si."
    assert len({detect_language(text, "langdetect") for _ in range(5)}) == 1


def test_unknown_detector_is_refused():
    with pytest.raises(ValueError, match="unknown language detector"):
        LanguageFn("cld9")
