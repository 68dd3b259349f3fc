"""Burmese text basics: syllable boundaries, sentences, clauses, digits and number words."""

from __future__ import annotations

from mawgun.extract.burmese.text import (
    clauses,
    find_numbers,
    is_burmese_text,
    normalise_order,
    on_boundaries,
    parse_word_number,
    split_sentences,
    syllables,
)


def test_syllables_follow_the_standard_break_rule() -> None:
    # a stacked consonant (္) and a killed one (်) stay inside their syllable
    assert syllables("မန္တလေး") == ["မန္တ", "လေး"]
    assert syllables("ကျေးရွာ") == ["ကျေး", "ရွာ"]
    assert syllables("AA က") == ["A", "A", "က"]


def test_a_match_must_start_and_end_on_syllable_boundaries() -> None:
    text = "ကလေးမြို့"
    assert on_boundaries(text, 0, 4)  # ကလေး
    assert not on_boundaries(text, 0, 3)  # ကလေ cuts လေး


def test_sentences_end_at_the_burmese_full_stop_and_at_line_ends() -> None:
    text = "ပထမဝါကျ ဖြစ်သည်။ ဒုတိယဝါကျ ဖြစ်သည်။\nခေါင်းစဉ်"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["ပထမဝါကျ ဖြစ်သည်။", "ဒုတိယဝါကျ ဖြစ်သည်။", "ခေါင်းစဉ်"]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_clauses_split_at_the_comma_and_at_clause_final_connectives() -> None:
    text = "ရွာတစ်ရွာကို မီးရှို့ခဲ့သလို အခြားရွာကိုလည်း ပစ်ခတ်ခဲ့သည်။"
    parts = [text[a:b].strip() for a, b in clauses(text, 0, len(text))]
    assert parts == ["ရွာတစ်ရွာကို မီးရှို့ခဲ့သလို", "အခြားရွာကိုလည်း ပစ်ခတ်ခဲ့သည်။"]


def test_burmese_digits_brackets_and_thousands_separators() -> None:
    text = "အရပ်သား (၁၂၀) ဦးနှင့် ၁၀,၃၄၀ ဦး"
    assert [value for _s, _e, value in find_numbers(text, 0, len(text))] == [120, 10340]


def test_number_words_count_before_a_counter_only() -> None:
    assert parse_word_number("နှစ်ဆယ့်ငါး") == 25
    assert parse_word_number("သုံးရာ") == 300
    text = "ရဲဘော်နှစ်ဦး ကျဆုံးခဲ့ပြီး ၂၀၂၂ ခုနှစ်"
    assert [value for _s, _e, value in find_numbers(text, 0, len(text))] == [2, 2022]


def test_dot_below_and_asat_order_is_normalised_without_changing_length() -> None:
    old_order = "ကန\u103a\u1037ဘလူ"
    assert normalise_order(old_order) == "ကန\u1037\u103aဘလူ"
    assert len(normalise_order(old_order)) == len(old_order)


def test_language_share() -> None:
    assert is_burmese_text("ရခိုင်ပြည်နယ်၊ AA က ထုတ်ပြန်သည်")
    assert not is_burmese_text("The Arakan Army (ရက္ခိုင့်တပ်တော်) said on Monday that it had taken the town.")
