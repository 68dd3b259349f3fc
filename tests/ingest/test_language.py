"""The language guess routes Burmese, English and other scripts."""

from mawgun.ingest.language import guess_language


def test_burmese_script_text_is_burmese() -> None:
    assert guess_language("စစ်ကောင်စီ၏ လေကြောင်းတိုက်ခိုက်မှု") == "my"


def test_english_with_a_few_burmese_words_is_english() -> None:
    assert guess_language("Residents of Kanbalu (ကန့်ဘလူ) fled after the airstrike on the village.") == "en"


def test_other_scripts_are_undetermined_and_empty_text_has_no_language() -> None:
    assert guess_language("กองทัพเมียนมาโจมตีทางอากาศ") == "und"
    assert guess_language("  2024 — 15 ") is None
