"""Sentences and paragraphs keep exact offsets; abbreviations, initials, decimals and quotes do not split."""

from mawgun.extract.sentences import quoted_spans, split_paragraphs, split_sentences

TEXT = (
    "Gen. Min Aung Hlaing met U.S. envoys on 3 May. Troops fired 1.5 km away.\n"
    "A headline line without a stop\n\n"
    "“We will fight on,” the spokesman said. Ko Aung, 23, was hurt!  Two died? Yes."
)


def test_every_sentence_offset_points_at_its_text() -> None:
    for sentence in split_sentences(TEXT):
        assert TEXT[sentence.start : sentence.end] == sentence.text


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    texts = [s.text for s in split_sentences(TEXT)]
    assert texts[0] == "Gen. Min Aung Hlaing met U.S. envoys on 3 May."
    assert texts[1] == "Troops fired 1.5 km away."


def test_line_breaks_end_sentences_and_blank_lines_end_paragraphs() -> None:
    sentences = split_sentences(TEXT)
    assert sentences[2].text == "A headline line without a stop"
    assert [s.paragraph for s in sentences] == [0, 0, 0, 1, 1, 1, 1]
    assert len(split_paragraphs(TEXT)) == 2


def test_closing_quote_stays_with_its_sentence() -> None:
    texts = [s.text for s in split_sentences("He said: “They burned it.” Then he left.")]
    assert texts == ["He said: “They burned it.”", "Then he left."]


def test_quoted_speech_is_found_even_with_one_kind_of_mark() -> None:
    sentence = "”The junta has destroyed everything,” said the secretary."
    spans = quoted_spans(sentence)
    assert any(start == 0 and end > sentence.index("everything") for start, end in spans)


def test_a_sentence_opening_with_a_quoted_title_is_quoted_only_to_its_close() -> None:
    sentence = "‘Operation 1027’ fighters captured the town on Monday."
    assert quoted_spans(sentence) == [(0, len("‘Operation 1027’"))]


WRAPPED = (
    "Air raid on Sagaing village\n"
    "MONYWA — Two military jets bombed Nyaung Pin Thar village in Monywa\n"
    "Township on 14 March, killing six residents, a local defence force told\n"
    "reporters. The village school was among the buildings hit.\n"
    "- Four houses were burned\n"
    "- A monastery was damaged in the\n"
    "  same raid.\n"
    "Casualties reported:\n"
    "six dead, nine hurt."
)


def test_a_single_line_break_inside_a_sentence_is_read_as_a_space() -> None:
    texts = [s.text for s in split_sentences(WRAPPED)]
    joined = [t for t in texts if t.startswith("MONYWA")]
    assert joined and "Monywa\nTownship on 14 March" in joined[0]
    assert joined[0].endswith("told\nreporters.")


def test_wrapped_sentences_keep_exact_offsets_and_original_characters() -> None:
    for sentence in split_sentences(WRAPPED):
        assert WRAPPED[sentence.start : sentence.end] == sentence.text


def test_a_heading_line_a_bullet_and_a_colon_still_end_a_sentence() -> None:
    texts = [s.text for s in split_sentences(WRAPPED)]
    assert texts[0] == "Air raid on Sagaing village"
    assert "- Four houses were burned" in texts
    assert "- A monastery was damaged in the\n  same raid." in texts
    assert "Casualties reported:" in texts


def test_lines_that_are_whole_paragraphs_stay_separate_sentences() -> None:
    text = "Fighting broke out near Kale on 2 May.\nThe KNDF shelled a camp in Demoso on 3 May."
    assert [s.text for s in split_sentences(text)] == text.split("\n")


def test_a_long_link_does_not_make_the_wrapped_lines_look_like_headings() -> None:
    text = (
        "Troops shelled Thantlang town in Chin State on 29 October 2021 and set fire to\n"
        "more than 100 houses, residents said. Photos: https://example.org/galleries/2021/10/29/thantlang-fire\n"
    )
    first = split_sentences(text)[0].text
    assert first.endswith("set fire to\nmore than 100 houses, residents said.")
