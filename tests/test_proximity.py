"""Term proximity re-orders the full-text candidates: sentences written for these tests."""

from __future__ import annotations

from search.proximity import PAIRED_WORDS, WINDOW, Question, by_nearness, nearness

TOGETHER = "The council reduced its agency staff by half within a year."
APART = ("The council published its annual report. " + "Many other matters were discussed at length. " * 3
         + "Agency staff were mentioned once.")


def test_question_keeps_the_words_worth_pairing_each_stem_once():
    question = Question.of("How did the councils reduce agency staffing and reduced caseloads?")
    assert question.stems == ("council", "reduc", "agenc", "staf", "caseload")
    many = Question.of(" ".join(f"word{n}" for n in range(30)))
    assert len(many.stems) == PAIRED_WORDS


def test_words_near_each_other_count_more_than_words_apart():
    question = Question.of("council reducing agency staff")
    assert nearness(question, TOGETHER) > nearness(question, APART) > 0
    assert nearness(question, "Nothing here matches.") == 0


def test_other_forms_of_a_word_are_found_but_not_words_that_only_begin_alike():
    question = Question.of("agency care")
    assert nearness(question, "Agencies offered care.") > 0
    assert nearness(question, "The agency offered careers.") == 0  # begins as "care" does, another stem


def test_a_pair_further_apart_than_the_window_does_not_count():
    question = Question.of("adoption panel")
    assert nearness(question, "adoption " + "word " * (WINDOW - 1) + "panel") > 0  # WINDOW words apart
    assert nearness(question, "adoption " + "word " * WINDOW + "panel") == 0


def test_a_line_break_parts_words_as_a_space_does():
    question = Question.of("adoption panel")
    assert nearness(question, "The adoption\npanel met.") == nearness(question, "The adoption panel met.")


def test_candidates_with_the_words_together_rise_above_a_slightly_better_score():
    rows = [{"passage_id": "apart", "score": 5.0, "text": APART},
            {"passage_id": "together", "score": 4.5, "text": TOGETHER}]
    assert [row["passage_id"] for row in by_nearness(rows, "council reducing agency staff")] == ["together", "apart"]


def test_a_question_with_nothing_to_pair_keeps_the_order_it_was_given():
    rows = [{"passage_id": "lower", "score": 1.0, "text": TOGETHER},
            {"passage_id": "higher", "score": 5.0, "text": None}]
    for question in ["", "how did they do it", "agency"]:
        assert by_nearness(rows, question) == rows


def test_a_candidate_without_text_is_ranked_by_its_score_alone():
    rows = [{"passage_id": "empty", "score": 5.0, "text": None},
            {"passage_id": "scattered", "score": 1.0, "text": APART}]
    assert [row["passage_id"] for row in by_nearness(rows, "council staff")] == ["empty", "scattered"]
