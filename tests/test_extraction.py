"""Evidence extraction: noisy names resolve and near-misses do not, outcomes carry the right
figures, the graph holds each fact with its provenance, and the hand-checked development set
meets the precision and recall targets."""

from __future__ import annotations

import hashlib
import json
import re

import numpy as np
import pytest
import yaml

from embedding.embedder import DIMENSIONS, Embedder, embedder_for
from evidence.cli.output import outcome_summary
from ingest.extraction.document import Extractor
from ingest.extraction.evaluation import metric_agreement, score, score_unseen
from ingest.extraction.learned_practices import (
    WEIGHTS,
    Candidate,
    candidates,
    weighed_practices,
)
from ingest.extraction.nlp import full_pipeline, instruction
from ingest.extraction.outcomes import find_outcomes
from ingest.extraction.practices import (
    BY_INSPECTORS,
    apposed_name,
    described_name,
    find_practices,
    introduced,
    left_behind,
    not_the_councils,
    not_yet_begun,
    paid_for_it,
    phrase,
    turned_down,
)
from ingest.extraction.records import extract_report
from ingest.pipeline import Ingester, read_document
from ingest.reference import read_councils
from ingest.sources import user_sources
from kg.councils import all_councils, load_councils
from kg.evidence import find_outcomes as find_outcomes_in_graph
from kg.model.catalogue import interventions as catalogue
from search.what_worked import what_worked
from tests.conftest import PROJECT_ROOT, run_cli

CHECKED = PROJECT_ROOT / "tests" / "fixtures" / "extraction_checked.yaml"


@pytest.fixture(scope="module")
def councils_loaded(graph, settings):
    load_councils(graph, read_councils(settings.reference_dir))
    return graph


@pytest.fixture(scope="module")
def embedder(settings):
    return embedder_for(settings)


@pytest.fixture(scope="module")
def extractor(councils_loaded, embedder):
    return Extractor(all_councils(councils_loaded), embedder)


def outcomes_of(sentence: str):
    return [(o.metric, o.direction, o.value_from, o.value_to, o.change) for o in
            find_outcomes(full_pipeline()(sentence), 0)]


@pytest.mark.parametrize("sentence, expected", [
    ("Caseloads fell from 24 to 16 between 2019 and 2021.", [("caseloads", "down", 24.0, 16.0, -8.0)]),
    ("There was a 20% fall in re-referrals and a 12% rise in adoptions.",
     [("re_referrals", "down", None, None, -20.0), ("adoption", "up", None, None, 12.0)]),
    ("The vacancy rate has reduced by a quarter.", [("vacancy_rate", "down", None, None, -25.0)]),
    ("Re-referrals were cut by two fifths.", [("re_referrals", "down", None, None, -40.0)]),
    ("£2.5 million is no longer spent on residential placements.", [("spend", "down", None, None, -2500000.0)]),
    ("Agency staff fell to 8% of the workforce.", [("agency_staff", "down", None, 8.0, None)]),
    ("The use of SGOs rose from 7% to 18% of the number of looked after children.",
     [("adoption", "up", 7.0, 18.0, 11.0)]),
    ("Child protection plans rose from 38% in 2013–14 to 64% in 2014–15.",
     [("child_protection_plans", "up", 38.0, 64.0, 26.0)]),
    ("The pilot has helped to reduce caseloads by 20%.", [("caseloads", "down", None, None, -20.0)]),
    ("The average time to adoption declined to 743 days.", [("adoption", "down", None, None, None)]),
    ("The number of looked after children has fallen from 400 to 350.",
     [("looked_after_children", "down", 400.0, 350.0, -50.0)]),
    ("Agency staff fell (67 in 2014−15 and 16 in 2015−16).", [("agency_staff", "down", 67.0, 16.0, -51.0)]),
    ("There is already a reduction in repeat referrals.", [("re_referrals", "down", None, None, None)]),
    ("Caseloads have reduced so that social workers have more time.", [("caseloads", "down", None, None, None)]),
    ("Caseloads have reduced (by 36%), as has the number of looked-after children (by 15%).",
     [("caseloads", "down", None, None, -36.0), ("looked_after_children", "down", None, None, -15.0)]),
    ("Agency staff have reduced from 45% in 2012 to a current figure of 23%.",
     [("agency_staff", "down", 45.0, 23.0, -22.0)]),
])
def test_outcomes_take_metric_direction_and_figures(sentence, expected):
    assert outcomes_of(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The council aims to reduce caseloads from 25 to 18 by 2026.",
    "Ensure that placement stability is improved for children in care.",
    "Leaders will cut agency staff by 30% next year.",
    "Success would mean reduced spend on agency social workers.",
    "Plans moved from 18 to 24 months after a child was placed.",
    "Returns home rose from 10% to 15% of the number of children in care.",
    "In three months, 539 children had two or more contacts made to the MASH.",
    "Late referrals from health professionals potentially reduced the effectiveness of plans.",
    "Leaders took action to reduce caseloads by 20%.",
    "This is a missed opportunity to drive improvements in adoption performance.",
    "The percentage of looked after children who have an annual dental check has reduced from 98% to 88%.",
    "Education outcomes for children in care improved in 2018.",
    "The proportion of looked after children’s reviews held on time has fallen from 98% to 95.6%.",
    "Caseloads have not reduced sufficiently.",
    "2. Provide enough social workers to ensure that caseloads are reduced.",
    "Confidence is growing, evidenced by 12 agency workers transferring their employment to the trust.",
    "The gap between looked after children and other children has reduced from 51% to 39%.",
    "The project has a specific target of reducing re-referrals by 25%.",
    "Despite more capacity, the size of the caseloads has yet to be reduced.",
    "Partners need to ensure that help is well targeted, so that the number of referrals is reduced.",
    "Data show a reduction in the proportion of looked after children offending.",
])
def test_hopes_negations_durations_thresholds_and_denominators_are_not_outcomes(sentence):
    assert outcomes_of(sentence) == []


def test_comparison_group_figures_are_not_outcomes_but_make_strong_evidence():
    drafts = find_outcomes(full_pipeline()(
        "Sickness absence fell in the pilot teams by 30% compared with a rise of 12% in other teams."), 0)
    assert [(d.metric, d.change, d.comparison) for d in drafts] == [("sickness_absence", -30.0, True)]


def test_a_sentence_the_segmenter_breaks_at_a_hyphen_is_read_whole(extractor):
    text = ("Families who do not meet the threshold receive support. Re-referral rates have reduced from "
            "20.1% in 2014–15 to 11.6% currently.")
    evidence = extractor.extract(text, ["E06000013"], None)
    [outcome] = evidence.outcomes
    assert outcome.draft.metric == "re_referrals" and evidence.quote(outcome.sentence).startswith("Re-referral rates")


def test_an_outcome_that_refers_back_goes_to_the_practice_its_noun_names(extractor):
    text = ("Kent set up a social work academy in 2019, alongside monthly reflective practice groups. Since "
            "the academy opened, social worker vacancies have fallen from 25% to 12%.")
    evidence = extractor.extract(text, ["E10000016"], None)
    [outcome] = [outcome for outcome in evidence.outcomes if outcome.draft.value_to == 12]
    assert outcome.intervention == "social_work_academy"  # not the practice named last


def test_noisy_names_resolve_and_near_misses_do_not(extractor):
    text = ("North Lincolnshire introduced signs of security in 2015. The Future 4 Me team works with "
            "adolescents, and early aid was introduced in Lincoln. Richmond is a market town. "
            "Write to us at 1 High Street, Colchester, Essex CO4 3ZL.")
    evidence = extractor.extract(text, [], None)
    councils = {m.key for m in evidence.mentions if m.kind == "council"}
    interventions = {m.key for m in evidence.mentions if m.kind == "intervention"}
    assert councils == {"E06000013"}  # not Lincolnshire, not Richmond upon Thames, not Essex in an address
    assert interventions == {"signs_of_safety", "futures4me", "early_help_service"}
    implemented = {(i.council, i.intervention, i.since) for i in evidence.implementations}
    assert ("E06000013", "signs_of_safety", 2015) in implemented


def test_development_set_meets_the_targets(settings, councils_loaded):
    checked = yaml.safe_load(CHECKED.read_text())["documents"]
    ingester = Ingester(settings, councils_loaded)
    reports = []
    for entry in checked:
        sources, _ = user_sources([settings.corpus_dir / entry["path"]], settings.corpus_dir, {})
        reports.append(ingester.examine(sources[0]))
    tallies = score(checked, reports)
    for name in ("councils", "interventions"):
        assert tallies[name].precision >= 0.9 and tallies[name].recall >= 0.85, (name, tallies[name].extras,
                                                                                 tallies[name].misses)
    assert tallies["outcomes"].precision >= 0.8 and tallies["outcomes"].recall >= 0.8, tallies["outcomes"].misses


CASE_STUDY = """Improving the workforce in Barnsley

Barnsley introduced Signs of Safety in 2014 and set up a social work academy for newly qualified staff.
Since the academy opened, the vacancy rate for social workers has fallen from 22% to 9%. The council also
uses family group conferences before any child enters care.

Working with partners

Leaders and elected members meet partners in health, schools and the police every month to review
thresholds together. The safeguarding partnership agreed a shared threshold document and joint audits of
referrals, and partner agencies now attend every strategy discussion at the front door.
"""


def test_ingest_writes_each_fact_with_its_provenance_and_replaces_it_on_change(settings, councils_loaded,
                                                                             tmp_path):
    graph = councils_loaded
    document = tmp_path / "barnsley-case-study.txt"
    document.write_text(CASE_STUDY)
    sources, _ = user_sources([document], settings.corpus_dir, {"kind": "case_study", "councils": ["Barnsley"]})
    summary = Ingester(settings, graph).run(sources)
    assert summary.failed == 0 and summary.outcomes == 1
    result = run_cli(settings, "intervention", "social work academy", "--json")
    assert result.returncode == 0, result.stderr
    profile = json.loads(result.stdout)

    def from_this_document(rows: list[dict]) -> list[dict]:
        """Other modules' documents share the graph: only this one's records are asserted on."""
        return [row for row in rows if row["citation"]["document_id"] == sources[0].id]

    assert [row["council"] for row in from_this_document(profile["councils"])] == ["Barnsley"]
    [outcome] = from_this_document(profile["outcomes"])
    assert outcome["outcome"]["metric"] == "vacancy_rate" and outcome["outcome"]["value_to"] == 9.0
    assert "fallen from 22% to 9%" in outcome["outcome"]["quote"]
    printed = run_cli(settings, "outcomes", "--council", "Barnsley").stdout
    assert "Vacancy rate down 22% → 9% (-13 points)" in printed
    signs = json.loads(run_cli(settings, "intervention", "Signs of Safety", "--json").stdout)
    assert [(row["council"], row["since"]) for row in from_this_document(signs["councils"])] == [("Barnsley", 2014)]

    mentions = graph.driver.execute_query(
        "MATCH (:Document {id: $id})-[:HAS_PASSAGE]->(p)-[m:MENTIONS]->(i:Intervention {id: 'family_group_conferencing'}) "
        "RETURN p.id AS passage, m.char_start AS start, m.char_end AS end, m.method AS method", id=sources[0].id)[0]
    assert len(mentions) == 1 and mentions[0]["method"] == "phrase_match"
    text = graph.driver.execute_query("MATCH (d:Document {id: $id}) RETURN d.text AS text", id=sources[0].id)[0][0][0]
    assert "family group conferences" in text[mentions[0]["start"]:mentions[0]["end"]]

    partners = json.loads(run_cli(settings, "enabler", "Engaging partners", "--council", "Barnsley", "--json").stdout)
    assert [p["text"].split("\n")[-1].split()[0] for p in partners["passages"]] == ["Leaders"]

    document.write_text(CASE_STUDY.replace("from 22% to 9%", "from 22% to 12%"))
    Ingester(settings, graph).run(user_sources([document], settings.corpus_dir,
                                               {"kind": "case_study", "councils": ["Barnsley"]})[0])
    values = graph.driver.execute_query("MATCH (o:Outcome {document_id: $id}) RETURN o.value_to AS to",
                                        id=sources[0].id)[0]
    assert [row["to"] for row in values] == [12.0]
    implemented = graph.driver.execute_query("MATCH ()-[r:IMPLEMENTED {document_id: $id}]->() RETURN count(r) AS n",
                                             id=sources[0].id)[0][0][0]
    assert implemented == 3


def test_candidates_are_recurring_named_phrases_not_in_the_catalogue():
    from ingest.extraction.candidates import find_candidates
    passages = [{"passage_id": f"doc{n}#1", "document_id": f"doc{n}",
                 "text": "Families join the Bright Horizons programme early. The Signs of Safety model is used. "
                         "The Director of Children's Service chairs the new approach."} for n in range(3)]
    found = find_candidates(passages, min_count=3)
    assert [(c.phrase, c.count, c.documents) for c in found] == [("Bright Horizons programme", 3, 3)]
    assert "Bright Horizons programme" in found[0].examples[0]["quote"]


# Practices the catalogue never named (issue 20): each pattern on sentences written for the test.
def practices_in(sentence: str) -> list[tuple[str, str]]:
    return [(found.surface, found.method) for found in find_practices(full_pipeline()(sentence), 0)]


def test_what_a_council_opened_is_a_practice_without_its_order_time_or_area():
    assert practices_in("The trust opened a three-bed children's home near Hexham in 2023.") == [
        ("three-bed children's home", "action_object")]
    assert practices_in("The council opened its second advice clinic in 2024.") == [("advice clinic", "action_object")]
    assert practices_in("The council launched a drop-in clinic in the Blyth area last year.") == [
        ("drop-in clinic", "action_object")]


def test_what_a_council_set_up_is_a_practice_with_its_printed_extent():
    found = practices_in("Last spring the council set up a kinship navigator service for grandparents raising "
                         "children.")
    assert [surface for surface, _ in found] == ["kinship navigator service for grandparents"]
    passive = practices_in("A dedicated missing persons hub has been established alongside the police.")
    assert [surface for surface, _ in passive] == ["dedicated missing persons hub"]
    invested = practices_in("Leaders have invested in a reflective supervision programme for managers.")
    assert [surface for surface, _ in invested] == ["reflective supervision programme for managers"]
    # the qualifier stays when a long relative clause follows it: only the clause is left out
    qualified = practices_in("Leaders set up a new panel for missing children, which meets weekly with police and "
                             "health colleagues across the area.")
    assert [surface for surface, _ in qualified] == ["new panel for missing children"]


def test_a_hyphenated_word_the_parse_split_stays_whole_in_a_practices_name():
    doc = full_pipeline()("The establishment of a senior leadership group and multi-agency advisory sub-groups has "
                          "improved communication.")
    assert [" ".join(token.text for token in phrase(token)) for token in doc if token.text == "sub"] == [
        "multi - agency advisory sub - groups"]
    assert practices_in("The council created an in-house psychology service.") == [
        ("in-house psychology service", "action_object")]
    assert practices_in("The council set up a well-established edge of care team.") == [
        ("edge of care team", "action_object")]  # how good it is, not its name
    paid = full_pipeline()("The council introduced a market supplement of 3,000 pounds a year.")
    assert [" ".join(token.text for token in phrase(token)) for token in paid if token.text == "supplement"] == [
        "market supplement"]  # what it cost is no part of its name
    assert practices_in("The council recruited four dedicated pre-proceedings social workers.") == [
        ("pre-proceedings social workers", "action_object")]  # the parse hangs "pre" apart: no crash, no half word
    split = full_pipeline()("It mirrors the recent Local Government Association (LGA)-led peer review.")
    assert [token.text for token in phrase(split[10])] == ["peer", "review"]  # not "LGA)-led peer review"


def test_where_or_instead_of_what_a_practice_applies_is_not_part_of_its_name():
    each = practices_in("In 2022 the council introduced reflective group supervision for each team.")
    assert [surface for surface, _ in each] == ["reflective group supervision"]
    instead = practices_in("The council introduced group case supervision in place of individual supervision.")
    assert [surface for surface, _ in instead] == ["group case supervision"]
    named = full_pipeline()("In 2022 the council launched the Support for Every Child service.")
    assert len(phrase(named[6])) == 5  # "Support for Every Child service": a name's capitalised "Every"


def test_what_a_service_was_restructured_into_is_the_practice():
    assert practices_in("The council restructured its fostering service into two specialist kinship teams.") == [
        ("specialist kinship teams", "action_object")]
    assert ("specialist exploitation team", "action_object") in practices_in(
        "The council introduced a specialist exploitation team into the MASH.")  # introduced, not reshaped


def test_the_practices_a_documents_title_names_are_claimed_in_its_text_not_there(extractor):
    text = ("The Leeds Kinship Navigator Service: evaluation summary\nPrepared for Leeds City Council, March 2025\n\n"
            "Leeds City Council launched the Leeds Kinship Navigator Service in 2021.")
    evidence = extractor.extract(text, ["E08000035"], None)
    assert [evidence.quote(sentence)[:10] for mention, sentence in zip(evidence.mentions, evidence.mention_sentences)
            if mention.kind == "intervention"] == ["Leeds City"]
    opening = ("Leeds City Council has introduced the Leeds Kinship Navigator Service, its director said: “It "
               "works.”\n\nThe service helps grandparents.")  # a first paragraph, not a title
    assert [mention.surface for mention in extractor.extract(opening, ["E08000035"], None).mentions
            if mention.kind == "intervention"] == ["Leeds Kinship Navigator Service"]


def test_a_catalogue_entry_given_its_local_name_is_printed_by_that_name(extractor):
    text = ("In Leeds, teenagers are supported by the edge-of-care service, Family Solutions, which works "
            "evenings. The children in care council, Voices Heard, was set up in Leeds in 2021.")
    evidence = extractor.extract(text, ["E08000035"], None)
    assert [(mention.key, mention.surface) for mention in evidence.mentions if mention.kind == "intervention"
            and mention.status == "catalogue"] == [("edge_of_care_team", "Family Solutions"),
                                                   ("children_in_care_council", "children in care council")]


def test_named_programmes_keep_their_abbreviation_and_quotes():
    found = practices_in("Referrals are screened by the Family Front Line Service (FFLS) within a day.")
    assert [surface for surface, _ in found] == ["Family Front Line Service (FFLS)"]
    quoted = practices_in("Every visit follows the ‘Bright Steps’ model agreed with families.")
    assert [surface for surface, _ in quoted] == ["‘Bright Steps’ model"]
    referred = practices_in("Leaders set up a kinship navigator service (paragraph 12) last year.")
    assert [surface for surface, _ in referred] == ["kinship navigator service"]  # a cross-reference is not a name


def test_plans_generic_nouns_and_inspectors_actions_are_not_practices():
    assert practices_in("The council plans to introduce a peer mentoring scheme next year.") == []
    assert practices_in("The council has introduced support.") == []
    assert practices_in("Inspectors introduced a sampling approach during the visit.") == []
    assert practices_in("The stable senior leadership team meets weekly.") == []
    assert practices_in("Managers developed a clear vision and a comprehensive approach.") == []
    assert practices_in("The council prepared for the new single inspection framework.") == []
    # partner organisations, named but not the council's practice
    assert practices_in("Posts were funded with Northshire Police and the Riverside NHS Foundation Trust.") == []
    assert practices_in("The council commissioned the Fenland Centre for Family Research to evaluate it.") == []
    assert practices_in("The council launched an ICB-funded youth mental health service.") != []
    # a national body named by its abbreviation in brackets, but not a process's meeting
    assert practices_in("Advisory and Support Service (Cafcass) officers report positively.") == []
    sector = full_pipeline()("The Local Government Association (LGA) led a peer review of the front door.")
    assert not_the_councils(list(sector[1:4]))  # the sector's body; its peer review may be the council's practice
    assert practices_in("The council commissioned a Local Government Association peer review.") == [
        ("Local Government Association peer review", "action_object")]
    meeting = full_pipeline()("Families are offered a Family Network Meeting (PLO) before proceedings.")
    assert not not_the_councils(list(meeting[4:7]))



@pytest.mark.parametrize("sentence", [
    "The borough has stepped up its recruitment of adoptive parents and kinship carers.",  # whom it recruits
    "Since the appointment of a new chair in March, the panel meets monthly.",  # whom, and when
    "The adoption panel has recently appointed a new chairperson.",
    "Following her appointment in October, the director reorganised the teams.",
    "Leaders have worked hard to create a settled and skilled workforce.",  # what it achieves
    "Each family helped with the development of safety plans for their children.",  # a child's own plan
    "To hear about new reports, go to ‘Subscribe’ on our site.",  # a page's button
    "One parent told us ‘We felt listened to at last’ after the meeting.",  # what someone said
])
def test_whom_a_council_recruits_when_and_what_it_achieves_are_not_practices(sentence):
    assert practices_in(sentence) == []


@pytest.mark.parametrize(("sentence", "description", "name"), [
    ("Leeds commissioned a parenting programme, Strong Starts, delivered by a local charity.", "parenting programme",
     "Strong Starts"),
    ("Its practice model, known locally as Bright Horizons, was launched in 2022.", "practice model", "Bright Horizons"),
    ("Our whole-family approach, branded Together Stronger, was rolled out in May.", "whole-family approach",
     "Together Stronger"),
    ("We set up our own social work academy, which we call Northby Grow, in 2022.", "social work academy",
     "Northby Grow"),
    ("They set up a regional fostering hub, Foster5.", "fostering hub", "Foster5"),
    ("Children use an advocacy app, Speak Up For Me (SUFM), to share their views.", "advocacy app",
     "Speak Up For Me (SUFM)"),
    ("Services include the edge of care team, Family Solutions, and the MASH.", "edge of care team", None),  # a list
    ("Help comes from the edge of care team, Family Solutions, the MASH and schools.", "edge of care team", None),
    ("The council appointed a new practice lead, Sarah Jones, in May.", "practice lead", None),  # a person
    ("Instead we set up our own edge-of-care service, the Holding Together team.", "edge-of-care service",
     "Holding Together team"),  # the name's own head noun
])
def test_a_practice_described_then_named_is_known_by_its_name(sentence, description, name):
    span = apposed_name(full_pipeline()(sentence), sentence.index(description) + len(description))
    assert (sentence[span[0]:span[1]] if span else None) == name


def test_a_role_a_council_created_and_a_quoted_name_stay_practices():
    assert practices_in("The council appointed four Family Time Coordinators to reduce delays.") == \
        [("Family Time Coordinators", "action_object")]
    assert [surface for surface, _ in practices_in("Young people meet at ‘Tuesday Club’ every week.")] == \
        ["Tuesday Club"]


def candidates_of(sentence: str, offset: int = 0) -> list[Candidate]:
    doc = full_pipeline()(sentence)
    return candidates(doc, offset, find_practices(doc, offset))


def weighed(sentence: str, embedder: Embedder, offset: int = 100) -> list[tuple[str, str]]:
    found = weighed_practices(candidates_of(sentence, offset), embedder)
    assert all(sentence[one.start - offset:one.end - offset] == one.surface for one in found)
    assert all(0 < one.confidence <= 1 for one in found)  # the learned probability
    return [(one.surface, one.method) for one in found]


class MeaningOf:
    """An embedder that gives each phrase named in `like` a meaning far along the learned meaning
    weights and every other phrase one far against them: what the second step reads of a phrase
    (alone and in its sentence), made decisive."""

    def __init__(self, like: set[str] | dict[str, float]):
        """`like`: the phrases pushed towards a practice, each by 20 or by the score given."""
        direction = np.asarray(json.loads(WEIGHTS.read_text())["meaning"])
        toward = direction / float(direction @ direction)  # adds 1 to the score
        self.alone, self.in_context = toward[:DIMENSIONS], toward[DIMENSIONS:]
        self.push = like if isinstance(like, dict) else dict.fromkeys(like, 20.0)

    def _score(self, phrase: str) -> float:
        return self.push.get(phrase, -20.0)

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._score(text) * self.alone for text in texts])

    def embed_in_context(self, sentences: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        return np.stack([self._score(sentence[start:end]) * self.in_context
                         for sentence, (start, end) in zip(sentences, spans)])


def test_the_second_step_reads_each_phrase_by_its_own_meaning():
    sentence = ("The council has invested in the Bright Start programme for toddlers and holds weekly "
                "multi-agency exploitation meetings.")
    programme, meetings = "Bright Start programme for toddlers", "weekly multi-agency exploitation meetings"
    found = candidates_of(sentence, 100)  # the stub reads each phrase from its sentence by its span
    assert {programme, meetings} <= {candidate.mention.surface for candidate in found}
    for like in ({programme}, {meetings}, {programme, meetings}):
        kept = {mention.surface for mention in weighed_practices(found, MeaningOf(like))}
        assert kept == like, like


def test_of_two_overlapping_phrases_kept_the_more_probable_stays_then_the_longer():
    found = candidates_of("Families praise the parenting course run by the edge of care team.", 100)
    outer, inner = "edge of care team", "care team"
    assert {outer, inner} <= {candidate.mention.surface for candidate in found}
    assert [mention.surface for mention in weighed_practices(found, MeaningOf({outer, inner}))] == [outer]
    for push in (6.0, 8.0):  # the outer phrase kept, but less sure than the inner one
        assert [mention.surface for mention in weighed_practices(found, MeaningOf({outer: push}))] == [outer]
        kept = weighed_practices(found, MeaningOf({outer: push, inner: 20.0}))
        assert [mention.surface for mention in kept] == [inner], push


def test_learned_weights_take_a_described_practice_the_rules_miss_and_not_a_person_or_a_month(embedder):
    sentence = "Weekly multi-agency exploitation meetings review every child at risk."
    assert practices_in(sentence) == []
    assert [(surface.removeprefix("Weekly "), method) for surface, method in weighed(sentence, embedder)] == [
        ("multi-agency exploitation meetings", "learned")]
    assert weighed("The director met the lead member in March.", embedder) == []
    assert weighed("Staffing was restructured.", embedder) == []  # a common noun alone is never a candidate


def test_learned_weights_keep_or_drop_what_the_rules_take(embedder):
    invested = "The council has invested in the Bright Start programme for toddlers."
    assert practices_in(invested) == weighed(invested, embedder) == [("Bright Start programme for toddlers", "action_object")]
    described = "Children with disabilities receive help from the short breaks team."
    assert practices_in(described) == [("short breaks team", "named_head")]
    assert weighed(described, embedder) == []  # a standing team described in passing: not what readers mark


def test_a_named_person_is_never_a_practice_but_a_brand_the_parser_takes_for_one_stays_a_candidate():
    def candidate_surfaces(sentence: str) -> list[str]:
        return [candidate.mention.surface for candidate in candidates_of(sentence)]

    for sentence, person in [("The plan relied on the team's senior social worker, Mary Okafor, to gather views.",
                              "Mary Okafor"),
                             ("Cllr Peter Hughes opened the Bright Futures service in May.", "Peter Hughes"),
                             ("Sarah Whitfield said that caseloads had fallen.", "Sarah Whitfield"),
                             ("The appointment of a permanent Director of Children's Services, Ruth Kemble, in "
                              "June ended the churn.", "Ruth Kemble")]:
        assert not any(person in surface for surface in candidate_surfaces(sentence)), sentence
    assert "Turning Point" in candidate_surfaces("Families are supported by Turning Point and Pure Insight.")
    quantities = candidate_surfaces("In 2022, 35 per cent of the county's social workers used the new pod system.")
    assert "new pod system" in quantities and not any("cent" in surface for surface in quantities)
    partners = candidate_surfaces("The council worked with the Northern Regional Improvement Alliance on agency pay.")
    assert "agency pay" in partners and not any("Alliance" in surface for surface in partners)
    partners = candidate_surfaces("The council joined the Northern Regional Improvement and Innovation Alliance last year.")
    assert not any("Improvement" in surface for surface in partners)


def test_a_name_after_a_post_is_a_person_but_after_a_post_for_a_service_is_the_services(extractor):
    def surfaces(text: str) -> list[str]:
        return [mention.surface for mention in extractor.extract(text, ["E08000016"], "E08000016").mentions
                if mention.kind == "intervention"]

    assert "Stronger Together" in surfaces(
        "Barnsley Council appointed a manager for its new edge of care service, Stronger Together, in 2023.")
    assert not any("Kemble" in surface for surface in surfaces(
        "Barnsley Council made the appointment of a permanent Director of Children's Services, Ruth Kemble, in 2023."))


def test_practice_names_match_whatever_their_quotes_hyphens_case_and_plurals():
    from ingest.extraction.practices import practice_key
    assert practice_key("the ‘Step-Up’ teams") == practice_key("Step Up team") == "step up team"
    assert practice_key("Family Hubs") == practice_key("family hub")


def test_unnamed_practices_are_emerging_and_catalogue_names_widen_to_the_printed_span(extractor):
    text = ("Kent County Council launched the Mockingbird family model (MFM) in 2019. It also set up a "
            "kinship navigator service for grandparents. Staffing was restructured. Referrals go to the "
            "multi-agency safeguarding hub (MASH).")
    evidence = extractor.extract(text, ["E10000016"], None)
    interventions = [(m.key, m.surface, m.status) for m in evidence.mentions if m.kind == "intervention"]
    assert ("mockingbird", "Mockingbird family model (MFM)", "catalogue") in interventions
    assert [surface for key, surface, _status in interventions if key == "mash"] == [
        "multi-agency safeguarding hub (MASH)"]
    bracketed = extractor.extract("Kent extended its early help offer (Lifelong Links and the MASH).", ["E10000016"], None)
    assert {(m.key, m.surface) for m in bracketed.mentions if m.kind == "intervention"} == {
        ("early_help_service", "early help offer"), ("lifelong_links", "Lifelong Links"), ("mash", "MASH")}
    assert ("emerging:kinship_navigator_service_for_grandparent", "kinship navigator service for grandparents",
            "emerging") in interventions
    assert {finding.intervention for finding in evidence.implementations} == {
        "mockingbird", "emerging:kinship_navigator_service_for_grandparent", "mash"}


def test_a_practice_only_planned_or_lacked_is_named_but_not_implemented(extractor):
    text = ("Kent County Council introduced Signs of Safety in 2019. A Mockingbird constellation, the first in "
            "the county, is planned for spring 2027. The council has yet to implement Family Safeguarding. "
            "It does not use Lifelong Links. The MASH does not always respond quickly. Children can use Mind of My "
            "Own. Leaders introduced Family Group Conferences in 2019, yet practice remains inconsistent. The "
            "forthcoming contextual safeguarding team will open in 2027. A Staying Close service will launch in the spring. The "
            "council is exploring a No Wrong Door hub with its neighbours. The board considers reports from the "
            "edge of care team. The council is due to launch Bright Spots in May. A Pause project is set to "
            "open next year. The Family Drug and Alcohol Court is due to move to new offices.")
    evidence = extractor.extract(text, ["E10000016"], None)
    assert {"signs_of_safety", "mockingbird", "family_safeguarding", "lifelong_links", "mash", "contextual_safeguarding",
            "staying_close", "no_wrong_door", "pause", "bright_spots"} <= {
        mention.key for mention in evidence.mentions if mention.kind == "intervention"}
    implemented = {"signs_of_safety", "mash", "mind_of_my_own", "family_group_conferencing", "edge_of_care_team",
                   "family_drug_alcohol_court"}
    assert {finding.intervention for finding in evidence.implementations} == implemented
    report = extract_report(evidence, [], [], {}, None, [])  # what `evidence extract --json` lists
    assert {entry["id"] for entry in report["interventions"]} == implemented
    assert {entry["id"] for entry in report["named_only"]} == {
        "mockingbird", "family_safeguarding", "lifelong_links", "contextual_safeguarding", "staying_close",
        "no_wrong_door", "pause", "bright_spots"}


@pytest.mark.parametrize(("text", "implemented", "named_only"), [
    # asked "whether", "talk of", a paper's request: not done
    ("The panel asked whether the Staying Close model would follow in Kent.", set(), {"staying_close"}),
    ("Whether you trained at university or came through Step Up to Social Work, you will join our academy.", set(),
     {"frontline_programme"}),
    ("There is talk of a Mockingbird constellation in Kent next year.", set(), {"mockingbird"}),
    ("The Board is asked to support continued funding of the fostering recruitment team.", set(), set()),
    ("Members are invited to approve the creation of a new edge of care hub.", set(), set()),
    # … but what runs is told, whatever is asked of it or about it
    ("Staff were asked whether the Family Safeguarding model had reduced their caseloads, and most said it had.",
     {"family_safeguarding"}, set()),
    ("Members asked whether the council's Family Safeguarding teams could be expanded into the south.",
     {"family_safeguarding"}, set()),
    ("Social workers are asked to use Signs of Safety mapping in every assessment.", {"signs_of_safety"}, set()),
    ("The Family Safeguarding teams, due largely to lower caseloads, have kept their staff.", {"family_safeguarding"},
     set()),
    ("In each assessment the social worker drew on Signs of Safety to map the risks.", {"signs_of_safety"}, set()),
    # run by a partner "not by the council"; but not schools, not the council, referring to our hubs
    ("Speech therapy for children in care is commissioned by the ICB, not by the council.", set(), set()),
    ("Schools, not the council, made most referrals to the Mockingbird constellation we opened in 2023.",
     {"mockingbird"}, set()),
    # what the council's own model was drawn from
    ("Kent set up Family Circles, its own take on family group conferencing.", {"emerging:family_circle"},
     {"family_group_conferencing"}),
    ("We designed the model ourselves, drawing on systemic practice.", set(), {"systemic_practice"}),
    ("The council adopted a framework it called \"Keystone\", which borrows heavily from restorative practice.",
     {"emerging:keystone"}, {"restorative_practice"}),
    ("The council adopted a single practice framework based on Signs of Safety.", {"signs_of_safety"}, set()),
    # a name given "under its own banner", "under the X name"
    ("Kent has run a fostering drive under its own banner, Foster Together, which doubled enquiries.",
     {"emerging:foster_together"}, set()),
    ("It also opened three children's homes under the Garden Homes name.", {"emerging:garden_home"}, set()),
    ("Councillor Jones, elected under the Labour banner in 2019, chairs the scrutiny commission.", set(), set()),
    ("Under a new name, Foster Together, the council relaunched its carer recruitment campaign in 2023.",
     {"emerging:foster_together", "emerging:carer_recruitment_campaign"}, set()),
    # a name a service was relaunched or rebranded as; a name given after a qualifier of where or for whom
    ("The multi-agency front door was relaunched as Kent Connect, with police and health staff co-located.",
     {"emerging:kent_connect"}, set()),
    ("The council set up its own edge-of-care service for 11 to 17-year-olds, branded Kent Horizons.",
     {"emerging:kent_horizon", "edge_of_care_team"}, set()),
    # fostering allowances raised by the council; not fees raised as a concern, nor a provider's
    ("The council raised fostering allowances by 12 per cent.", {"emerging:fostering_allowance"}, set()),
    ("Foster carers have repeatedly raised fees as a concern at the forum.", set(), set()),
    ("Providers increased their fees by 15 per cent last year.", set(), set()),
    # whom a council took on, of a kind; not newly qualified staff, whom every team takes on
    ("Since 2021 Kent has taken on 80 permanent social workers.", {"emerging:permanent_social_worker"}, set()),
    ("Kent took on 19 newly qualified social workers last year.", set(), set()),
    ("The council recruited 19 experienced permanent social workers, including some from overseas.",
     {"emerging:permanent_social_worker"}, set()),
    # what teams were split into
    ("Child protection teams were split into eight locality teams.", {"emerging:split_into_locality_team"}, set()),
    # weighed and put off, seen where another runs it, or wished for: not done; but taken up from there, it is
    ("We looked at Mockingbird and agreed it should wait until our fostering service is stronger.", set(),
     {"mockingbird"}),
    ("We looked closely at the No Wrong Door model developed in North Yorkshire.", set(), {"no_wrong_door"}),
    ("We looked at the Family Safeguarding model from Hertfordshire and adopted it in 2020.", {"family_safeguarding"},
     set()),
    ("We wish to commission a Staying Close service next year.", set(), {"staying_close"}),
])
def test_what_is_asked_drawn_from_or_named_under_a_banner(extractor, text, implemented, named_only):
    evidence = extractor.extract("Kent County Council: an update\n\n" + text, ["E10000016"], None)
    assert {finding.intervention for finding in evidence.implementations} == implemented
    report = extract_report(evidence, [], [], {}, None, [])
    assert {entry["id"] for entry in report["named_only"]} == named_only


@pytest.mark.parametrize(("text", "surfaces"), [
    # whom a catalogue practice is for is not part of its name; a name's own words are
    ("Kent introduced Lifelong Links for children in care in 2022.", ["Lifelong Links"]),
    ("Kent launched two Mockingbird constellations for our foster carers.", ["Mockingbird constellations"]),
    ("Kent introduced the Step Up to Social Work programme.", ["Step Up to Social Work"]),
    # a description in brackets is not part of the name, an abbreviation is; nor is whom it was taught to
    ("Family Safeguarding (the model that began in Hertfordshire) went live in Kent in May.", ["Family Safeguarding"]),
    ("Kent set up a Multi-Agency Safeguarding Hub (MASH) in 2015.", ["Multi-Agency Safeguarding Hub (MASH)"]),
    ("We trained 90 staff from schools and the voluntary sector in restorative practice.", ["restorative practice"]),
])
def test_whom_a_catalogue_practice_is_for_is_not_its_name(extractor, text, surfaces):
    evidence = extractor.extract("Kent County Council: an update\n\n" + text, ["E10000016"], None)
    assert [mention.surface for mention in evidence.mentions if mention.kind == "intervention"] == surfaces


def test_what_a_report_lists_as_needing_to_improve_is_not_implemented(extractor):
    text = ("Kent County Council introduced Signs of Safety in 2019.\n\nWhat needs to improve?\n\n"
            "- The implementation of an effective edge of care service.\n\n- Use of the Mockingbird model. The "
            "experiences of children who need help: good 1. The Family Group Conference service works well.\n")
    evidence = extractor.extract(text, ["E10000016"], None)
    assert {finding.intervention for finding in evidence.implementations} == {
        "signs_of_safety", "family_group_conferencing"}
    option = ("Kent County Council: business case\n\n4.1 Option D would involve:\n\n- opening two children's homes, "
              "each with four beds, by 2026;\n- joining the Mockingbird programme with three constellations.\n\n"
              "4.2 In 2023 the council recruited 12 permanent social workers.\n")
    proposed = extractor.extract(option, [], None)  # what an option would involve is neither done nor a result
    assert {finding.intervention for finding in proposed.implementations} == {"emerging:permanent_social_worker"}
    assert [found.outcome.value for found in proposed.open_outcomes] == [12.0]
    achieved = "What we achieved\n\n- Kent County Council launched Mockingbird in 2021.\n"  # not a heading of it
    assert [finding.intervention for finding in extractor.extract(achieved, ["E10000016"], None).implementations] == [
        "mockingbird"]


@pytest.mark.parametrize(("sentence", "recommends"), [
    ("2. Develop a coherent programme of audits.", True),
    ("Review and refresh the role of the corporate parenting forum.", True),
    ("Continue to strengthen the contributions of partners.", True),
    ("Work with schools has improved since the MASH was launched in 2021.", False),  # "Work" tagged a verb
    ("Put simply, the Family Safeguarding model has cut re-referrals.", False),
    ("Stay Close is working with 40 young people.", False),
    # a committee asked to decide, its verb tagged a proper noun or a noun
    ("1.3 Approve further spending of £1.2 million on the academy in 2025/26.", True),
    ("5.2 Agree the allocation of £400,000 to recruit 12 additional social workers.", True),
    ("Approve Plus sessions were attended by 64 parents.", False),
    # a paragraph's number the parser took for a subject; a count that is one
    ("3.11 Submit a bid in 2026/27 for Staying Close funding to support care leavers.", True),
    ("212 live with foster carers, of whom 15% live outside the county.", False),
])
def test_a_recommendation_starts_with_a_verb_that_has_no_subject(sentence, recommends):
    assert instruction(full_pipeline()(sentence)) is recommends


@pytest.mark.parametrize(("sentence", "practice", "refused"), [
    ("We looked closely at Lifelong Links, which our neighbours run well, but decided against it.", "Lifelong Links", True),
    ("A kinship hub was considered but not taken forward.", "kinship hub", True),
    ("We bid for money to run Staying Close and were not successful.", "Staying Close", True),
    ("The borough expressed interest in a fostering pathfinder but was not selected.", "fostering pathfinder", True),
    ("Leaders considered a trust model in 2020 and rejected it.", "trust model", True),
    ("We visited Stockport's hub and decided it was not right for us.", "hub", True),
    ("Having considered several models, we adopted Signs of Safety and rejected the rest.", "Signs of Safety", False),
    ("We introduced Mockingbird in 2020 but decided against extending it.", "Mockingbird", False),
    ("We looked at Mockingbird, launched it in May and rejected a second model.", "Mockingbird", False),
    # a change to a practice that runs was refused, or the refusal is someone else's
    ("We considered closing our Lifelong Links service but decided not to.", "Lifelong Links", False),
    ("We bid for money to extend Staying Close, and the bid was unsuccessful.", "Staying Close", False),
    ("Having considered the options, we use Family Group Conferences where mediation has been unsuccessful.",
     "Family Group Conferences", False),
    ("Workers discussed Signs of Safety plans with families who had rejected earlier offers.", "Signs of Safety", False),
    ("We explored with families how Family Group Conferences could help; two families rejected the offer.",
     "Family Group Conferences", False),
    ("Staff asked for a four-day week pilot, and that was looked at and turned down.", "four-day week pilot", True),
    # "closely" is no closing of what runs
    ("We went to Essex and looked closely at Lifelong Links, but decided against adopting the model.", "Lifelong Links",
     True),
])
def test_a_practice_weighed_and_turned_down_is_not_the_councils(sentence, practice, refused):
    at = sentence.index(practice)
    assert turned_down(sentence[:at], sentence[at + len(practice):]) is refused


@pytest.mark.parametrize(("sentence", "practice", "begun"), [
    ("The Family Hub is due to open its second site in June.", "Family Hub", True),  # an existing one's new site
    ("The MASH is expected to begin taking referrals from schools in April.", "MASH", True),
    ("Families are due to start Family Group Conferences within four weeks.", "Family Group Conferences", True),
    ("The improvement board considered the Mockingbird evaluation report in March.", "Mockingbird", True),
    ("Social workers plan Family Group Conferences early.", "Family Group Conferences", True),
    ("The council is scoping a No Wrong Door hub.", "No Wrong Door", False),
    ("We're looking closely at No Wrong Door, the North Yorkshire model.", "North Yorkshire model", False),
    ("We're looking at No Wrong Door for adolescents.", "No Wrong Door", False),
    ("We looked at No Wrong Door in 2021 and adopted it.", "No Wrong Door", True),
    ("Looking at our Mockingbird constellations, carers told us they feel less isolated.", "Mockingbird", True),
    ("With the DfE, we will explore alternative delivery models.", "alternative delivery models", False),
    ("Leaders are considering a Staying Close scheme.", "Staying Close", False),
    ("The council is preparing to launch a Mockingbird constellation.", "Mockingbird", False),
    ("The council is about to launch Lifelong Links.", "Lifelong Links", False),
    ("A Lifelong Links service is due to be implemented in April.", "Lifelong Links", False),
    ("A kinship protocol with housing is soon to be introduced.", "kinship protocol", False),
    ("The priority now is to implement Family Group Conferences.", "Family Group Conferences", False),
    ("The new edge of care strategy has been postponed.", "edge of care strategy", False),
    ("The proposal to replace the duty desk with a MASH was rejected.", "MASH", False),
    ("The proposal to replace the duty desk with a MASH was rejected.", "duty desk", True),
    ("Leaders replaced the duty desk with a MASH in 2019.", "MASH", True),
    ("We are opening our first Mockingbird constellation in the coming months.", "Mockingbird", False),
    ("Mockingbird is being launched in the new year.", "Mockingbird", False),
    ("The council uses Signs of Safety with all children coming into care.", "Signs of Safety", True),
    ("Leaders are implementing Signs of Safety across the next tier of services.", "Signs of Safety", True),
    ("Mockingbird was delayed by the pandemic but launched in 2021.", "Mockingbird", True),
    ("The council delayed the review of its MASH.", "MASH", True),
    ("The council's response in 2019 was to establish a MASH.", "MASH", True),
    ("The council has a MASH with a helpline which is soon to be introduced.", "MASH", True),
    ("We opened our first Mockingbird constellation in the new year.", "Mockingbird", True),
    ("The council is refreshing its Family Hub offer, which opens a new site next year.", "Family Hub", True),
    ("Children are keen to use Mind of My Own.", "Mind of My Own", True),
    ("It has a budget for a kinship hub, which is about to be set up.", "kinship hub", False),
    ("The MASH, which will move to new offices in May, works well.", "MASH", True),
    ("The council set up a kinship hub, which opened in May.", "kinship hub", True),
    # hoped for, weighed, turned down or applied for: not begun; decided on: begun
    ("The council hopes to launch its first Mockingbird constellation in the autumn.", "Mockingbird", False),
    ("Members debated whether to adopt Signs of Safety.", "Signs of Safety", False),
    ("We looked at introducing Mockingbird but decided against it.", "Mockingbird", False),
    ("We continue to look at Sefton's Mockingbird constellation as a possible model.", "Mockingbird constellation",
     False),
    ("We continue to look at Essex and Kent's Mockingbird constellation as a possible model.", "Mockingbird constellation",
     False),
    ("The borough decided against a four-day working week.", "four-day working week", False),
    ("The council has applied to join the Family Hubs programme.", "Family Hubs", False),
    ("We decided to adopt Signs of Safety in 2019.", "Signs of Safety", True),
    ("The council introduced Mockingbird but decided against extending it to the north.", "Mockingbird", True),
    ("The council voted against closing its homes and introduced Mockingbird.", "Mockingbird", True),
    ("We applied to join the Family Safeguarding programme in 2020 and went live in 2021.", "Family Safeguarding", True),
    ("The council applied the Signs of Safety model to every assessment.", "Signs of Safety", True),
    ("The council applied for Staying Close funding last year.", "Staying Close", False),
    ("An earlier bid for Staying Close money failed in 2022.", "Staying Close", False),
    ("The council bid for funding to set up a Family Drug and Alcohol Court.", "Family Drug and Alcohol Court", False),
    ("A successful bid for Staying Close money paid for the new flats.", "Staying Close", True),
    ("We applied for and won funding to set up Lifelong Links.", "Lifelong Links", True),
    ("An earlier application for DfE Staying Close money failed in 2022.", "Staying Close", False),
    ("We have successfully applied for Family Hubs funding.", "Family Hubs", True),
    ("We are applying for accreditation of our Lifelong Links service, which has run since 2019.", "Lifelong Links",
     True),  # what is asked for is the accreditation
    # some of what was planned is there; a clause of its own tells what is done, whatever the next one plans
    ("Last spring we opened the first three of five planned kinship hubs.", "kinship hubs", True),
    ("Two of the planned kinship hubs are now open.", "kinship hubs", True),
    ("Two of the proposed kinship hubs are still awaiting funding.", "kinship hubs", False),
    ("We have cancelled half of the planned kinship hubs.", "kinship hubs", False),
    ("The planned kinship hubs will open in 2027.", "kinship hubs", False),
    ("Six Family Hubs have opened since May; two more will open next year.", "Family Hubs", True),
    ("We will make sure that Mockingbird is launched in the spring.", "Mockingbird", False),
    ("We hope Mockingbird has launched by then.", "Mockingbird", False),
])
def test_a_practice_to_come_is_not_yet_begun_and_an_existing_one_doing_something_new_is(sentence, practice, begun):
    assert not_yet_begun(words_of(sentence, practice).root) is not begun


@pytest.mark.parametrize(("sentence", "practice", "given_up"), [
    ("The council moved away from Signs of Safety in 2022.", "Signs of Safety", True),
    ("The MASH was restructured into a Family Front Door last year.", "MASH", True),
    ("A new resource panel replaced the legal gateway meeting.", "legal gateway meeting", True),
    ("Leaders stopped using the Outcomes Star framework.", "Outcomes Star", True),
    ("The edge of care panel was disbanded in 2018.", "edge of care panel", True),
    ("Weekly case huddles were introduced in place of monthly case reviews.", "monthly case reviews", True),
    ("A new resource panel replaced the legal gateway meeting.", "resource panel", False),
    ("The MASH was restructured into a Family Front Door last year.", "Family Front Door", False),
    ("The council restructured its fostering teams in 2021.", "fostering teams", False),
    ("The council will replace the duty panel next year.", "duty panel", False),
    ("The council could replace the duty panel with a weekly huddle.", "duty panel", False),
    ("Leaders may decide to replace the duty panel.", "duty panel", False),
    ("Rather than replacing the duty panel, leaders strengthened it.", "duty panel", False),
    ("We moved the MASH into the family hub building last year.", "MASH", False),
    ("We have scrapped the panel and Family Group Conferences are used instead.", "Family Group Conferences", False),
    ("Leaders agreed a plan to replace the duty panel.", "duty panel", False),
    ("The new family plan replacing the Common Referral Form is popular.", "Common Referral Form", True),
])
def test_a_practice_the_council_gave_up_or_turned_into_another_is_left_behind(sentence, practice, given_up):
    assert left_behind(words_of(sentence, practice)) is given_up


@pytest.mark.parametrize(("sentence", "practice", "paid"), [
    ("Leeds introduced the model, funded through the Department for Education's Partners in Practice programme.",
     "Partners in Practice", True),
    ("The hub was expanded in May, funded from the Troubled Families grant.", "Troubled Families", True),
    ("The house was bought with support from the DfE's Innovation Fund.", "Innovation Fund", True),
    ("The edge of care service was supported nationally by the DfE's Bright Futures programme.", "Bright Futures",
     True),
    ("Young people are supported by the Family Hubs team.", "Family Hubs", False),
    ("Supported by the DfE, the council rolled out Family Safeguarding in 2020.", "Family Safeguarding", False),
    ("The money saved by Family Safeguarding has been reinvested.", "Family Safeguarding", False),
    ("We were supported by the Department for Education to implement Mockingbird.", "Mockingbird", False),
    ("Families supported by the national Family Hubs programme did well.", "Family Hubs", False),
    ("Our Family Hubs funding has allowed us to open five hubs.", "Family Hubs", False),
    ("The council joined the Department for Education's Partners in Practice programme.", "Partners in Practice",
     False),
])
def test_a_programme_named_as_what_paid_for_the_work_is_not_the_work(sentence, practice, paid):
    start = sentence.index(practice)
    assert paid_for_it(sentence[:start], practice, sentence[start + len(practice):]) is paid


def words_of(sentence: str, practice: str):
    """A practice's words in the parsed sentence."""
    start = sentence.index(practice)
    return full_pipeline()(sentence).char_span(start, start + len(practice), alignment_mode="expand")


@pytest.mark.parametrize(("sentence", "practice", "news"), [
    ("The fostering panel was set up after the last inspection.", "fostering panel", True),
    ("Family support services have been remodelled around four localities.", "Family support services", True),
    ("A new youth hub opened in Barking last spring.", "youth hub", True),
    ("The youth hub opened in March 2021.", "youth hub", True),
    ("The panel, which was created in 2021, meets weekly.", "panel", True),
    ("The membership of the fostering panel has been refreshed.", "fostering panel", True),
    ("The expansion of the youth offer has been popular.", "youth offer", True),
    ("Recent changes to the youth offer have brought more referrals.", "youth offer", True),
    ("Leaders have invested heavily in family support services.", "family support services", True),
    ("The newly formed fostering panel meets weekly.", "fostering panel", True),
    ("The fostering panel was re-launched in 2022.", "fostering panel", True),
    ("The rebranded youth offer is popular.", "youth offer", True),
    ("Foster carers are well represented on the fostering panel.", "fostering panel", False),
    ("The fostering panel is well established and effective.", "fostering panel", False),
    ("Most family support services are commissioned by the council.", "family support services", False),
    ("Leaders are keen to develop the participation of children in the fostering panel.", "fostering panel", False),
    ("The council has not set up a fostering panel.", "fostering panel", False),
    ("An integrated youth offer supports families.", "youth offer", False),
    ("The youth offer was set out in the 2019 strategy.", "youth offer", False),
    ("The council recruited 12 panel advisers.", "panel", False),
    ("At the most recent fostering panel meeting, carers spoke.", "fostering panel", False),
    ("A new chair of the fostering panel was appointed.", "fostering panel", False),
    ("Families benefit from a new hub and the youth offer.", "youth offer", False),
    ("The planned relaunch of the fostering panel is in May.", "fostering panel", False),
    ("Inspectors carried out a review of the youth offer.", "youth offer", False),
    ("The investment in family support services has not been sustained.", "family support services", False),
    ("There is no new youth offer.", "youth offer", False),
    ("The youth hub will open in June.", "youth hub", False),
])
def test_an_arrangement_is_news_where_its_sentence_says_it_was_started_or_changed(sentence, practice, news):
    assert introduced(words_of(sentence, practice)) is news


def test_what_every_council_has_is_its_practice_only_where_it_started_or_changed_it(extractor):
    text = ("Care leavers from Leeds attend the corporate parenting board every month. Staying put "
            "arrangements are offered to care leavers in Leeds. Leeds City Council opened a new early help "
            "hub in 2022. The children in care council in Leeds was relaunched last year. Relaunch the "
            "children in care council so that more children take part. In Leeds, the ASYE programme has "
            "reduced first-year turnover from 30% to 12%.")
    evidence = extractor.extract(text, ["E08000035"], None)
    assert {mention.key for mention in evidence.mentions if mention.kind == "intervention"} == {
        "early_help_service", "children_in_care_council"}
    assert [evidence.quote(finding.sentence)[:13] for finding in evidence.implementations
            if finding.intervention == "children_in_care_council"] == ["The children "]  # not the recommendation
    # an outcome is still credited to the arrangement its sentence names
    [turnover] = [finding for finding in evidence.outcomes if finding.draft.value_to == 12]
    assert turnover.intervention == "asye"


def test_the_dfe_programme_that_funds_family_safeguarding_is_not_the_strengthening_families_framework(extractor):
    text = ("Leeds City Council joined the Department for Education's Strengthening Families, Protecting Children "
            "programme in 2020. It introduced Family Safeguarding in 2021 with money from the Department for "
            "Education's Strengthening Families, Protecting Children programme. The council moved away from "
            "Signs of Safety in 2022.")
    evidence = extractor.extract(text, ["E08000035"], None)
    assert [(mention.key, evidence.quote(sentence)[:10]) for mention, sentence in zip(
        evidence.mentions, evidence.mention_sentences) if mention.kind == "intervention"] == [
        ("strengthening_families_protecting_children", "Leeds City"), ("family_safeguarding", "It introdu")]
    # what paid for the work and what the council gave up are neither its practices nor named as them


def test_what_a_recommendation_tells_the_council_to_do_is_neither_a_practice_nor_an_outcome(extractor):
    text = ("Kent County Council introduced Signs of Safety in 2019. 2. Ensure that a No Wrong Door hub is "
            "established for adolescents. Introduce a weekly tracker of unallocated cases. Reduce the 40% of "
            "assessments that take longer than 45 days to 10%.")
    evidence = extractor.extract(text, ["E10000016"], None)
    assert {mention.key for mention in evidence.mentions if mention.kind == "intervention"} == {
        "signs_of_safety", "no_wrong_door"}  # the hub still named, for search
    assert {finding.intervention for finding in evidence.implementations} == {"signs_of_safety"}
    assert evidence.outcomes == [] and evidence.open_outcomes == []


def test_a_council_named_service_is_a_practice_and_the_council_is_not(extractor):
    text = ("Walsall Council opened the Walsall Family Front Door in 2022. "
            "Councillor Jo Marsh welcomed it.")
    evidence = extractor.extract(text, [], None)
    surfaces = [m.surface for m in evidence.mentions if m.kind == "intervention"]
    assert "Walsall Family Front Door" in surfaces
    assert not any(surface.startswith(("Walsall Council", "Councillor")) for surface in surfaces)
    assert [m.key for m in evidence.mentions if m.kind == "council"][:2] == ["E08000030", "E08000030"]


def test_a_council_name_inside_another_name_is_not_the_council_and_a_short_form_with_council_is(extractor):
    text = ("Hull City Council trained staff with the University of Reading. Greater Manchester partners and "
            "councillor Peter Barnsley attended.")
    assert [(m.surface, m.key) for m in extractor.extract(text, [], None).mentions if m.kind == "council"] == [
        ("Hull", "E06000010")]


def test_a_document_plainly_about_one_council_gives_it_the_figures_of_its_unnamed_sentences(extractor):
    about_one = ("Walsall's road to good\n\nWalsall Council rebuilt its workforce and Walsall kept it. Walsall "
                 "worked with Dudley, Sandwell and Wolverhampton on agency pay. More staff joined. "
                 "Average caseloads are 16.")
    evidence = extractor.extract(about_one, [], None)
    assert [(found.council, found.outcome.value) for found in evidence.open_outcomes] == [("E08000030", 16.0)]
    several = about_one.replace("Walsall's road", "Sandwell's road").replace("Walsall kept", "Sandwell kept")
    assert extractor.extract(several, [], None).open_outcomes == []  # no council plainly its subject


def test_a_letter_naming_its_council_once_in_its_opening_is_about_that_council(extractor):
    letter = ("Medway Council: children's services peer challenge\n\nDear colleagues,\n\nThank you for inviting "
              "the team to spend three days with your children's services in November. This letter sets out what "
              "the team saw, what is working well and what you may wish to consider next, in the order of the "
              "scope agreed with us at the start. The team included a director from Kent County Council and "
              "thanks Medway's staff. We met "
              "staff and partners. The council introduced Lifelong Links in 2021. Average caseloads are 15.")
    evidence = extractor.extract(letter, [], None)
    assert [(found.council, found.intervention) for found in evidence.implementations] == [
        ("E06000035", "lifelong_links")]
    assert [(found.council, found.outcome.value) for found in evidence.open_outcomes] == [("E06000035", 15.0)]


def test_an_email_naming_no_council_in_its_opening_is_about_the_one_it_names_most_later(extractor):
    email = ("From: The director\nTo: All staff\nSubject: Our term\n\nDear colleagues,\n\nThank you for a busy term "
             "and for the questions you sent in after the roadshows, which I answer below in the order they came. Some "
             "of them were about pay, some about buildings and some about the new case recording system.\n\n"
             "We adopted Lifelong Links, first developed in Medway, after a visit there. Caseloads now average 16. "
             "Kent's foster carers met in June, and Kent's fostering team thanked them.")
    evidence = extractor.extract(email, [], None)
    assert {(found.council, found.outcome.value) for found in evidence.open_outcomes} == {("E10000016", 16.0)}
    assert {found.council for found in evidence.implementations} == {"E10000016"}
    once_each = email.replace("Kent's foster carers", "Our foster carers")  # Kent once, Medway once: no council told
    assert not extractor.extract(once_each, [], None).open_outcomes
    visited = email.replace("Kent's foster carers met in June, and Kent's fostering team thanked them.",
                            "We spent two days in Kent seeing how they work, and are grateful to Kent for their advice.")
    learned = extractor.extract(visited, [], None)  # named only as where we learned: not who "we" are
    assert not learned.open_outcomes and not learned.implementations


KENT_OPENING = "Kent's year\n\nKent County Council reports on its year. Kent grew its workforce and Kent kept it. "


@pytest.mark.parametrize(("sentences", "credited"), [
    # another council named before is the subject only right after it, and never where "we" speak
    ("Medway saw a similar fall. Caseloads were discussed at length.\n\nThe council introduced Lifelong Links in 2021.",
     "E10000016"),
    ("Medway saw a similar fall. We introduced Lifelong Links in 2021.", "E10000016"),
    ("Medway Council trained its staff. It was paid for by a grant. It introduced Lifelong Links in 2021.", "E06000035"),
    ("Medway's director said: “We introduced Lifelong Links in 2021.”", "E06000035"),  # a quoted "we"
    ("Unlike us, Medway introduced Lifelong Links in 2021.", "E06000035"),
    ("We visited Medway, which introduced Lifelong Links in 2021.", "E06000035"),
    # a partner "we" work with, or where a model began, is not who did it
    ("We run the adoption agency jointly with Medway and introduced Lifelong Links in 2021.", "E10000016"),
    ("The council introduced Lifelong Links, first developed in Medway, in 2021.", "E10000016"),
    ("The council introduced Medway's Lifelong Links model in 2021.", "E10000016"),
    ("Medway Council introduced Lifelong Links in 2021.", "E06000035"),
    ("Medway's Lifelong Links model began in 2021.", "E06000035"),
    ("The Lifelong Links pilot, led by Medway, began in 2021.", "E06000035"),
    # where a model was seen, learned or brought from is not who did it here (issue 20, session 40)
    ("After visiting Medway, where the model started, we introduced Lifelong Links.", "E10000016"),
    ("The council introduced Lifelong Links in 2021 with support from Medway Council.", "E10000016"),
    ("The council introduced Lifelong Links, modelled on the approach used in Medway.", "E10000016"),
    ("We introduced Lifelong Links, the Medway model, in 2021.", "E10000016"),
    ("The director, who joined from Medway Council last year, introduced Lifelong Links.", "E10000016"),
    ("Inspired by Medway, the council introduced Lifelong Links in 2021.", "E10000016"),
    ("Medway Council helped us set up Lifelong Links in 2021.", "E10000016"),
    ("Like Medway, we introduced Lifelong Links in 2021.", "E10000016"),
    ("Colleagues in Medway introduced Lifelong Links in 2021.", "E06000035"),
    # but a council named as the subject, or only visited or described, did it (a fresh-eyes review's cases)
    ("Our colleagues in Medway introduced Lifelong Links in 2021.", "E06000035"),
    ("We visited Medway, where Lifelong Links is offered to every child.", "E06000035"),
    ("Following a visit from Hertfordshire, Medway introduced Lifelong Links in 2020.", "E06000035"),
    ("Medway introduced Lifelong Links in 2021, two years before Kent.", "E06000035"),
    ("Ofsted judged Medway good in 2023. Inspectors praised its Lifelong Links offer.", "E06000035"),
    # another council named before, only as a source, is not what "it" goes on about; nor, without "it", at all
    ("The council took advice from Medway Council. It introduced Lifelong Links in 2021.", "E10000016"),
    ("Medway Council trained its staff. Lifelong Links was introduced in 2021.", "E10000016"),
])
def test_a_practice_is_credited_to_who_did_it_not_the_council_last_named(extractor, sentences, credited):
    evidence = extractor.extract(KENT_OPENING + sentences, [], None)
    assert {(found.council, found.intervention) for found in evidence.implementations} == {(credited, "lifelong_links")}


def test_a_shared_service_naming_the_councils_is_the_documents_own_among_them(extractor):
    for sentence in ("Adoptions are arranged through Adopt Garden, the regional adoption agency for Medway, Kent and Bexley.",
                     "Adopt Garden is the regional adoption agency we share with Medway, Bexley and Kent."):
        evidence = extractor.extract(KENT_OPENING + sentence, [], None)
        assert {found.council for found in evidence.implementations} == {"E10000016"}, sentence


@pytest.mark.parametrize("title", ["READING GROUP FOR FOSTER CARERS", "YORK HOUSE FOSTERING NEWSLETTER"])
def test_a_capitals_title_opening_with_a_place_word_names_no_council(extractor, title):
    evidence = extractor.extract(title + "\n\nThe group met in March and introduced Lifelong Links.", [], None)
    assert not [mention for mention in evidence.mentions if mention.kind == "council"]


def test_a_council_named_in_a_capitals_title_or_only_in_the_title_line_is_the_documents(extractor):
    for opening in ("KENT CHILDREN'S SERVICES IMPROVEMENT BOARD\n\nMinutes of the meeting held in March.\n\n",
                    "KENT SOCIAL WORK ACADEMY BLOG\n\nPosted in March.\n\n",
                    "Kent County Council: corporate parenting report\n\n" + "The board met in March. " * 15 + "\n\n"):
        evidence = extractor.extract(opening + "The council introduced Lifelong Links in 2021, alongside Medway Council.",
                                     [], None)
        assert {found.council for found in evidence.implementations} == {"E10000016"}, opening


def test_where_we_speak_with_a_partner_the_practice_is_the_councils_the_document_is_given_for(extractor):
    evidence = extractor.extract("We run an adoption agency with Medway and introduced Lifelong Links in 2021.",
                                 ["E10000016"], None)
    assert {found.council for found in evidence.implementations} == {"E10000016"}


def test_a_figure_written_in_words_is_read(extractor):
    text = ("Leeds City Council cut its agency use. Seventeen agency social workers converted to permanent "
            "contracts in Leeds. Around a third of Leeds social workers were agency staff.")
    evidence = extractor.extract(text, ["E08000035"], None)
    assert sorted(found.outcome.value for found in evidence.open_outcomes) == [17.0, 33.0]


EMERGING_A = """Kinship care in Barnsley

Barnsley Council set up a kinship navigator service for grandparents in 2021. The kinship navigator
service for grandparents now supports forty families.
"""
EMERGING_B = """Carers in Barnsley

The council launched a Carers Café Network in May. With health partners it set up the kinship
navigator service for grandparents.
"""


def test_emerging_practices_reach_the_graph_with_provenance_whatever_the_order(settings, councils_loaded, tmp_path):
    """Both orders give the same graph; re-ingesting a changed document drops the practice only it named."""
    from kg.backup import graph_checksum
    from kg.evidence import load_catalogue
    from tests.conftest import wipe

    graph = councils_loaded
    paths = []
    for name, text in (("a.txt", EMERGING_A), ("b.txt", EMERGING_B)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text)
    checksums = []
    for order in (paths, paths[::-1]):
        wipe(graph)
        load_councils(graph, read_councils(settings.reference_dir))
        load_catalogue(graph)
        sources, _ = user_sources(order, settings.corpus_dir, {"kind": "case_study", "councils": ["Barnsley"]})
        assert Ingester(settings, graph).run(sources).failed == 0
        checksums.append(graph_checksum(graph, ignore_labels=["IngestRun", "EmbeddingModel"], ignore_types=["ADDED"],
                                        ignore_properties=["ingest_run", "ingested_at"]))
    assert checksums[0] == checksums[1]
    rows = graph.driver.execute_query(
        "MATCH (c:Council)-[r:IMPLEMENTED]->(i:Intervention {status: 'emerging'}) "
        "RETURN i.id AS id, i.name AS name, i.category AS category, c.name AS council, r.quote AS quote, "
        "r.document_id AS document, r.passage_id AS passage ORDER BY id, document")[0]
    kinship = [row for row in rows if row["id"] == "emerging:kinship_navigator_service_for_grandparent"]
    assert len(kinship) == 2 and {row["council"] for row in kinship} == {"Barnsley"}
    assert kinship[0]["name"] == "kinship navigator service for grandparents" and kinship[0]["passage"]
    assert "set up a kinship navigator service" in " ".join(row["quote"] for row in kinship)
    assert any(row["name"] == "Carers Café Network" for row in rows)
    profile = json.loads(run_cli(settings, "intervention", "emerging:kinship_navigator_service_for_grandparent",
                                 "--json").stdout)
    assert profile["status"] == "emerging" and [row["council"] for row in profile["councils"]] == ["Barnsley"] * 2

    paths[1].write_text(EMERGING_B.replace("The council launched a Carers Café Network in May. ", ""))
    Ingester(settings, graph).run(user_sources([paths[1]], settings.corpus_dir,
                                               {"kind": "case_study", "councils": ["Barnsley"]})[0])
    left = graph.driver.execute_query("MATCH (i:Intervention {status: 'emerging'}) RETURN i.name AS name")[0]
    assert "Carers Café Network" not in [row["name"] for row in left]
    assert "kinship navigator service for grandparents" in [row["name"] for row in left]

    def listed() -> list[str]:
        return [row["id"] for row in json.loads(run_cli(settings, "interventions", "--json").stdout)["interventions"]]

    kinship_id = "emerging:kinship_navigator_service_for_grandparent"
    assert kinship_id not in listed()  # one council so far: shown beside it, not listed
    third = tmp_path / "c.txt"
    third.write_text("Kinship care in Rotherham\n\nRotherham Council set up a kinship navigator service for "
                     "grandparents in 2022.\n")
    Ingester(settings, graph).run(user_sources([third], settings.corpus_dir,
                                               {"kind": "case_study", "councils": ["Rotherham"]})[0])
    assert kinship_id in listed()


def open_found_in(sentence: str):
    from ingest.extraction.open_outcomes import find_open_outcomes
    return find_open_outcomes(full_pipeline()(sentence), 0, set())


def open_outcomes_in(sentence: str) -> list[tuple[str, float, str]]:
    return [(found.kind, found.value, found.unit) for found in open_found_in(sentence)]


def test_levels_and_counts_no_metric_names_are_open_outcomes():
    assert open_outcomes_in("This year the council recruited 24 permanent social workers.") == [("count", 24.0, "count")]
    assert open_outcomes_in("About 38% of practitioners have more than five years of experience.")[0] == (
        "level", 38.0, "%")
    assert open_outcomes_in("Twenty five foster families had been approved by the panel.") == [
        ("count", 25.0, "count")]
    rate = open_outcomes_in("At 1 April 2016, 512 children were in care (a rate of 58.2 per 10,000 children).")
    assert ("level", 58.2, "per 10,000") in rate and ("level", 512.0, "count") in rate


def open_metrics_in(sentence: str) -> list[tuple[float, str, str]]:
    return [(found.value, found.unit, found.metric_text) for found in open_found_in(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # what the first figure counts printed between it and "to"
    ("Average caseloads have dropped from 23 children per social worker to 17.",
     [("caseloads", "down", 23.0, 17.0, -6.0)]),
    # a baseline printed after the figure a change ends at
    ("Re-referrals have fallen to 18%, compared with 25% in 2021.", [("re_referrals", "down", 25.0, 18.0, -7.0)]),
    ("Caseloads have come down to 15 children each, down from 20 when the service was inspected.",
     [("caseloads", "down", 20.0, 15.0, -5.0)]),
    ("Agency staff turnover has come down to 12%.", [("staff_turnover", "down", None, 12.0, None)]),
    ("Re-referrals have fallen to 19%, compared with 24% in England last year.",  # a comparison group's
     [("re_referrals", "down", None, 19.0, None)]),
])
def test_controlled_changes_with_their_figures_apart(sentence, expected):
    assert outcomes_of(sentence) == expected


def open_changes_in(sentence: str) -> list[tuple[float | None, float | None, float | None, str | None, str]]:
    return [(found.value_from, found.value, found.change, found.change_unit, found.metric_text)
            for found in open_found_in(sentence) if found.kind == "change"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a baseline printed after its figure: down from, up from, from, compared with and a time
    ("Our vacancy rate is now 11%, down from 27% in 2020.", [(27.0, 11.0, -16.0, "points", "Our vacancy rate")]),
    ("Last year the service held 150 family meetings, compared with 35 in 2019.",
     [(35.0, 150.0, 115.0, "count", "family meetings")]),
    ("The total number of foster households was 240 in March, up from 205.",
     [(205.0, 240.0, 35.0, "count", "total number of foster households")]),
    ("Placement moves have fallen to 8%, from 13% at the time of the inspection.",
     [(13.0, 8.0, -5.0, "points", "Placement moves")]),
    ("Some 64% of pupils in care passed, compared with 70% nationally.", []),  # a comparison group, no time
    ("About 90% of visits happened within 10 working days, up from 62% in 2022.",  # another number, not a share
     [(62.0, 90.0, 28.0, "points", "visits happened within 10 working days")]),
    ("Average caseloads are now 17, a reduction from 24 two years ago.",
     [(24.0, 17.0, -7.0, "count", "Average caseloads")]),
    ("In 2023, 52 young people stayed with carers after their 18th birthday, an increase from 40 in 2022.",
     [(40.0, 52.0, 12.0, "count", "young people stayed with carers after their 18th birthday")]),  # an ordinal
    # between, not a figure
    # two dated levels of one thing
    ("The number of young people on plans was 410 in March and is 365 now.",
     [(410.0, 365.0, -45.0, "count", "number of young people on plans")]),
    ("The vacancy rate was 31% in 2021 but is now 12%.", [(31.0, 12.0, -19.0, "points", "vacancy rate")]),
    ("Caseloads were 18 in the assessment team and are 14 in the care team.", []),  # two teams, not two times
    ("Agency staff are 30% of the workforce; caseloads are 18, down from 25% in 2020.", []),  # another clause's share
    # a change stated by its size
    ("The number of referrals increased by 30% between 2018 and 2020.", [(None, None, 30.0, "%", "number of referrals")]),
    ("Placement moves fell by a quarter last year.", [(None, None, -25.0, "%", "Placement moves")]),
    ("Demand for early help rose by a sixth.", [(None, None, 17.0, "%", "Demand for early help")]),  # whole per cent
    ("The share of teenagers with three social workers has more than halved.",
     [(None, None, -50.0, "%", "share of teenagers with three social workers")]),
    ("The council cut its spending on agency staff by £2 million.",
     [(None, None, -2_000_000.0, "£", "spending on agency staff")]),
    ("Complaints fell by 12.", [(None, None, -12.0, "count", "Complaints")]),  # a count's size: a change, as readers
    # mark it
    ("The proportion of children placed more than 20 miles away fell by 4 percentage points.",  # "placed" read as the
     [(None, None, -4.0, "points", "proportion of children placed more than 20 miles away")]),  # main verb
    ("Waits fell by 12 weeks.", [(None, None, -12.0, "weeks", "Waits")]),  # a wait's change, in its own unit
    ("The pilot was extended by 12 weeks.", []),  # a time, not a wait: no result
    ("Caseloads average 18, from 1 April 2024.", []),  # a date, not a baseline
    ("The rate of children in need is 52 per 10,000, down from 60 in 2021.",
     [(60.0, 52.0, -8.0, "per 10,000", "rate of children in need")]),
    ("Leaders want to cut agency use by 2026.", []),
])
def test_open_changes_from_a_later_baseline_or_by_their_size(sentence, expected):
    assert open_changes_in(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a participle the parser read as the main verb: what changed runs up to the change verb
    ("The rate of children looked after fell from 64 per 10,000 to 57 per 10,000 over two years.",
     [("change", 64.0, 57.0, "per 10,000", "rate of children looked after")]),
    # an earlier figure after a label's number, in brackets, or as what it "used to be"
    ("The team received 180 Stage 1 complaints, compared with 230 the year before.",
     [("change", 230.0, 180.0, "count", "Stage complaints")]),
    ("Eleven complaints progressed to Stage 2 (previously 16).", [("change", 16.0, 11.0, "count", "complaints")]),
    ("Plans are now reviewed in an average of 31 days, which is quicker than the 48 it used to be.",
     [("change", 48.0, 31.0, "days", "Plans")]),
    # a list line: a measure and its share in brackets; a bare count says too little
    ("Delays in assessment (12 per cent, down from 19 per cent)",
     [("change", 19.0, 12.0, "%", "Delays in assessment")]),
    ("Communication (6)", []),
    # shares and rates in words: one in eight is 12.5 as readers write it, "in every 10,000" a rate, "N in M" a baseline
    ("About one in eight of the children we look after is an unaccompanied asylum seeker.",
     [("level", None, 12.5, "%", "children is unaccompanied asylum seeker")]),
    ("That is roughly 71 in every 10,000 children.", [("level", None, 71.0, "per 10,000", "children")]),
    ("Our survey says 4 in 5 of us have a laptop of our own, up from 3 in 5.",
     [("change", 60.0, 80.0, "%", "have laptop of our own")]),
    ("We understand the number of children entering care fell from 88 in 2022-23 to 71 last year.",
     [("change", 88.0, 71.0, "count", "number of children")]),  # the 71 the parser read as the verb's object
    ("Matching a child with an adopter now takes an average of 210 days.",  # a clause as the subject
     [("level", None, 210.0, "days", "Matching child with adopter")]),
    # where a move ended: a level, or a change with an earlier figure; not a scale's top, nor a share in words
    ("Complaints about late visits rose to 42.", [("level", None, 42.0, "count", "Complaints about late visits")]),
    ("Our approved foster carers rose to 180 (previously 150).",
     [("change", 150.0, 180.0, "count", "Our approved foster carers")]),
    ("The number of children we care for per 10,000 has fallen to 58, compared with 64 a year ago.",
     [("change", 64.0, 58.0, "per 10,000", "number of children")]),
    ("Annual leave of 27 days, rising to 32 after five years.", []),
    ("Attendance at the group fell to half.", []),
    # not the council's result: a rank, another area's figure, the writers themselves, posts sought, one family's story
    ("The service sits in the best-performing quarter of councils in the region.", []),
    ("Our share fell to 14 per cent, against an England-wide figure of 21 per cent.",
     [("level", None, 14.0, "%", "Our share")]),
    ("Four of us went to London to meet the minister.", []),
    ("We are looking for five experienced practice supervisors.", []),
    ("My niece waited 14 weeks for a first appointment.", []),
    ("One father in our group had had seven social workers in two years.", []),
    ("A grandmother whose two grandchildren waited nine weeks for contact complained.", []),
])
def test_open_figures_read_through_misparses_brackets_and_words(sentence, expected):
    assert [(found.kind, found.value_from, found.value, found.unit, found.metric_text)
            for found in open_found_in(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a size in points is a share's move; a size whose unit is another's ("to 19%", "per 10,000") is no count
    ("Plans ending within a year rose by 8 points to 71%.",
     [("change", None, None, 8.0, "points"), ("level", None, 71.0, None, "%")]),
    ("The rate of re-referral fell by 3 to 19%.", []),
    ("The rate of children in care fell by 4 per 10,000 to 61.", []),
    # "used to be" only for the figure just before it, of its unit; a label's number only after a label word
    ("Caseloads are now 14 on average, though agency use is far higher than the 5% it used to be.",
     [("level", None, 14.0, None, "count")]),
    ("Of 214 complaints, 30 went to Stage 2, compared with 41 the year before.",
     [("level", None, 214.0, None, "count"), ("change", 41.0, 30.0, -11.0, "count")]),
    # a report's subject is not the measure's; a relative clause is not part of it
    ("Ofsted said the number of children placed out of area fell by 4 percentage points.", []),
    ("Children placed out of area, which the council has prioritised, fell by 8.",
     [("change", None, None, -8.0, "count")]),
    # the council's own area-wide figure; a document's parts and pay are not measures; a bracket after another figure
    ("The Bristol-wide rate of re-referrals is 18%, down from 22%.", [("change", 22.0, 18.0, -4.0, "points")]),
    ("Section 4 (12%)", []),
    ("Pay award (4%)", []),
    ("Agency social workers make up 9% of the workforce, and we have 40 newly qualified staff (was 12%).",
     [("level", None, 9.0, None, "%"), ("level", None, 40.0, None, "count")]),
    # fractions as readers write them, and "sixth formers" are no fraction
    ("One eighth of referrals came from health.", [("level", None, 12.5, None, "%")]),
    ("We supported two sixth formers into apprenticeships this year.", [("level", None, 2.0, None, "count")]),
])
def test_what_the_review_of_the_new_figure_rules_found(sentence, expected):
    assert [(found.kind, found.value_from, found.value, found.change, found.change_unit or found.unit)
            for found in open_found_in(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Average caseloads are 19.", [(19.0, "count", "Average caseloads")]),
    ("Caseloads in the duty team now stand at 21.", [(21.0, "count", "Caseloads in duty team")]),
    ("Sickness absence remained steady at around 4 days.", [(4.0, "days", "Sickness absence")]),
    ("Contacts to the front door totalled 5,210.", [(5210.0, "count", "Contacts to front door")]),
    ("It is 12.", []),
    # a comparison group's figure goes, the council's stays
    ("Agency use now stands at 14%, against a regional average of 19%.", [(14.0, "%", "Agency use")]),
    ("Caseloads are 19, against a target of 16.", [(19.0, "count", "Caseloads")]),
    # money in pounds, named by what it is of, or by the subject it is the level of
    ("The service is funded by £1.5 million of council investment.", [(1_500_000.0, "£", "council investment")]),
    ("The average weekly cost of a residential placement is £5,200.",
     [(5_200.0, "£", "average weekly cost of residential placement")]),
    ("The annual placements budget is £9.3m.", []),  # what was set aside, not what was done
    # a negated clause states nothing, the clause beside it still does
    ("Agency use has not fallen and remains at 30%.", [(30.0, "%", "Agency use")]),
    ("Caseloads have not dropped below 20.", []),
    # plans, hopes and forecasts; how a study was made; the parts a service was divided into
    ("The service aims to cut agency use below 10% by 2027.", []),
    ("Leaders say the new unit will open four more homes.", []),
    ("The study drew on a survey of 140 foster carers.", []),
    ("The review used interviews with 30 parents and 11 young people, and an analysis of 90 case files.", []),
    # what the writer did: a commissioner's or a reviewer's own tally
    ("Since June I have visited the teams and spoken with 41 foster carers.", []),
    ("I am glad to report that 23 foster carers were approved this year.", [(23.0, "count", "foster carers")]),
    ("We have approved, um, I think 23 foster carers so far.", [(23.0, "count", "foster carers")]),
    ("In my first year I recruited 30 permanent social workers.", [(30.0, "count", "permanent social workers")]),
    ("Trends were compared with a group of six statistical neighbours.", []),
    ("The service is forecasting an overspend of £3.2 million, of which £2.1 million relates to placements.", []),
    ("The business case assumed savings of £1.5 million; current projections indicate £0.9 million.", []),
    ("About 38% of the county's neighbourhoods are among the most deprived in England.", []),
    ("The service helped 400 families, of which 120 were referred by schools.",
     [(400.0, "count", "families"), (120.0, "count", "families referred by schools")]),
    # how the service is organised is its shape; units created or added are things done
    ("The county has two youth panels and four locality hubs.", []),
    ("Each manager runs three family hubs.", []),
    ("The council created two new assessment teams.", [(2.0, "count", "new assessment teams")]),
    ("In 2022, 14 family hubs were opened across the borough.", [(14.0, "count", "family hubs")]),
    ("Children's social work was reorganised into five area teams.", []),
    ("The team may recruit 15 more social workers.", []),
    ("Our aim is 20.", []),
    ("Some 12% of care leavers are not in education, employment or training.",
     [(12.0, "%", "care leavers are not in education employment or training")]),  # what is said of the group
    ("Social workers now hold a manageable average of 15 children.", [(15.0, "count", "children")]),
    ("The rate is 67 per 10,000 nationally.", []),
])
def test_a_level_stated_of_its_subject(sentence, expected):
    assert open_metrics_in(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("41 live with kinship carers, of whom 12% live outside the county.",
     [(41.0, "count", "live with kinship carers"), (12.0, "%", "live outside county")]),
    ("212 (38%) were placed within the city.",
     [(212.0, "count", "placed within city"), (38.0, "%", "placed within city")]),
    ("The average length of court proceedings is 29 weeks.", [(29.0, "weeks", "average length of court proceedings")]),
    ("Neglect featured in 61% and emotional abuse in 22%.", [(61.0, "%", "Neglect")]),  # the second's subject is unsaid
    ("Reviews are completed within 20 days.", []),  # a timescale
    ("Six months on, the position has improved.", []),  # a point in time
    ("Over half did so.", []),
    ("Only two were highlighted.", []),
    ("The vacancy rate is heading back towards 12%.", []),  # where it heads, not where it stands
    ("Two of the sub-groups are shared with adult services.", []),  # the service's own parts
    ("143 (or 31.5%) live outside the county.",
     [(143.0, "count", "live outside county"), (31.5, "%", "live outside county")]),  # the same figure restated
])
def test_a_figure_with_no_noun_of_its_own_is_measured_by_its_clause(sentence, expected):
    """A figure that is a clause's subject is measured by the predicate; one in the predicate, by the subject."""
    assert open_metrics_in(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("On 1 March, three children lived with unrelated foster carers abroad.",
     [(3.0, "count", "children lived with unrelated foster carers abroad")]),  # not "At 1 March"
    ("Currently 31 care leavers are studying at college, including four who started this year.",
     [(31.0, "count", "care leavers studying at college"),  # the part "including" names is another figure
      (4.0, "count", "care leavers studying at college who started this year")]),
    ("Nine young people are not matched to a mentor.", [(9.0, "count", "young people not matched to mentor")]),
    ("The panel approved 20 children who were waiting for a family.",
     [(20.0, "count", "children who were waiting for a family")]),  # the group's own clause
    ("The hub worked with 150 families, of which 40 were referred by GPs.",
     [(150.0, "count", "families"), (40.0, "count", "families referred by GPs")]),  # a clause about a part
    ("Social workers visited 45 children during the week.", [(45.0, "count", "children")]),  # nothing said of them
    ("By March, 88% of plans had been reviewed on time.", [(88.0, "%", "plans reviewed on time")]),  # a share's
    ("The council runs five children’s homes.", [(5.0, "count", "children’s homes")]),  # measure; what "five" counts
    ("In 2023, 12 children waited over a year for an adoptive family.",
     [(12.0, "count", "children waited over year for adoptive family")]),
    ("The panel matched 14 children placed for adoption.", [(14.0, "count", "children placed for adoption")]),
    ("60% of children are not seen regularly.", [(60.0, "%", "children not seen regularly")]),  # how, not when
    ("22 young people are now living independently.", [(22.0, "count", "young people living independently")]),
    ("Twenty families were referred in March 2023.", [(20.0, "count", "families referred")]),  # not the date
    ("85% of complaints about the service were resolved within 20 days.",
     [(85.0, "%", "complaints about service resolved within 20 days")]),
])
def test_a_group_a_figure_counts_is_measured_by_what_its_clause_says_of_it(sentence, expected):
    """"Two children lived in a private fostering placement" measures children living there, not children."""
    assert open_metrics_in(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("There have been no placement breakdowns since May 2019.", [(0.0, "count", "placement breakdowns")]),
    ("No complaints were received from parents last year.", [(0.0, "count", "complaints received from parents")]),
    ("The county does not run any residential homes.", [(0.0, "count", "residential homes")]),
    ("Five live with relatives, of whom none live outside the city.",
     [(0.0, "count", "live outside city"), (5.0, "count", "live with relatives")]),
    ("Even where there are no plans for reunification, contact is well supported.", []),  # a condition
    ("Inspectors saw no children who were left at risk.", []),  # what inspectors saw
    ("There are no significant delays in assessments.", []),  # an absence not counted
    ("The board has not received any data on missing children.", []),
])
def test_none_is_a_count_of_zero(sentence, expected):
    """"No complaints were received" states a figure: none; a condition, a finding or "no delays" does not."""
    assert sorted(open_metrics_in(sentence)) == sorted(expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Only half of the older teenagers have a pathway plan.", [(50.0, "%", "older teenagers")]),
    ("Nearly two thirds of care leavers are in work.", [(67.0, "%", "care leavers are in work")]),
    ("Around one in four children in care is placed far from home.", [(25.0, "%", "children in care")]),
    ("In the first quarter of 2021, 40 children were adopted.", [(40.0, "count", "children adopted")]),
    ("In the first two quarters of 2020–21, demand rose.", []),
    # the exact figure printed beside the words is the share
    ("In 2022 nearly a quarter of social workers in Bolton (24 per cent) were agency staff.",
     [(24.0, "%", "social workers were agency staff")]),
    ("Nearly a quarter of social workers (24%) were agency staff.", [(24.0, "%", "social workers were agency staff")]),
])
def test_a_share_in_words_is_a_percentage(sentence, expected):
    assert open_metrics_in(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("At 1 May 2019, 41 children and young people per 10,000 (230) were on a protection plan.",
     [(41.0, "per 10,000"), (230.0, "count")]),
    ("At 1 May 2019, 360 children per 10,000 population (2,150) were in need of help.",
     [(360.0, "per 10,000"), (2150.0, "count")]),
    ("Ten children ceased to be in care, of whom one subsequently returned to their family.", [(10.0, "count"), (1.0, "count")]),
    ("300 children left care, of whom 6% later returned to be looked after.", [(300.0, "count"), (6.0, "%")]),
])
def test_a_rate_printed_first_and_a_figure_after_of_whom(sentence, expected):
    assert [(value, unit) for value, unit, _ in open_metrics_in(sentence)] == expected
    assert all(len(metric) >= 3 for _, _, metric in open_metrics_in(sentence))


def test_comparison_groups_plans_headings_and_names_give_no_open_outcome():
    assert open_outcomes_in("This is lower than the England average of 31%.") == []
    assert open_outcomes_in("The council will recruit 20 more foster carers.") == []
    assert open_outcomes_in("Recommendations 8") == []
    assert open_outcomes_in("Young people meet at the Step 2 Success group every week.") == []
    assert open_outcomes_in("The national figure for 2023/24 was 64%.") == []
    assert open_outcomes_in("Across the comparison authorities the rate fell by 9%.") == []
    assert open_outcomes_in("The council plans to open two homes and to recruit 40 foster carers.") == []
    assert open_outcomes_in("It recruited 12 social workers and plans to recruit 8 more.") == [
        ("count", 12.0, "count")]
    assert open_outcomes_in("The service supported 140 families (120 target) this year.") == [
        ("level", 140.0, "count")]
    assert open_outcomes_in("The service worked with 300 target families this year.") == [("level", 300.0, "count")]
    assert open_outcomes_in("The council plans to open two homes and recruit 40 foster carers.") == []
    assert open_outcomes_in("In the pilot teams, 70% of plans were on time, compared with 52% of plans in the "
                            "other teams over the previous year.") == [("level", 70.0, "%"), ("level", 52.0, "%")]


def test_an_estimated_figure_from_before_a_programme_is_the_baseline_of_the_one_compared_with_it():
    [found] = open_found_in("Of the families referred, 70 per cent took part, compared with an estimated 40 per cent "
                            "of those referred to other services before the programme began.")
    assert (found.kind, found.value_from, found.value, found.unit) == ("change", 40.0, 70.0, "%")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("3 Leaders know their services well and act on what they find.", []),  # a paragraph number
    ("Help for families 12 The progress of children 14 Leadership and governance", []),  # contents
    ("Children in care requires improvement 2. Leaders have a plan.", []),  # a table of grades
    ("The pilot runs until the end of its evaluation period 47.", []),  # a page number at the end
    ("Young people aged 16 to 17 are housed well.", []),
    ("The 2019 Family Review reported strong practice.", []),  # a year, not a count
    ("Three serious case reviews were completed and two monitoring visits took place.", []),
    ("Fewer young people now have four or more moves of home a year.", []),  # who is counted
    ("Some 17+ care leavers wait too long for a flat.", []),
    ("Nine care leavers gained 5 A*–C grades this summer.", [("level", 9.0, "count")]),  # a bound, not a count
    ("3. brings the same model to the fostering service next year;", []),  # a list item's number
    ("Half of the children had changed school in the previous twelve months.", [("level", 50.0, "%")]),
    ("In about two thirds of cases the family stayed together.", [("level", 67.0, "%")]),  # a share, not "two"
    ("Two-thirds of audits were rated good or better.", [("level", 67.0, "%")]),
    ("Forty-six children were adopted last year.", [("count", 46.0, "count")]),
    ("Between 2 June and 30 September 2019, 84 return interviews were completed.", [("count", 84.0, "count")]),
])
def test_numbers_that_are_not_figures_of_the_text_give_no_open_outcome(sentence, expected):
    assert open_outcomes_in(sentence) == expected


def test_a_later_sentence_gives_the_baseline_or_the_later_value_of_a_free_metric(extractor):
    text = ("At 1 April 2016, 512 children were in care (a rate of 58.2 per 10,000 children). "
            "This is an increase from 470 (53.9 per 10,000) at 1 April 2015.")
    evidence = extractor.extract(text, ["E10000016"], "E10000016")
    assert {(found.outcome.kind, found.outcome.value_from, found.outcome.value, found.outcome.unit)
            for found in evidence.open_outcomes} == {("change", 470.0, 512.0, "count"),
                                                     ("change", 53.9, 58.2, "per 10,000")}
    def changes(text: str) -> list[tuple]:
        return [(found.outcome.kind, found.outcome.value_from, found.outcome.value, found.outcome.unit)
                for found in extractor.extract(text, ["E10000016"], "E10000016").open_outcomes]

    assert changes("In 2020 about 40 per cent of our social workers were agency staff. That figure now stands at "
                   "15 per cent, better than the regional average of 17 per cent.") == [("change", 40.0, 15.0, "%")]
    assert changes("In 2020 about 40 per cent of our social workers were agency staff. That figure now stands at "
                   "15%, and 300 children are on plans.") == [("change", 40.0, 15.0, "%"), ("level", None, 300.0, "count")]
    assert ("change", 120.0, 1650.0, "count") not in changes(  # "the number" may be another metric's
        "In 2020 the council had 120 approved foster carers. The number in care is now 1,650.")
    halved = extractor.extract("Missing episodes among teenagers halved over the year. Barnsley doubled its "
                               "fostering recruitment team.", ["E08000016"], "E08000016")  # no digit: still read
    assert [found.outcome.change for found in halved.open_outcomes] == [-50.0, 100.0]
    restated = extractor.extract("A year ago almost four in ten social work posts were filled by agency workers. That "
                                 "figure has now fallen to 16%.", ["E10000016"], "E10000016")
    assert [(found.outcome.value_from, found.outcome.value) for found in restated.open_outcomes] == [(40.0, 16.0)]
    assert not restated.outcomes  # the later value is the earlier figure's, not a change from nothing
    beside = extractor.extract("A year ago almost four in ten social work posts were filled by agency workers. That "
                               "figure has now fallen to 12%, while average caseloads have fallen to 12.",
                               ["E10000016"], "E10000016")
    assert [(found.draft.metric, found.draft.value_to) for found in beside.outcomes] == [("caseloads", 12.0)]
    from ingest.extraction.open_outcomes import metric_key
    assert metric_key("The children’s homes") == metric_key("children's home") == "children home"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("58 (17%) were placed with relatives.", [("count", 58.0, "count"), ("level", 17.0, "%")]),  # "58" is no date
    ("At 1 April 2019, 250 children were the subject of a child protection plan.", [("level", 250.0, "count")]),
    ("Care leavers in 72% of cases have a pathway plan.", [("level", 72.0, "%")]),
    ("The council plans to open 4 more children's homes.", []),  # a plan, not a result
    ("Practitioners now complete stage two assessments sooner.", []),  # a label, not a count
    ("The three locality teams meet weekly.", []),  # things already known, not a count
    ("Inspectors met four groups of care leavers.", []),  # the inspection's own tally
    ("Attainment in reading was 14% higher and in writing 9% lower.", []),  # a difference from other pupils
    ("Attendance was 6% higher than last year.", [("level", 6.0, "%")]),  # a change the text states
    ("About 22% of children in the county live in low-income families.", []),  # area demographics
    ("Northby is a city of about 310,000 people, with 71,000 children and young people.", []),
    ("Of 1,500 children, 300 were seen within 10 days.", [("level", 1500.0, "count"), ("level", 300.0, "count")]),
    ("The team has worked with 12,000 children and young people.", [("level", 12000.0, "count")]),
    ("There are no financial implications for the council.", []),  # a committee paper's heading, not a count
    ("The rate per 10,000 (64) is still above the regional average.", [("level", 64.0, "per 10,000")]),
    ("For advice call 01632 960321 during office hours.", []),  # a telephone number
    ("About 90,000 children and young people live in the county.", []),  # area demographics
    ("About 90,000 children and young people live in Northby.", []),
    ("By March, 1,120 children living in kinship care were supported by the hub.", [("level", 1120.0, "count")]),
    ("Last year our re-referral rate was 24%; this year ours is 19%.", [("change", 19.0, "%")]),
    # "ours" after a comparison: the comparison's figure is not ours, and ours is in its unit
    ("Nationally the rate of children in care is about 70 per 10,000; ours is 61.", [("level", 61.0, "per 10,000")]),
    ("The regional average is 22%, and ours is 18.", [("level", 18.0, "%")]),
])
def test_figures_in_lists_dates_labels_and_comparisons(sentence, expected):
    assert open_outcomes_in(sentence) == expected


def test_later_baselines_of_several_points_after_an_aside(extractor):
    """A baseline follows its figures past a bracketed note; "from both … and …" gives two changes."""
    text = ("At 1 April 2016, 640 children were in care. "
            "(Figures are rounded to the nearest 5 children.) "
            "This is a reduction from both 700 (104 per 10,000) at 1 April 2015 and 760 (113 per 10,000) at 1 April 2014. "
            "At 1 April 2016, three children lived in a private fostering placement. "
            "This is an increase from one at 1 April 2015.")
    evidence = extractor.extract(text, ["E10000016"], "E10000016")
    assert sorted((found.outcome.value_from, found.outcome.value, found.outcome.unit)
                  for found in evidence.open_outcomes) == [
        (1.0, 3.0, "count"), (700.0, 640.0, "count"), (760.0, 640.0, "count")]


def test_symbol_font_bullets_split_a_run_on_line_into_list_items():
    from ingest.extract_text import ExtractedText
    from ingest.normalise import normalise
    line = "Of this number: \uf02d 44 (11%) live with kinship carers \uf02d 20 live in residential homes"
    assert normalise(ExtractedText([[line]])).text.split("\n\n") == [
        "Of this number:", "- 44 (11%) live with kinship carers", "- 20 live in residential homes"]


def test_an_inspection_reports_section_on_the_areas_children_gives_no_outcome(extractor):
    text = ("Children living in this area\n"
            "The proportion of children entitled to free school meals is as follows:\n"
            "- in primary schools 21% of pupils (the national average is 18%)\n"
            "- in secondary schools 17% of pupils (the national average is 15%).\n"
            "Child protection in this area\n"
            "At 31 March 2024, 300 children were the subject of a child protection plan.")
    evidence = extractor.extract(text, ["E10000016"], "E10000016")
    assert [(found.outcome.value, found.outcome.unit) for found in evidence.open_outcomes] == [(300.0, "count")]


def test_a_list_item_is_read_without_its_bullet(extractor):
    text = "Of this number:\n\n- 44 (11%) were living with kinship carers\n\n- 20 live in residential homes"
    evidence = extractor.extract(text, ["E10000016"], "E10000016")
    assert [(found.outcome.value, found.outcome.unit) for found in evidence.open_outcomes] == [
        (44.0, "count"), (11.0, "%"), (20.0, "count")]
    assert all(not evidence.quote(found.sentence).startswith("-") for found in evidence.open_outcomes)


# Outcomes whose metric the controlled list lacks (issue 20, item 4): sentences written for the test.
OPEN_OUTCOMES = """Fostering and leaving care in Barnsley

Barnsley introduced Mockingbird in 2019. Since Mockingbird began, the number of approved foster carers rose from 112 to 140.
On average each personal adviser now supports 19 young people.
Over the year, the council appointed 14 advanced practitioners.
Around 85% of return home interviews now happen within three days, compared with about 60% in 2018.
At 1 April 2020, 310 children were in care. This is a reduction from both 350 at 1 April 2019 and 380 at 1 April 2018.
"""


def test_open_metric_changes_levels_and_counts_reach_the_graph_and_a_second_ingest_changes_nothing(
        settings, councils_loaded, tmp_path):
    from kg.backup import graph_checksum
    from kg.evidence import load_catalogue
    from tests.conftest import wipe

    graph = councils_loaded
    wipe(graph)
    load_councils(graph, read_councils(settings.reference_dir))
    load_catalogue(graph)
    document = tmp_path / "barnsley-fostering.txt"
    document.write_text(OPEN_OUTCOMES)

    def ingest() -> dict:
        sources, _ = user_sources([document], settings.corpus_dir, {"kind": "case_study", "councils": ["Barnsley"]})
        assert Ingester(settings, graph).run(sources).failed == 0
        return graph_checksum(graph, ignore_labels=["IngestRun", "EmbeddingModel"], ignore_types=["ADDED", "UPDATED"],
                              ignore_properties=["ingest_run", "ingested_at"])

    first = ingest()
    rows = graph.driver.execute_query(
        "MATCH (c:Council)-[:REPORTED]->(o:Outcome)-[:STATED_IN]->(p:Passage) "
        "OPTIONAL MATCH (o)-[:ATTRIBUTED_TO]->(i:Intervention) "
        "RETURN c.name AS council, o.kind AS kind, o.metric AS metric, o.metric_text AS text, o.metric_key AS key, "
        "o.value_from AS value_from, o.value_to AS value_to, o.change AS change, o.unit AS unit, o.period AS period, "
        "o.direction AS direction, o.strength AS strength, o.quote AS quote, p.id AS passage, i.id AS intervention "
        "ORDER BY o.char_start")[0]
    found = {(row["kind"], row["metric"], row["text"], row["key"], row["value_from"], row["value_to"], row["unit"])
             for row in rows}
    assert found == {
        ("change", None, "number of approved foster carers", "approved foster carer", 112.0, 140.0, "count"),
        ("level", None, "young people", "young people", None, 19.0, "count"),
        ("count", None, "advanced practitioners", "advanced practitioner", None, 14.0, "count"),
        ("change", None, "return home interviews happen within three days",
         "return home interview happen within three day", 60.0, 85.0, "%"),
        ("change", None, "children were in care", "children were in care", 350.0, 310.0, "count"),  # two
        ("change", None, "children were in care", "children were in care", 380.0, 310.0, "count"),  # baselines
    }, rows
    by_text = {row["text"]: row for row in rows}
    carers = by_text["number of approved foster carers"]
    assert (carers["direction"], carers["change"], carers["strength"], carers["intervention"]) == ("up", 28.0, 3,
                                                                                                   "mockingbird")
    assert "rose from 112 to 140" in carers["quote"] and carers["passage"] and {r["council"] for r in rows} == {
        "Barnsley"}
    interviews = by_text["return home interviews happen within three days"]
    assert interviews["period"] == "since 2018"  # a past year after "compared with": a baseline
    assert interviews["change"] == 25.0
    assert by_text["young people"]["strength"] == by_text["advanced practitioners"]["strength"] == 1  # as today

    listed = find_outcomes_in_graph(graph, council="E08000016")  # what `evidence outcomes` and the API list
    assert {(row["outcome"]["kind"], row["outcome"]["metric"], row["outcome"]["metric_text"]) for row in listed} == {
        (kind, metric, text) for kind, metric, text, *_rest in found}
    assert all(row["outcome"]["official"] is None for row in listed)  # no controlled metric: nothing to check
    [staff] = find_outcomes_in_graph(graph, metric="advanced practitioner")  # a free metric's key filters too
    assert outcome_summary(staff["outcome"]) == "“advanced practitioners” count 14"
    assert outcome_summary(carers_row(listed)) == "“number of approved foster carers” up 112 → 140 (+28)"

    document.write_text(OPEN_OUTCOMES.replace("19 young people", "21 young people"))
    ingest()
    document.write_text(OPEN_OUTCOMES)
    assert ingest() == first  # read again from scratch: the same nodes, figures and links, none doubled


def carers_row(rows: list[dict]) -> dict:
    return next(row["outcome"] for row in rows if "foster" in row["outcome"]["metric_text"])


RANKED = {
    "conferences.txt": ("Family group conferences in Barnsley\n\nBarnsley began offering family group conferences "
                        "in 2018. Since family group conferences began, re-referrals have reduced.\n", "Barnsley"),
    "navigators.txt": ("Young people in Rotherham\n\nRotherham set up Lifelong Links in 2018. With Lifelong Links "
                       "in place, each personal adviser supports 19 young people.\n", "Rotherham"),
}


def test_what_worked_ranks_a_change_above_a_level_of_the_same_strength(settings, councils_loaded, tmp_path):
    from kg.evidence import load_catalogue
    from tests.conftest import wipe

    graph = councils_loaded
    wipe(graph)
    load_councils(graph, read_councils(settings.reference_dir))
    load_catalogue(graph)
    for name, (text, council) in RANKED.items():
        (tmp_path / name).write_text(text)
        sources, _ = user_sources([tmp_path / name], settings.corpus_dir, {"kind": "case_study", "councils": [council]})
        assert Ingester(settings, graph).run(sources).failed == 0
    strengths = dict(graph.driver.execute_query(
        "MATCH (o:Outcome)-[:ATTRIBUTED_TO]->(i:Intervention) RETURN i.id + ' ' + o.kind AS what, o.strength AS s")[0])
    assert strengths == {"family_group_conferencing change": 1, "lifelong_links level": 1}  # equal as evidence
    answer = what_worked(graph, embedder_for(settings)).as_json()
    ranked = [result["intervention"]["id"] for result in answer["results"]]
    assert ranked == ["family_group_conferencing", "lifelong_links"], answer
    scores = [result["score_parts"]["strength"] for result in answer["results"]]
    assert scores[0] > scores[1]
    level = answer["results"][1]["outcomes"][0]
    assert (level["kind"], level["metric"], level["metric_text"]) == ("level", None, "young people")


MARKED_FIXTURES = ["extraction_unseen.yaml", "extraction_second_reader.yaml", "extraction_training.yaml",
                   "extraction_narratives.yaml", "extraction_narratives_second_reader.yaml"]


@pytest.mark.parametrize("fixture", MARKED_FIXTURES)
def test_every_marked_practice_and_outcome_is_quoted_verbatim_from_its_document(settings, fixture):
    """The marks that weights are learned from and extraction is scored against must be the report's
    own words, read as the pipeline reads it (a table's bars are its columns' breaks): a quote that drifted would
    label the wrong sentence."""
    def plain(text: str) -> str:
        return re.sub(r"\s*\|\s*|\s+", " ", text).strip()

    wrong = []
    fixtures = PROJECT_ROOT / "tests" / "fixtures"
    folder = fixtures if fixture.startswith("extraction_narratives") else settings.corpus_dir  # paths relative to it
    for entry in yaml.safe_load((fixtures / fixture).read_text())["documents"]:
        sources, _ = user_sources([folder / entry["path"]], settings.corpus_dir, {})
        raw = sources[0].path.read_bytes()
        text = plain(read_document(sources[0], raw, hashlib.sha256(raw).hexdigest()).normalised.text)
        for marked in entry["practices"] + (entry.get("outcomes") or []):
            position = 0
            for piece in filter(None, (plain(piece) for piece in marked["quote"].split("…"))):
                position = text.find(piece, position)
                if position < 0:
                    wrong.append(f"{entry['path']}: {piece[:60]}")
                    break
                position += len(piece)
            if "surface" in marked and plain(marked["surface"]).lower() not in plain(marked["quote"]).lower():
                wrong.append(f"{entry['path']}: surface {marked['surface']!r} not in its quote")  # case as the scorer
    assert wrong == []


def test_a_catalogue_entry_is_one_found_practice_however_its_mentions_are_worded():
    marked = [{"path": "ofsted/1_somewhere/report.pdf", "councils": [], "outcomes": [], "practices": [
        {"surface": "Family Safeguarding model", "quote": "The council introduced the Family Safeguarding model."}]}]

    def report(status: str) -> dict:
        mentions = [{"surface": "Family Safeguarding model",
                     "quote": "The council introduced the Family Safeguarding model."},
                    {"surface": "Family Safeguarding teams", "quote": "Family Safeguarding teams meet weekly."}]
        return {"councils": [], "outcomes": [], "implementations": [],
                "interventions": [{"id": "family_safeguarding", "status": status, "mentions": mentions}]}

    catalogue = score_unseen(marked, [report("catalogue")])["practices"]
    assert (catalogue.true_positives, catalogue.false_positives) == (1, 0)
    emerging = score_unseen(marked, [report("emerging")])["practices"]  # two surfaces, two practices
    assert (emerging.true_positives, emerging.false_positives) == (1, 1)


def test_the_metric_words_of_matched_outcomes_are_scored_against_the_readers():
    quote = "Two children lived in a privately arranged fostering placement."
    marked = [{"path": "ofsted/1_somewhere/report.pdf", "councils": [], "practices": [], "outcomes": [
        {"kind": "level", "metric_text": "children lived in privately arranged fostering placements",
         "value_from": None, "value_to": 2, "unit": "count", "quote": quote}]}]

    def report(metric_text: str, value: float = 2.0) -> dict:
        return {"councils": [], "interventions": [], "implementations": [], "outcomes": [
            {"kind": "level", "metric_text": metric_text, "value_from": None, "value_to": value, "unit": "count",
             "change": None, "quote": quote}]}

    bare = metric_agreement(marked, [report("children")])
    assert (bare["matched"], bare["word_recall"], bare["word_precision"], bare["all_words_present"]) == (
        1, 0.167, 1.0, 0.0)  # "child" of child, lived, privately, arranged, fostering, placement
    said = metric_agreement(marked, [report("children lived in privately arranged fostering placement")])
    assert (said["word_recall"], said["all_words_present"]) == (1.0, 1.0)
    assert metric_agreement(marked, [report("children", 3.0)])["matched"] == 0  # other figures: not matched


@pytest.mark.parametrize(("sentence", "expected"), [
    # a share in words, whatever its numerator; a per cent written as one word
    ("Last spring nearly three in ten foster carers left the service.", [("level", 30.0, "%")]),
    ("We think about forty-two percent of our staff were agency then.", [("level", 42.0, "%")]),
    # a rate printed after the counted group's own words
    ("Our rate of 71 children in care per 10,000 is stable.", [("level", 71.0, "per 10,000")]),
    # a unit's make-up, not a result
    ("The front door was split into pods of six practitioners.", []),
    ("Each pod has a senior practitioner, three social workers and an assistant.", []),
    # one family's own children
    ("A father, whose three children were on plans, spoke at the board.", []),
    # still to come: planned, projected, an ambition, a hope, a recommendation
    ("Leaders agreed four proposed hubs for the east of the county.", []),
    ("The projected overspend for next year is £2.6 million.", []),
    ("Our ambition is to reach 75 per cent by 2027.", []),
    ("We are opening three homes of our own, hopefully by the summer.", []),
    ("2.4 Approve the creation of six new practice lead posts.", []),
    ("Modelling suggests savings of £900,000 a year.", []),
    # what a document lists about itself
    ("The plan makes three commitments to care leavers.", []),
    # an area's residents
    ("Northshire is a rural county of roughly 640,000 residents, with small market towns.", []),
    # money invested, measured by what it went on
    ("The council invested £2.2 million over two years in its social work academy.", [("count", 2200000.0, "£")]),
    # a number in words opening the sentence, which the parser reads as part of a name
    ("Fourteen foster families were approved in the year.", [("count", 14.0, "count")]),
    ("Thirty-one practice educator posts were created.", [("count", 31.0, "count")]),
    # a number spelled out in several words, read once
    ("Three hundred and twelve children were in care in March.", [("level", 312.0, "count")]),
    ("Over the year, two hundred and forty-six families were referred to early help.", [("level", 246.0, "count")]),
    ("We've had a hundred and twelve people through the academy.", [("level", 112.0, "count")]),
    # a share right after "the year" is no year's label; "members will recall" plans nothing
    ("At the end of the year 23% of fostering households were kinship carers.", [("level", 23.0, "%")]),
    ("Members will recall that 17 children were placed out of area in 2022.", [("count", 17.0, "count")]),
    ("We will see 40 more carers approved next year.", []),
    # a noun's plan, bid or ambition to do something: still to come
    ("The council's plan to open three children's homes was agreed in May.", []),
    ("A bid to create two more hubs went to the DfE.", []),
    # one worker's own caseload
    ("When I joined I had 28 children and no time to see them.", []),
    # "are up by", "is down by": a change by its size
    ("Referrals to the front door are up by roughly a third this year.", [("change", None, None)]),
    # a sentence the parser read as one noun phrase, its change verb a clause on the last noun
    ("Families supported by the new hub service reduced by about a quarter.", [("change", None, None)]),
])
def test_shares_rates_plans_and_money_invested_in_new_wordings(sentence, expected):
    assert open_outcomes_in(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Agency workers now cover 14% of posts, compared with 23% when the plan began.", ("change", 23.0, 14.0, "%")),
    ("The panel approved 41 new fostering households, against 33 the previous year.", ("change", 33.0, 41.0, "count")),
    ("The average wait for a placement fell from 420 days to 365.", ("change", 420.0, 365.0, "days")),
    # the change verb joined to a participle the parser took for the main verb
    ("Audits rated good or outstanding increased from 31% to 49%.", ("change", 31.0, 49.0, "%")),
])
def test_a_baseline_when_something_began_or_the_previous_year(sentence, expected):
    [found] = open_found_in(sentence)
    assert (found.kind, found.value_from, found.value, found.unit) == expected


def test_the_new_wordings_do_not_reach_too_far():
    """Sentences a review wrote against this session's rules, each once read wrongly by them."""
    assert not any("peaked" in text for _, _, text in open_metrics_in(
        "Use of residential placements peaked in 2021 and has since fallen from 40 to 28."))
    assert not any(found.kind == "change" for found in open_found_in(
        "Of the reviews, 94% were held on time, above the national average (88% in 2023/24)."))
    assert not any(found.kind == "change" for found in open_found_in(
        "When Ofsted last inspected in 2019, only 45% of reviews were on time (92% in 2024)."))
    assert (100.0, "count") not in [(value, unit) for value, unit, _ in open_metrics_in(
        "One in a hundred children in Barnsley is in care.")]
    assert open_outcomes_in("These two hundred families were already known to services.") == []
    assert open_outcomes_in("Ten Steps training was delivered to staff.") == []
    assert open_outcomes_in("Twenty Twenty Vision is a programme for care leavers.") == []
    assert open_outcomes_in('"When I arrived, I had 40 agency social workers," the director said.') == [
        ("level", 40.0, "count")]


def test_a_bracket_that_restates_or_counts_over_a_period_is_no_baseline():
    assert open_outcomes_in("Alerts raised by IROs are few (19 in the last 12 months), which reflects good "
                            "practice.") == [("level", 19.0, "count")]
    assert open_outcomes_in("Take-up is high (81% of children took up an interview in May 2019).") == [
        ("level", 81.0, "%")]
    # but a bracket holding only a figure and its year is the figure's baseline
    assert [(found.kind, found.value_from, found.value) for found in open_found_in(
        "There were 412 children in care (388 in 2021) and 61 care leavers.")] == [
        ("change", 388.0, 412.0), ("level", None, 61.0)]


def test_a_readers_whole_number_matches_the_share_in_words_it_rounds():
    from ingest.extraction.evaluation import _same_figures
    assert _same_figures((None, 33.0, "%"), (None, 33.3, "%"))
    assert not _same_figures((None, 33.0, "%"), (None, 34.0, "%"))
    assert not _same_figures((None, 33.3, "%"), (None, 33.0, "%"))  # a reader's decimal is exact
    assert not _same_figures((None, 33.0, "%"), (None, 33.3, "count"))


def test_we_are_the_inspectors_only_in_an_inspection_report():
    sentence = "In 2022 we launched Brightwater, our own model for working with families."
    in_a_report = full_pipeline()(sentence)  # the rules' default: a sentence of an inspection report
    assert practices_in(sentence) == []
    in_a_blog = full_pipeline()(sentence)
    in_a_blog.user_data[BY_INSPECTORS] = False
    assert [(found.surface, found.method) for found in find_practices(in_a_blog, 0)] == [
        ("Brightwater", "action_object")]
    assert find_practices(in_a_report, 0) == []


def test_whom_a_council_hires_is_a_practice_when_the_words_say_which_kind():
    assert practices_in("This year the council recruited 23 permanent social workers.") == [
        ("permanent social workers", "recruited_staff")]
    assert practices_in("This year the council recruited 23 social workers.") == []


def test_frontline_inside_a_sentence_is_the_programme_and_a_name_called_so_is_printed(extractor):
    text = ("Frontline managers in Leeds know their teams. Leeds joined Frontline in 2022.\n"
            "- Frontline staff are well supported. A new edge-of-care service, called Keep Close, "
            "works with teenagers.")
    evidence = extractor.extract(text, ["E08000035"], None)
    assert [(mention.key, mention.surface) for mention in evidence.mentions if mention.kind == "intervention"
            and mention.status == "catalogue"] == [("frontline_programme", "Frontline"),
                                                   ("edge_of_care_team", "Keep Close")]


def test_a_one_word_name_is_matched_only_as_written(extractor):
    """A programme called by an ordinary word ("Pause") is not every pause in a transcript."""
    one_word = {name for entry in catalogue() for name in (entry.name, *entry.aliases) if name.isalpha()}
    assert one_word <= {name for entry in catalogue() for name in entry.exact}
    evidence = extractor.extract("Pause for thought\n\nLeeds joined Pause in 2021. [pause] We have not looked back.",
                                 ["E08000035"], None)
    assert [mention.surface for mention in evidence.mentions if mention.key == "pause"] == ["Pause"]


def in_oldham(extractor, text: str):
    """What the extractor finds in `text` as a short document about Oldham."""
    return extractor.extract("Oldham Council update\n\n" + text, ["E08000004"], None)


def figures_and_units_of(evidence) -> list[tuple]:
    """figures_of with each open outcome's unit: a rank, a rate and a count of the same number differ."""
    return [(found.draft.metric, found.draft.value_from, found.draft.value_to) for found in evidence.outcomes] + [
        (found.outcome.kind, found.outcome.value_from, found.outcome.value, found.outcome.unit)
        for found in evidence.open_outcomes]


def figures_of(evidence) -> list[tuple]:
    return [(found.draft.metric, found.draft.value_from, found.draft.value_to) for found in evidence.outcomes] + [
        (found.outcome.kind, found.outcome.value_from, found.outcome.value) for found in evidence.open_outcomes]


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence opening with its comparison group, until it turns to the council's own
    ("Across England, the number of children in care has risen to over 80,000.", []),
    ("Nationally, staff turnover is 17%, but ours fell to 12%.", [("staff_turnover", None, 12.0)]),
    ("In the region, nine councils use the model, and we recruited 30 social workers.", [("count", None, 30.0)]),
    # a child's age after their name, and how many a home can take, are not results
    ("“It feels like home,” said Tyler, 14.", []),
    ("Maisie, 16, chaired the panel.", []),
    ("The two new homes each take up to four young people.", []),
    ("Up to 12 carers have since joined the scheme.", [("level", None, 12.0)]),
    # an answer's number is a label; a from-to with the quarter of its start between
    ("Answer 3: The team held 40 family group conferences in 2023.", [("count", None, 40.0)]),
    ("Visits on time rose from 58% in Q1 to 86% in Q3.", [("change", 58.0, 86.0)]),
])
def test_figures_of_a_comparison_group_an_age_or_a_label_are_not_the_councils(extractor, text, expected):
    assert figures_of(in_oldham(extractor, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a controlled metric's change printed with its end only: its start in an earlier sentence, after the figure
    ("Turnover in 2022 was 19%, above the regional average of 16%. The council then paid a market supplement. "
     "Turnover has fallen to 13%.", ("staff_turnover", 19.0, 13.0)),
    # an open measure's change to a figure, from a share an earlier sentence gave it
    ("In April 32% of posts were covered by agency staff. We recruited 40 permanent social workers. "
     "Agency reliance has now dropped to 21%.", ("change", 32.0, 21.0)),
    # and a change from a figure, to the share given earlier
    ("Today 27 per cent of posts are still filled by agency staff. Members praised the academy. "
     "Agency use, while still too high, had fallen from 45 per cent.", ("change", 45.0, 27.0)),
])
def test_a_change_printed_with_one_end_takes_the_other_from_an_earlier_sentence(extractor, text, expected):
    evidence = extractor.extract(text, ["E08000035"], None)
    assert expected in figures_of(evidence)
    # "had fallen from 41 per cent" measures its subject, "Agency use"
    assert "per cent" not in [found.outcome.metric_text for found in evidence.open_outcomes]


@pytest.mark.parametrize(("text", "kept"), [
    # the earlier share went the other way, was another measure's, or a comparison group's
    ("Turnover in 2022 was 9%. Turnover has fallen to 13%.", ("staff_turnover", None, 13.0)),
    ("The vacancy rate in 2022 was 24%. Turnover has fallen to 13%.", ("staff_turnover", None, 13.0)),
    ("The national average for turnover is 19%. Turnover has fallen to 13%.", ("staff_turnover", None, 13.0)),
    ("In April 32% of posts had a multi-agency plan. Agency reliance has now dropped to 21%.", ("level", None, 21.0)),
    # a change, a comparison group however far before it, a target, another council's, a part of the measure
    ("In 2023 turnover dropped by 20% in Leeds. Turnover has now fallen to 13%.", ("staff_turnover", None, 13.0)),
    ("Nationally, among children's social workers, turnover stood at 17.1% last year. Turnover has fallen to 13%.",
     ("staff_turnover", None, 13.0)),
    ("Leaders set a target of keeping turnover below 20%. Turnover has fallen to 13%.", ("staff_turnover", None, 13.0)),
    ("In Bradford, turnover was 26% in 2023. In Leeds, turnover has fallen to 13%.", ("staff_turnover", None, 13.0)),
    ("In Leeds, 64% of re-referrals were for neglect. Re-referrals have fallen to 19%.", ("re_referrals", None, 19.0)),
    # a change's start takes the share as it is now, not as it was in some earlier year
    ("In 2017, 25% of posts were covered by agency staff. Agency use has since fallen from 41 per cent.",
     ("level", None, 41.0)),
])
def test_an_earlier_share_that_does_not_fit_is_not_a_change_s_other_end(extractor, text, kept):
    assert kept in figures_of(extractor.extract(text, ["E08000035"], None))


def test_a_guess_between_two_numbers_is_not_a_figure():
    assert open_outcomes_in("Parents told us they had seen three or four social workers in a year.") == []
    assert open_outcomes_in("Ten per cent of children had three or more moves.") == [("level", 10.0, "%")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # plans of children, planned moves, an expected standard: figures, not plans
    ("Child protection plans were reviewed on time in 94% of cases.", [("level", 94.0, "%")]),
    ("Last year there were 32 planned moves and 8 emergency moves.", [("level", 32.0, "count"), ("level", 8.0, "count")]),
    # a count restated as a share is no guess
    ("This is 176 or 18% of the total.", [("level", 18.0, "%")]),
    # a comparison between groups is no change
    ("Breakdowns were 9% for children placed with family, compared with 17% when children were placed with "
     "unrelated carers.", [("level", 9.0, "%")]),
    # a place's children, not a family's
    ("Leeds, whose 1,300 children in care live across the city, has a new plan.", [("level", 1300.0, "count")]),
    # a bullet of what was done, with no subject, is no recommendation
    ("Have reduced agency use from 40% to 12% since 2021.", [("change", 12.0, "%")]),
    # a group of people is not a unit's make-up
    ("A group of 15 care leavers completed the apprenticeship in 2023.", [("count", 15.0, "count")]),
])
def test_what_the_new_wordings_must_not_take_away(sentence, expected):
    assert open_outcomes_in(sentence) == expected


def test_hiring_one_person_or_by_another_body_is_not_a_practice_and_frontline_staff_are_not_the_programme(
        extractor):
    assert practices_in("The police have recruited additional officers for the team.") == []
    assert practices_in("The council has appointed a new independent reviewing officer.") == []
    evidence = extractor.extract("Leaders in Leeds have strengthened support for Frontline practitioners.",
                                 ["E08000035"], None)
    assert not [mention for mention in evidence.mentions if mention.key == "frontline_programme"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a change's two ends and its size as a share, printed beside them: two figures, as a reader marks them
    ("The number of children on child protection plans dropped from 310 to 236, a fall of about a quarter.",
     [("child_protection_plans", "down", 310.0, 236.0, -74.0), ("child_protection_plans", "down", None, None, -25.0)]),
    # an assumption or forecast is no result
    ("The business case assumed savings of £2.4 million by 2027.", []),
    # but a size printed before its ends tells the same change twice: readers mark the ends alone
    ("Looked-after children fell by 14%, from 500 to 430.", [("looked_after_children", "down", 500.0, 430.0, -70.0)]),
    ("Looked-after children fell from 500 to 430, a 14% reduction.",
     [("looked_after_children", "down", 500.0, 430.0, -70.0), ("looked_after_children", "down", None, None, -14.0)]),
    # a difference in children is the two ends' own, not a second figure
    ("Looked-after children fell from 500 to 430, a reduction of 70 children.",
     [("looked_after_children", "down", 500.0, 430.0, -70.0)]),
])
def test_a_changes_size_as_a_share_beside_its_ends_is_a_figure_too(sentence, expected):
    assert outcomes_of(sentence) == expected


def test_percentage_points_are_a_change_in_points():
    assert [(draft.change, draft.change_unit) for draft in find_outcomes(
        full_pipeline()("Repeat referrals were cut by 7 percentage points."), 0)] == [(-7.0, "points")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a timescale inside a from-to is what the share is measured against, not a figure
    ("The share of reviews held on time rose from 61% within 20 working days to 83%.", [("change", 61.0, 83.0)]),
    ("Assessments improved from 58% completed within 45 days to 79%.", [("change", 58.0, 79.0)]),
    # a baseline in words, or after a year written as a range
    ("Agency social workers now cover 14% of posts, against more than a third two years ago.",
     [("change", 33.0, 14.0)]),
    ("Requests were 540 per 10,000 children in 2023/24, down from 620 the year before.", [("change", 620.0, 540.0)]),
])
def test_a_timescale_inside_a_change_and_baselines_in_words(sentence, expected):
    assert [(found.kind, found.value_from, found.value) for found in open_found_in(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a paragraph's number after its heading, or before a figure
    ("Workforce 3.1 Agency workers were thanked for their service.", []),
    ("Children in care 5.1 362 children are in our care.", [("level", 362.0, "count")]),
    # a forecast, how a study was made, a label, a rank, the other half of a story
    ("The forecast overspend currently stands at £1.6m, mostly on residential care.", []),
    ("We analysed case files for 2,840 children and interviewed 41 practitioners.", []),
    ("We surveyed 230 foster carers in the spring.", []),
    ("Partnership case study no. 4 was published in the spring.", []),
    ("The sum set out in recommendation 2.3 was agreed, as was paragraph 4.", []),
    ("The other half of the story is about practice.", []),
    ("The re-referral rate puts us in the lowest quarter of North West councils.", []),
    # what a cabinet resolves, and a lettered list's aims
    ("b) approves capital expenditure of up to £2.9m for two children's homes;", []),
    ("c) bring the rate of children in care down to 105 per 10,000 by March 2027.", []),
    # what these must not take away
    ("We recruited 24 permanent social workers last year.", [("count", 24.0, "count")]),
    ("The average caseload in the hub is 3.5 children per worker.", [("level", 3.5, "count")]),
    ("Nearly half of care leavers are in education.", [("level", 50.0, "%")]),
])
def test_paragraph_numbers_forecasts_a_studys_counts_labels_ranks_and_resolutions_are_not_figures(sentence, expected):
    assert open_outcomes_in(sentence) == expected


@pytest.mark.parametrize(("text", "kept"), [
    # another council as the subject: a comparison; the document's own council, or others beside it, its figures
    ("Oldham Council's re-referral rate is 18%. Oldham Council has recruited 25 social workers. Oldham Council "
     "reported to members. He reminded the board that Rochdale was at around 30%.", [18.0, 25.0]),
    ("Oldham Council's re-referral rate is 18%. Oldham Council has recruited 25 social workers. Oldham Council "
     "reported to members. Working with Rochdale and Bury, 21 children were adopted.", [18.0, 25.0, 21.0]),
])
def test_a_figure_whose_subject_is_another_council_is_a_comparison(extractor, text, kept):
    assert [value for _, _, value in figures_of(extractor.extract(text, [], None))] == kept


def test_that_number_later_in_a_sentence_after_a_time_is_the_previous_figures_later_value(extractor):
    text = ("In March 2022, 57 of Oldham's children in care were living in placements outside the borough. "
            "By the end of June this year that number had dropped to 31, after the council opened two homes.")
    evidence = extractor.extract(text, ["E08000004"], None)
    changed = [found for found in evidence.open_outcomes if found.outcome.value_from is not None]
    assert [(found.outcome.value_from, found.outcome.value) for found in changed] == [(57.0, 31.0)]
    assert text[changed[0].sentence.start:changed[0].sentence.end] == text  # quoted with both sentences


@pytest.mark.parametrize(("sentence", "implemented"), [
    # given up before it began, or never won
    ("A plan to open a residential hub based on the No Wrong Door model was shelved when the site fell through.", False),
    ("We bid to become a Staying Close site in 2023 but were unsuccessful.", False),
    ("Our bid to run Staying Close was unsuccessful.", False),
    ("The plan to pilot Mockingbird was put on hold.", False),
    ("Plans for a Mockingbird constellation were shelved after the funding was withdrawn.", False),
    # what was dropped is not the practice, it ran before it was paused or dropped, a plan to change one that
    # runs, a bid that later succeeded
    ("Re-referrals dropped after we launched Mockingbird.", True),
    ("Referrals to the MASH dropped by a fifth after it opened in 2021.", True),
    ("Our Mockingbird constellation was paused in 2020 and reopened in 2021.", True),
    ("Our Mockingbird constellation was paused during the pandemic.", True),
    ("Mockingbird was unsuccessful in retaining carers, but we kept it running.", True),
    ("Plans to extend Mockingbird were dropped, although the existing constellation continues.", True),
    ("Our first bid for Staying Close was rejected, but a second bid succeeded and the programme launched in 2023.",
     True),
])
def test_a_practice_given_up_before_it_began_is_named_but_not_implemented(extractor, sentence, implemented):
    evidence = in_oldham(extractor, sentence)
    assert any(mention.kind == "intervention" for mention in evidence.mentions)
    assert bool(evidence.implementations) == implemented


@pytest.mark.parametrize(("sentence", "expected"), [
    # money a council put into something, however the parser reads "£2.5m"
    ("The council invested £2.5m in its workforce over two years.", [("count", 2500000.0, "£")]),
    ("The council put an extra £1.8m into its fostering service.", [("count", 1800000.0, "£")]),
    ("The council has invested £2.4m of its own money over two years in workforce stability.",
     [("count", 2400000.0, "£")]),
    ("The council spent £4.5m on agency staff.", []),  # a cost, not an investment
    # a part of a count printed after it
    ("The council recruited 41 permanent social workers during the year, 15 of them through Step Up to Social Work.",
     [("count", 41.0, "count"), ("count", 15.0, "count")]),
    ("Between 2022 and 2024 the council trained 560 staff, including 150 from schools and health.",
     [("count", 560.0, "count"), ("count", 150.0, "count")]),
    ("The team works with 11 children, including one in custody.", [("level", 11.0, "count")]),
    # a free measure's change and its size as a share
    ("Approved foster carers increased from 112 to 140, a rise of a quarter.",
     [("change", 140.0, "count"), ("change", None, None)]),
])
def test_money_put_in_parts_of_a_count_and_a_free_changes_share(sentence, expected):
    assert open_outcomes_in(sentence) == expected


def test_a_part_is_named_by_the_whole_and_what_sets_it_apart():
    texts = [found.metric_text for found in open_found_in(
        "Between 2022 and 2024 the council trained 560 staff, including 150 from schools and health.")]
    assert texts == ["staff", "staff from schools and health"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a share said of something else in the sentence is not the change's size
    ("Despite a 10% increase in referrals, the number of children on child protection plans fell from 320 to 280.",
     [("child_protection_plans", "down", 320.0, 280.0, -40.0)]),
    ("Looked after children fell from 480 to 430 as referrals were reduced by 12%.",
     [("looked_after_children", "down", 480.0, 430.0, -50.0)]),
    ("The number of children in care fell from 300 to 200, against a target reduction of 40%.",
     [("looked_after_children", "down", 300.0, 200.0, -100.0)]),
    ("The number of children in care fell from 400 to 300, a reduction of three quarters of the gap.",
     [("looked_after_children", "down", 400.0, 300.0, -100.0)]),
    # the ends' own difference in points is no second figure
    ("Re-referrals fell from 24% to 19%, a drop of 5 percentage points.", [("re_referrals", "down", 24.0, 19.0, -5.0)]),
    # a share printed before the ends
    ("There has been a 36% reduction in child protection plans (from 436 to 279).",
     [("child_protection_plans", "down", 436.0, 279.0, -157.0), ("child_protection_plans", "down", None, None, -36.0)]),
    # "went down by": the direction is the particle's
    ("Child protection plans went down by nearly a third over the year.",
     [("child_protection_plans", "down", None, None, -33.0)]),
])
def test_a_changes_stated_share_is_only_the_one_beside_its_ends(sentence, expected):
    assert outcomes_of(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Contacts were 9,870 in 2023-24, down from 11,200 the year before.", [("change", 11200.0, 9870.0)]),
    # decimals that are figures, not a paragraph's number
    ("We recruited a further 2.5 FTE social workers in the MASH.", [("count", None, 2.5)]),
    ("There are now 12.5 FTE Independent Reviewing Officers.", [("level", None, 12.5)]),
    ("At best half of children's plans were reviewed on time.", [("level", None, 50.0)]),
    # an evaluation's "we" did not approve the families it interviewed; pressure on a budget is no investment
    ("We interviewed 41 prospective adopters and approved 28 new adoptive families.", [("count", None, 28.0)]),
    ("Rising placement costs put £3m of pressure on the budget.", []),
    # resolutions in other lettered forms
    ("(b) approves the creation of 6 new posts in the MASH;", []),
    ("b. approves the creation of 6 new posts in the MASH;", []),
])
def test_what_the_review_found_the_new_rules_reached_too_far(sentence, expected):
    assert [(found.kind, found.value_from, found.value) for found in open_found_in(sentence)] == expected


def test_another_councils_figure_is_read_from_the_clause_that_holds_it(extractor):
    own = "Oldham Council has published its annual report. " * 4
    sentences = {
        "Our re-referral rate is 18%, while Rochdale's is 26%.": [18.0],
        "After Rochdale closed its residential unit, our referrals rose from 300 to 420.": [420.0],
        "Bury's Family Hub model, which we adopted in 2022, has helped us reduce children in care from 520 to 470.":
            [470.0],
        "Salford Royal Hospital made 310 referrals to our front door.": [310.0],
        "When Rochdale inspected our front door, 92% of contacts were screened within 24 hours.": [92.0],
        "Officers said that Stockport, which brought in a similar model in 2021, saw its child protection numbers "
        "fall by a third.": [],
        "Wigan reports that around 15% of young people supported returned to care.": [],
    }
    for sentence, kept in sentences.items():
        evidence = extractor.extract("Oldham Council update\n\n" + own + sentence, [], None)
        assert [value for _, _, value in figures_of(evidence) if value is not None] == kept, sentence


@pytest.mark.parametrize("text", [
    # "that number" is a level's, not a count of things done; and it is said after a time, not a place
    "In March 2022, 57 children were living outside the borough. The council opened two homes. "
    "By the end of June this year that number had dropped to 31.",
    "In March 2022, 57 children were living outside the borough. In Rochdale, that number has fallen to 30.",
    "In March 2022, 57 children were living outside the borough. By comparison, that number nationally had "
    "fallen to 38.",
])
def test_that_number_later_is_a_levels_after_a_time(extractor, text):
    evidence = in_oldham(extractor, text)
    assert [found.outcome.value_from for found in evidence.open_outcomes if found.outcome.value_from is not None] == []


def test_a_change_across_two_sentences_is_quoted_with_both_only_when_they_are_neighbours(extractor):
    text = ("Oldham Council update\n\nIn March 2022, 57 children were living outside the borough. "
            "Members thanked the team. That number has since fallen to 31.")
    changed = [found for found in extractor.extract(text, ["E08000004"], None).open_outcomes
               if found.outcome.value_from is not None]
    assert [(found.outcome.value_from, found.outcome.value) for found in changed] == [(57.0, 31.0)]
    assert text[changed[0].sentence.start:changed[0].sentence.end].endswith("borough.")


@pytest.mark.parametrize(("sentence", "description", "name"), [
    # a name, then what kind of practice it is: the reader calls it by the name
    ("The council set up Lighthouse, an edge-of-care service for teenagers, in 2022.", "edge-of-care service",
     "Lighthouse"),
    ("Families now meet Kinder Steps, the borough's own model of family support, at the front door.",
     "model of family support", "Kinder Steps"),
    ("Bright Harbour is the council's model of early help.", "model of early help", "Bright Harbour"),
    # a name opening the sentence or after "through", however the parser hangs the description
    ("Placements are now made through Foster Moor, the regional fostering partnership for the county.",
     "regional fostering partnership", "Foster Moor"),
    ("Through Adopt Riverside, the regional adoption agency, 14 children were adopted.", "regional adoption agency",
     "Adopt Riverside"),
    ("Bridge Back, our reunification programme for children in care, has now supported 46 children.",
     "reunification programme", "Bridge Back"),
    ("In April, our new edge-of-care service began.", "edge-of-care service", None),  # a time, not a name
    # a place after "in", a list's first item
    ("Children placed in Kirklees and Calderdale, the regional adoption agency says, settle well.",
     "regional adoption agency", None),
    ("Through Signs of Safety, the MASH and a new panel, practice changed.", "MASH", None),
    # a place after the name is where it is, not its name
    ("For care leavers we opened The Launchpad in Chatham, a drop-in hub with personal advisers.", "drop-in hub",
     "Launchpad"),
    # a name in quote marks, a description with its own words before the phrase, a catalogue name in it
    ('In 2020 we launched "Open Doors", a drop-in service for care leavers.', "drop-in service", "Open Doors"),
    ("The council set up Kinship Matters, our in-house family group conferencing service.",
     "family group conferencing", "Kinship Matters"),
    ("The council set up Home Base, a Staying Close offer for care leavers.", "Staying Close", None),
    # a list's next item, a sentence's opening pronoun, a person's post
    ("The council adopted Mockingbird, a MASH and family group conferencing.", "family group conferencing", None),
    ("It's a team of family workers and two youth workers.", "team of family workers", None),
    ("Jo Bloggs, the council's edge-of-care team manager, spoke first.", "edge-of-care team", None),
])
def test_a_practice_named_then_described_is_known_by_its_name(sentence, description, name):
    start = sentence.index(description)
    span = described_name(full_pipeline()(sentence), start, start + len(description))
    assert (sentence[span[0]:span[1]] if span else None) == name


def test_a_name_linked_to_the_catalogue_once_is_linked_throughout_the_document(extractor):
    text = ("Leeds City Council update\n\nIn 2022 the council set up the Tideway Team, a small edge-of-care "
            "service.\n\nIn 2024 the Tideway Team was expanded with two more family workers.")
    found = [(m.key, m.surface) for m in extractor.extract(text, ["E08000035"], None).mentions
             if m.kind == "intervention"]
    assert len(found) == 2 and {key for key, _ in found} == {"edge_of_care_team"}


def test_a_practice_something_is_aligned_with_or_reported_to_is_not_started_there(extractor):
    def named(sentence: str) -> list[str]:
        text = "Leeds City Council update\n\n" + sentence
        return [m.surface for m in extractor.extract(text, ["E08000035"], None).mentions if m.kind == "intervention"]
    assert "family hubs" not in named("The council reorganised its teams into six areas aligned with the family hubs.")
    assert "family hubs" not in named("Each team is now linked to one of the family hubs.")
    assert not any("Board" in surface for surface in named(
        "Audit findings are reported every quarter to the Children's Improvement Board."))
    assert any(surface.endswith("Family Hubs") for surface in named(
        "Early help was reorganised into four teams aligned with the new Family Hubs."))


@pytest.mark.parametrize(("sentence", "surface"), [
    # what a service was reshaped into is named with the reshaping, however generic its words
    ("The council restructured its assessment service into five locality teams.", "restructured into five locality teams"),
    ("Children's social work was reorganised in 2022 into three locality teams.",
     "reorganised into three locality teams"),
    # kept whatever the learned weights make of its words
    ("Safeguarding teams were restructured into three localities aligned with the city's family hubs.",
     "restructured into three localities"),
])
def test_what_a_service_was_reshaped_into_is_named_with_the_reshaping(extractor, sentence, surface):
    text = "Leeds City Council update\n\n" + sentence
    found = [m for m in extractor.extract(text, ["E08000035"], None).mentions if m.kind == "intervention"]
    assert [m.surface for m in found] == [surface]
    assert found[0].key == "emerging:" + surface.split()[0] + "_into_" + "_".join(surface.split()[3:])[:-1]


@pytest.mark.parametrize(("sentence", "expected"), [
    # what the rules above must not reach: a framework aligned with is used, a name's own ordinal stays, a
    # reshaping into posts or into a named service is no reshaped unit, money spent or put in by others is no
    # investment of the council's
    ("Our practice is aligned with the Signs of Safety model.", "Signs of Safety"),
    ("Each worker is linked to one of the new family hubs.", "family hubs"),
    ("We launched the First Steps programme in 2021.", "First Steps programme"),
    ("We restructured management into fewer senior posts.", None),
    ("We spent £900,000 on agency staff last year.", None),
    ("The government invested £50m in pay for social workers nationally.", None),  # the weights drop it since session 44
])
def test_what_the_new_practice_rules_leave_alone(extractor, sentence, expected):
    text = "Leeds City Council update\n\n" + sentence
    found = [m.surface for m in extractor.extract(text, ["E08000035"], None).mentions if m.kind == "intervention"]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(("sentence", "surface", "key"), [
    # money put into the workforce is a practice of its own, named as printed and grouped by what it went on
    ("In 2023 the council invested £2.2 million in its workforce.", "invested £2.2 million in its workforce",
     "emerging:investment_in_workforce"),
    ("We put £900,000 over two years into pay, supervision and training.",
     "put £900,000 over two years into pay, supervision and training", "emerging:investment_in_pay"),
    # money for a thing a reader names instead, or money still to be spent, is no such practice
    ("The council invested £300,000 in a wellbeing service for care leavers.", None, None),
    ("The council will invest £2 million in its workforce next year.", None, None),
])
def test_money_put_into_the_workforce_is_a_practice(extractor, sentence, surface, key):
    text = "Leeds City Council update\n\n" + sentence
    found = [m for m in extractor.extract(text, ["E08000035"], None).mentions if m.method == "money_invested"]
    assert [(m.surface, m.key) for m in found] == ([(surface, key)] if surface else [])


def test_a_role_signed_under_a_name_is_not_a_practice(extractor):
    signed = "Leeds City Council update\n\nThe council has made good progress.\n\nDr Sam Okafor\nChildren's Services Commissioner\n"
    assert not extractor.extract(signed, ["E08000035"], None).implementations
    appointed = "Leeds City Council update\n\nIn 2023 the DfE appointed a Children's Services Commissioner.\n"
    assert extractor.extract(appointed, ["E08000035"], None).implementations


def test_a_role_given_to_a_practice_is_not_another_practice(extractor):
    text = "Leeds City Council update\n\nThe council adopted restorative practice as its whole-service model in 2021."
    surfaces = [m.surface for m in extractor.extract(text, ["E08000035"], None).mentions if m.kind == "intervention"]
    assert "whole-service model" not in surfaces and "restorative practice" in surfaces


@pytest.mark.parametrize(("sentence", "named"), [
    # a unit every council has, named in passing, is no practice; set up, or what teams became, it is
    ("Care leavers are supported by the Leaving Care Service.", False),
    ("Vacancies in the Disabled Children's Team remain high.", False),
    ("In 2023 the council set up a Disabled Children's Team.", True),
    ("In 2022 we brought the Leaving Care Service in-house.", True),
    ("The council restructured its front door into four locality teams.", True),
])
def test_a_standing_unit_named_in_passing_is_not_a_practice(extractor, sentence, named):
    text = "Leeds City Council update\n\n" + sentence
    found = [m for m in extractor.extract(text, ["E08000035"], None).mentions if m.kind == "intervention"]
    assert bool(found) == named


@pytest.mark.parametrize(("sentence", "kept", "dropped"), [
    # a body engaged to do something runs the practice; a practice engaged to do something is one
    ("The council commissioned Harbour Circle to run a new independent advocacy service for parents.", "advocacy service",
     "Harbour Circle"),
    ("We contracted Westbrook College to deliver a 12-week pre-employment course.", "pre-employment course",
     "Westbrook College"),
    ("We commissioned the Hope Project to deliver therapy to teenagers.", "Hope Project", None),
])
def test_a_body_engaged_to_run_a_practice_is_not_the_practice(extractor, sentence, kept, dropped):
    text = "Leeds City Council update\n\n" + sentence
    surfaces = [m.surface for m in extractor.extract(text, ["E08000035"], None).mentions if m.kind == "intervention"]
    assert any(kept in surface for surface in surfaces) and dropped not in surfaces


@pytest.mark.parametrize(("text", "named"), [
    # a police force or an NHS body named after its area is not that area's council
    ("Kent Police and NHS Kent and Medway worked with Medway Council.", ["Medway"]),
    ("Our partners include Lancashire and South Cumbria Integrated Care Board.", []),
    ("Barnet, Enfield and Haringey Mental Health NHS Trust placed two nurses with Camden Council.", ["Camden"]),
    ("Sheffield Hallam University and Barnsley College train Rotherham's staff.", ["Rotherham"]),
    ("Care leavers on Wigan and Leigh College courses did well, as did those in Bolton.", ["Bolton"]),
    # a former council's name beside one of its successors is the county, unless called a council
    ("Since reorganisation in Cumbria, Cumberland Council runs children's services.", ["Cumberland"]),
    ("Cumbria County Council handed children's services to Cumberland Council.", ["Cumbria", "Cumberland"]),
    ("In 2019 Cumbria was judged to require improvement; Cumberland was judged good.", ["Cumbria", "Cumberland"]),
    ("Northamptonshire Children's Trust works for West Northamptonshire Council.", ["West Northamptonshire"]),
    # the national body is not a place
    ("The pilot was funded by NHS England and Kirklees Council.", ["Kirklees"]),
])
def test_a_partner_or_a_former_councils_area_is_not_a_council(extractor, text, named):
    evidence = extractor.extract(text, [], None)
    assert [m.surface for m in evidence.mentions if m.kind == "council"] == named


@pytest.mark.parametrize(("text", "expected"), [
    # figures in words at either end of a change, or its baseline
    ("The service grew from four coordinators to eleven.", [("change", 4.0, 11.0)]),
    ("The wait came down from nine weeks to four.", [("change", 9.0, 4.0)]),
    ("The duty service was reorganised from six large teams into 11 smaller teams.", [("change", 6.0, 11.0)]),
    ("There are now nine constellations, up from two, supporting 64 children.",
     [("change", 2.0, 9.0), ("level", None, 64.0)]),
    # a date after the first end, a month as the time of a baseline
    ("Children in care fell from 310 at 31 March 2023 to 288 at 31 March 2024.", [("looked_after_children", 310.0, 288.0)]),
    ("Three children were in unregistered settings in May, compared with eight in January.", [("change", 8.0, 3.0)]),
    # what the figure was, printed after it in the same sentence or in the next
    ("Average caseloads now sit at 15 children per worker; in 2021 the figure was 23.", [("change", 23.0, 15.0)]),
    ("In June caseloads stood at 17 per worker, having been 24 a year earlier.", [("change", 24.0, 17.0)]),
    ("Caseloads in the duty team are now 16, having peaked at 26.", [("change", 26.0, 16.0)]),
    ("Agency workers now fill 11% of posts. In March 2022 the figure was 27%.", [("change", 27.0, 11.0)]),
    ("In 2021 agency workers covered 35% of posts. It's now 13%.", [("change", 35.0, 13.0)]),
    # a number alone is in the earlier figure's unit; a clause after a semicolon gives the later value too
    ("The wait between referral and a first visit was 38 days in 2022. It is now 17.", [("change", 38.0, 17.0)]),
    ("The wait between referral and a first visit was 27 working days last summer; it is now 11.",
     [("change", 27.0, 11.0)]),
    ("Agency staff covered 35% of shifts in April; by September this was down to 15%.", [("change", 35.0, 15.0)]),
    ("Turnover is down from one in three to around one in eight.", [("change", 33.0, 12.5)]),
    ("Agency use fell from one in four posts to one in ten.", [("change", 25.0, 10.0)]),
    ("The service supported 46 families in its first year; it is now 2 years old.", [("level", None, 46.0)]),
    ("In the January audit one in three cases was graded good, compared with one in ten in June.",
     [("change", 10.0, 33.0)]),  # a baseline as a share in words
    ("Agency staff now fill 12% of posts, compared with one in four in 2021.", [("change", 25.0, 12.0)]),
    ("Two years ago almost four in ten of our social workers were agency staff. Today the figure is 16%.",
     [("change", 40.0, 16.0)]),
    ("There were 380 children in care, a rate of 96 per 10,000. This is lower than the 104 per 10,000 recorded "
     "a year before.", [("level", None, 380.0), ("change", 104.0, 96.0)]),
    # not a later value: no time, a share, another area; not a baseline: a comparison group's, another area's, a
    # number in words that is not one ("three years ago", "one of the highest"), clock hours
    ("In 2021, 28% of posts were vacant. It is a concern.", [("level", None, 28.0)]),
    ("Caseloads were 23 in 2021. Today it's 1 in 4 families who wait.", [("level", None, 23.0), ("level", None, 25.0)]),
    ("Our rate of children in need is 330 per 10,000, having been 305 per 10,000 in statistical neighbours.",
     [("level", None, 330.0)]),
    ("The rate is 81 per 10,000, having been 76 per 10,000 across the region in 2023.", [("level", None, 81.0)]),
    ("Caseloads are 17, up from three years ago when they averaged 25.", [("level", None, 17.0)]),
    ("Turnover is 15%, down from one of the highest rates in the region.", [("level", None, 15.0)]),
    ("Timeliness is 84%, compared with nine teams in June.", [("level", None, 84.0)]),
    ("The family hub is open from ten to four.", []),
    ("There were 380 children in care, a rate of 96 per 10,000. This is lower than the 104 per 10,000 recorded "
     "nationally a year before.", [("level", None, 380.0), ("level", None, 96.0)]),
])
def test_changes_with_ends_in_words_dated_ends_and_baselines_said_after(extractor, text, expected):
    evidence = in_oldham(extractor, text)
    assert figures_of(evidence) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a scorecard's lines: a label and its figure, with the earlier one in brackets, after "down from", or dated
    ("Timely visits: 91 per cent (Quarter 2: 84 per cent).", [("change", 84.0, 91.0)]),
    ("Children subject to a plan, rate per 10,000: 42 (47)", [("change", 47.0, 42.0)]),
    ("Agency social workers: 22, down from 30.", [("change", 30.0, 22.0)]),
    ("Children in care: 61 per 10,000 (66)", [("change", 66.0, 61.0)]),
    ("Time to first visit: 12 working days (Quarter 1: 15)", [("change", 15.0, 12.0)]),
    ("(a) Contacts with a decision within 24 hours: 61% in June, 90% in September.", [("change", 61.0, 90.0)]),
    ("Average caseload in the child in need teams: 16.", [("level", None, 16.0)]),
    ("(c) Average caseload in assessment teams: 18 children, against a target of 17.", [("level", None, 18.0)]),
    ("(d) Re-referrals within 12 months: 23%, still above the England average of 22%.", [("level", None, 23.0)]),
    ("England average: 22%.", []),
    ("Oldham 2023-24: 27%", []),  # a table's row: the measure is in its heading
    ("North West: 86%", []),
    ("Re-referrals within 12 months: 18% (statistical neighbours: 21%).", [("level", None, 18.0)]),
    ("Assessments completed within 45 days: 82% (target: 90%).", [("level", None, 82.0)]),
    ("Children in care: 612 (2024).", [("level", None, 612.0)]),
    ("Social work posts: 140 (12 vacant).", [("level", None, 140.0)]),
    ("Year service launched: 2019.", []),
    ("Agency workers: 19, down from 27 in 2021.", [("change", 27.0, 19.0)]),
    ("Standstill period: 8 working days", []),
    # a level then and one now; shares a time apart; a multiple of an earlier count
    ("Agency use, which had peaked at 31 per cent of the workforce, now stands at 9 per cent.", [("change", 31.0, 9.0)]),
    ("In the year before the change one in five carers left; this year it was closer to one in ten.",
     [("change", 20.0, 10.0)]),
    ("Roughly one post in four was filled by a locum in early 2022, and today it is about one in twelve.",
     [("change", 25.0, 8.0)]),
    ("Around two in every five families kept their children at home.", [("level", None, 40.0)]),
    ("In 2019 one in five social workers was from an agency; now it is one in twenty.", [("change", 20.0, 5.0)]),
    ("One in ten carers left in 2021; now nine in ten say they would recommend fostering.", [("level", None, 10.0)]),
    ("Caseloads had peaked at 25 in the busiest team, but the average across the service now stands at 17.",
     [("level", None, 25.0), ("level", None, 17.0)]),
    ("Thirty families took part, twice the 15 the pilot was designed for.", [("level", None, 30.0)]),
    ("The council approved 38 new fostering households in 2024, more than double the 17 approved in 2022.",
     [("change", 17.0, 38.0)]),
    ("The service held 300 family group conferences, about three times as many as in 2020.",
     [("count", None, 300.0), ("change", None, None)]),
    # the figure before, or later, in the next sentence
    ("The front door now decides 91% of contacts within a day. Before the redesign, the figure was around 65%.",
     [("change", 65.0, 91.0)]),
    ("In March 2018 the council looked after 1,210 children. This autumn the figure is 1,090.",
     [("change", 1210.0, 1090.0)]),
    # not results: plans, what is being built, the area's people, a visit's dates, comparable areas
    ("Plans for two new in-house children's homes have been agreed in principle.", []),
    ("Plans for 45 children were reviewed within timescales in the quarter.", [("level", None, 45.0)]),
    ("Oldham has more than 1,200 children on the child protection register.", [("level", None, 1200.0)]),
    ("The council now uses 12 different residential providers, down from 30 in 2020.", [("change", 30.0, 12.0)]),
    ("We are building two in-house children's homes, but neither will open before 2027.", []),
    ("Oldham has around 1.1 million residents, roughly 200,000 of them under 18.", []),
    ("Roughly 180,000 people live here.", []),
    ("The visit was carried out on 23 and 24 July 2024.", []),
    ("Oldham has more than 90,000 children; thank you for all you do.", []),
    ("The case was held by four different social workers in eight months.", []),
    ("We received 187 responses to the consultation.", []),
    ("Family Safeguarding now runs across all four quadrants of the county.", []),
    ("Over the same period, the average in comparable inner London boroughs fell by about 3%.", []),
    ("At 31 March 2024, 236 children were subject to a child protection plan, a rate of 39.8 per 10,000 children.",
     [("level", None, 236.0), ("level", None, 39.8)]),
])
def test_scorecard_lines_then_and_now_and_figures_that_are_not_results(extractor, text, expected):
    assert figures_of(in_oldham(extractor, text)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a budget or its overspend is what was set aside, not what was done; a budget spent on something is
    ("The children's services budget for 2025/26 is £38.2 million.", []),
    ("Officers reported an overspend of £3.4m on placements.", []),
    ("A budget of £2.2 million was allocated to the workforce programme.", [("level", 2200000.0, "£")]),
    # numbers in words inside someone's words are how people talk; in digits they are reported
    ("\"Families told us they had met three different social workers in a year,\" she said.", []),
    ("\"We recruited 30 social workers last year,\" she said.", [("count", 30.0, "count")]),
    ("\"We have recruited eleven new foster carers this year,\" the director said.", [("count", 11.0, "count")]),
    # a share of a group said with "of" after its "in"
    ("Back then, almost four in ten of our social workers were agency staff.", [("level", 40.0, "%")]),
    # a hyphenated subject the parser split, a level held steady
    ("Re-referrals within twelve months are 21%.", [("level", 21.0, "%")]),
    ("The number of children in care held steady at around 410.", [("level", 410.0, "count")]),
])
def test_budgets_spoken_numbers_and_shares_in_ten(sentence, expected):
    assert open_outcomes_in(sentence) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the end a change moved to printed first, the start right after it
    ("The share of assessments completed within 45 days rose to 91% from 78% last year.",
     [("assessment_timeliness", 78.0, 91.0)]),
    ("Timeliness of initial health assessments improved to 84% from 52% in 2021.", [("change", 52.0, 84.0)]),
    # a budget's size moving is not a result; spending on something is
    ("Over the same period the overspend on placements fell from £8.2m to £3.1m.", []),
    ("We reduced the deficit on the placements budget from £6.4m to £2.9m in two years.", []),
    ("Spending on agency social workers fell from £4.1m to £1.9m.", [("agency_staff", 4100000.0, 1900000.0)]),
    # a spread of pay or ages is neither a change nor two levels
    ("Social workers are paid from £37,500 to £45,200 depending on experience.", []),
    ("Salaries for advanced practitioners range from £46,000 to £51,000.", []),
    ("Entries to care for children aged under 12 fell from 394 in 2021/22 to 318 in 2023/24.",
     [("change", 394.0, 318.0)]),
    # a question states nothing; a small number kept back is no count
    ("So has the number of children in care come down from 420 to 380?", []),
    ("Fewer than five children were placed out of area, so the exact figure is withheld.", []),
    # a number after a label ("Episode 42:", "Proposal 3:") labels; a proposal is an instruction
    ("Episode 42: keeping teenagers safe at home, with guests from children's services.", []),
    ("Proposal 3: reduce spending on external residential placements by £1.2m in 2025/26.", []),
    # who a team is made of is not a result; whom a council recruited, or who did the work, is
    ("It is a team of family workers, a clinical psychologist and two youth workers.", []),
    ("We set up the Bridges team in 2023, four family workers and a psychologist.", []),
    ("The council recruited 30 social workers and a principal social worker last year.", [("count", None, 30.0)]),
    # a share in words closing its clause measures the clause's subject
    ("Our agency rate is now around one in five.", [("level", None, 20.0)]),
])
def test_reversed_ends_budgets_spreads_questions_labels_and_teams(extractor, text, expected):
    evidence = in_oldham(extractor, text)
    assert figures_of(evidence) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a time taken, its unit printed at both ends or named before it ("The average wait"; not a comparison
    # group's average), and a from-to of ages or a period, which is neither
    ("The average wait fell from 31 weeks to 19 weeks.", [("change", 31.0, 19.0)]),
    ("The average time to panel fell from 39 to 27 weeks.", [("change", 39.0, 27.0)]),
    ("The Regional average fell from 31 weeks to 19 weeks.", []),
    ("We extended support to care leavers from 21 to 25 years.", []),
    ("Young people stay in full-time education from 16 to 18 years.", []),
    ("We now support care leavers from 18 years to 25 years.", []),
    # a time taken is no controlled metric's: the caseloads' change is the second from-to
    ("Waits fell from 31 to 19 weeks and caseloads fell from 22 to 17.", [("caseloads", 22.0, 17.0),
                                                                          ("change", 31.0, 19.0)]),
    # "nine out of ten" is a share like "nine in ten"; a share whose group is not read counts nothing
    ("Nine out of ten children took part in their review.", [("level", None, 90.0)]),
    ("Four in five said they had worked late.", []),
    # money said to have been put into something, in the passive
    ("A further £0.9m has been invested in the workforce strategy.", [("count", None, 900000.0)]),
])
def test_times_taken_shares_out_of_ten_and_sums_invested(extractor, text, expected):
    evidence = in_oldham(extractor, text)
    assert figures_of(evidence) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a comparison group's measure as the clause's subject, a target as the subject or holding the figure
    ("The regional average agency rate is still around 17%.", []),
    ("The Midlands average for agency social workers is 24%.", []),
    ("The target in the improvement plan remains 15% by March 2025.", []),
    ("The council has set itself a target of getting agency use down to 12% by 2026.", []),
    ("Agency use fell to 12%, beating our target.", [("level", None, 12.0)]),
    ("Our national award-winning Family Hub team supported 420 families.", [("level", None, 420.0)]),
    ("Since Ofsted rated the service good in 2022, we have recruited 40 new foster carers.", [("count", None, 40.0)]),
    # the places or groups another figure of the clause went into are no count; new things it made are
    ("The Academy has recruited 22 newly qualified social workers across two cohorts.", [("count", None, 22.0)]),
    ("The council opened two children's homes in 2023.", [("count", None, 2.0)]),
    # work done, counted, though audits, cases and times counted otherwise measure nothing; not a habit
    ("A further 148 audits were completed this quarter.", [("count", None, 148.0)]),
    ("The fostering panel sat 21 times in the year.", [("level", None, 21.0)]),
    ("Every manager completes two audits a month.", []),
    ("The child had moved three times.", []),
    ("Ofsted carried out seven monitoring visits.", []),
    ("We received two monitoring visits from the Department for Education.", []),
    # a time given as an average of it
    ("Assessments are now completed in an average of 9 weeks.", [("level", None, 9.0)]),
    # a level and the size of its move printed at the end of its clause, two outcomes; not "up 1 in 5"
    ("Some 62% of care leavers are in education, employment or training, up 9 percentage points on 2022.",
     [("level", None, 62.0), ("change", None, None)]),
    ("Re-referrals are 17%, up 1 in 5 areas.", [("level", None, 17.0)]),
    ("Timeliness is 91%, up 2 places in the regional ranking.", [("level", None, 91.0), ("level", None, 2.0)]),
    # what something costs is no result; what a programme cost is what was spent on it
    ("Four children are placed in residential homes costing over £6,000 a week.", [("count", None, 4.0)]),
    ("The cost of extending the service is £600,000 per year.", []),
    ("The programme cost £4.1 million a year to run.", [("level", None, 4100000.0)]),
    ("Placement costs stood at £6.2m at year end.", [("level", None, 6200000.0)]),
    ("The average weekly cost of a placement is now £4,800, down from £5,600.", [("change", 5600.0, 4800.0)]),
    # the area served, a spread, a comparison or matched group, a contract's value, a survey's sample
    ("We are a unitary authority serving around 155,000 people, of whom 55,000 are under 26.", []),
    ("Each hub carer supports between six and ten fostering families.", []),
    ("Average caseloads are 58 children, within the 50 to 70 range.", [("level", None, 58.0)]),
    ("A year later, 64% were living with family, compared with 47% of the comparison group.", [("level", None, 64.0)]),
    ("The entry rate fell from 38 to 27 per 10,000, while the London rate stayed at around 22.",
     [("change", 38.0, 27.0)]),
    ("The estimated value of the contract is £3.6m over the initial term.", []),
    ("Some 118 staff responded, around 55% of the social work workforce.", []),
    ("It draws on a sample of 30 case files and conversations with about 45 staff.", []),
])
def test_targets_groups_and_where_a_figure_went(extractor, text, expected):
    evidence = in_oldham(extractor, text)
    assert figures_of(evidence) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a time in working days, on average; a timescale in working days is none
    ("Plans now take 27 working days on average, down from 39.", [("change", 39.0, 27.0)]),
    ("Nearly all (94%) plans are now written within the statutory 10 working days.", [("level", None, 94.0)]),
    ("Panels are reported to members every six months.", []),
    # a baseline in words a year before; two changes joined by "yet"
    ("Three children were placed with early permanence carers, up from one the year before.",
     [("change", 1.0, 3.0)]),
    ("Contacts rose by 6% to 41,000, yet the share decided within a day rose from 60% to 85%.",
     [("referrals", None, 41000.0), ("referrals", None, None), ("referrals", 60.0, 85.0)]),
    # "average" as a verb: what is averaged is the measure; a place's average is a comparison group's
    ("Caseloads average 12 children.", [("level", None, 12.0)]),
    ("The pan-London average is 24%.", []),
    ("That is above both the England average (544) and the core cities average (738).", []),
    # a change by a share alone, however the parser reads the subject
    ("Missing episodes among the group fell by around a third.", [("change", None, None)]),
    ("Social work vacancies are down by half.", [("vacancy_rate", None, None)]),
    # one measure at two dated times is a change from the earlier, in whichever order printed
    ("Agency staff filled 31% of posts in May 2023 and 19% in November 2024.", [("change", 31.0, 19.0)]),
    ("Re-referrals were 19% in 2024 and 24% in 2020.", [("re_referrals", 24.0, 19.0)]),
    # "are up to 25" is at most 25; a rate a move came to; a second clause's measure is its own; a group's average
    ("Caseloads are up to 25 children per worker in some teams.", [("level", None, 25.0)]),
    ("Children in care are down 3 points, to 61 per 10,000.",
     [("looked_after_children", None, 61.0), ("looked_after_children", None, None)]),
    ("Missing episodes were down by a third, and exploitation referrals are down by half.",
     [("referrals", None, None), ("change", None, None)]),
    ("Our statistical neighbours average 19.", []),
    ("Leeds average is 19 children per worker.", []),
    # a spread is no count; a meeting's formalities and a finding about records count nothing; a council's none does
    ("Each hub carer supports a group of six to ten fostering households.", []),
    ("No declarations of interest were made.", []),
    ("In five cases the case notes had no actions recorded.", []),
    ("The council has no children's homes of its own.", [("level", None, 0.0)]),
    # a share said as "nine cases out of ten"
    ("Strategy meetings are now held within a day in nearly nine cases out of ten.", [("level", None, 90.0)]),
])
def test_durations_moves_averages_and_shares_said_in_more_ways(extractor, text, expected):
    assert figures_of(in_oldham(extractor, text)) == expected


@pytest.mark.parametrize("sentence", [
    "Dental checks are up 8 percentage points, to 81%.",
    "Health checks rose by 8 percentage points to 81%.",
    "Annual health checks went up 8 percentage points, to 81%.",
])
def test_the_size_of_a_move_before_the_level_it_came_to_is_a_change_too(sentence):
    level, move = sorted(open_found_in(sentence), key=lambda found: found.kind != "level")
    assert (level.kind, level.value, move.kind, move.change, move.change_unit, move.metric_key) == (
        "level", 81.0, "change", 8.0, "points", level.metric_key)


def test_a_controlled_measure_moved_by_a_size_to_a_level_gives_both(extractor):
    evidence = in_oldham(extractor, "Re-referrals within 12 months fell by 5 percentage points, to 19%.")
    drafts = [(finding.draft.value_to, finding.draft.change) for finding in evidence.outcomes]
    assert drafts == [(19.0, None), (None, -5.0)]


def test_the_size_of_a_move_after_a_level_is_a_change_of_the_same_measure():
    level, move = open_found_in("Re-referrals are 17%, down 6 percentage points on last year.")
    assert (level.kind, level.value, move.kind, move.change, move.change_unit, move.metric_key) == (
        "level", 17.0, "change", -6.0, "points", level.metric_key)


def test_a_list_of_what_is_still_to_be_done_names_no_practice_the_council_has(extractor):
    """Under "What we will do next" or after "Our priorities are to:", items are plans however the
    tagger reads their first word; the next section's numbered paragraph, and a list of what money was
    used for, are not."""
    text = ("Oldham Council update\n\nWhat we will do next\n\n4.9 Expand the Academy to take a cohort of team "
            "managers.\n\n4.10 Commission a Family Group Conferencing service.\n\n5.1 In 2023 we launched Mockingbird "
            "for our foster carers.\n\nOur priorities for 2025 are to:\n\na) commission a Lifelong Links service;\n\n"
            "b) introduce Signs of Safety.\n\nThe grant was used to:\n\n- set up Staying Close for care leavers.\n\n"
            "6. Recommendations\n\n6.1 I recommend that the council:\n\na) extends Family Safeguarding to its "
            "adolescent teams.\n\nNext steps\n\n- No Wrong Door was launched in 2022 and now has two hubs.\n")
    evidence = extractor.extract(text, ["E08000004"], None)
    assert sorted(found.intervention for found in evidence.implementations) == ["mockingbird", "no_wrong_door",
                                                                                "staying_close"]
    assert {mention.key for mention in evidence.named_only} >= {"family_group_conferencing", "lifelong_links",
                                                                 "signs_of_safety", "family_safeguarding"}


def test_a_question_names_a_practice_without_saying_the_council_has_it(extractor):
    evidence = extractor.extract("Oldham Council update\n\nDoes the council use Signs of Safety?\n\n"
                                 "The council introduced Family Group Conferencing in 2021.", ["E08000004"], None)
    assert [found.intervention for found in evidence.implementations] == ["family_group_conferencing"]


@pytest.mark.parametrize(("line", "body"), [
    ("– Sam Porter, senior coordinator, Harewood Family Trust", "Harewood Family Trust"),
    ("Press enquiries: Communications Team, Oldham Council, 0161 770 0000.", "Communications Team"),
    ("Amira Shah - Improvement Adviser, Department for Education", "Department for Education"),
    ("Kinship Circles is an approach developed by the Kinship Alliance to keep children with relatives.",
     "Kinship Alliance"),
])
def test_bylines_contact_lines_and_a_models_originator_are_not_the_councils_practices(extractor, line, body):
    evidence = in_oldham(extractor, line)
    assert body not in [mention.surface for mention in evidence.mentions]


@pytest.mark.parametrize(("text", "gone", "kept"), [
    # a practice relaunched or renamed as another is the new one; "as part of" is no new name
    ("The multi-agency safeguarding hub was relaunched as Oldham Front Door in 2023.", "mash", None),
    ("The multi-agency safeguarding hub was restructured as part of the improvement plan.", None, "mash"),
])
def test_a_practice_relaunched_as_another_is_left_behind(extractor, text, gone, kept):
    evidence = in_oldham(extractor, text)
    implemented = [found.intervention for found in evidence.implementations]
    assert (gone is None or gone not in implemented) and (kept is None or kept in implemented)


def test_a_name_after_the_description_and_the_is_the_practices_name():
    sentence = "A new edge-of-care service, the Harbour Team, was set up in June 2023."
    end = sentence.index("edge-of-care service") + len("edge-of-care service")
    span = apposed_name(full_pipeline()(sentence), end)
    assert span is not None and sentence[span[0]:span[1]] == "Harbour Team"


@pytest.mark.parametrize(("text", "expected"), [
    # what the first versions of this session's rules over-reached on (a fresh-eyes review's sentences)
    ("We increased starting salaries from £33,000 to £36,000 to attract applicants.", [("change", 33000.0, 36000.0)]),
    ("Referrals rose to 420 from 35 schools across the city.", [("referrals", None, 420.0), ("level", None, 35.0)]),
    ("Caseloads fell to 18 from 1 April 2024.", [("caseloads", None, 18.0)]),
    ("More than 300 families were helped by the hub; their names are redacted in the case studies.",
     [("level", None, 300.0)]),
    ("We hired a principal social worker and 20 experienced social workers last year.", [("level", None, 20.0)]),
    ("Nationally the agency rate is around one in six.", []),
    ("Our overspend was cut from £6m to £2.5m.", []),
    ("The forecast overspend was reduced from £5m to £1.2m, and the number of children in residential care fell "
     "from 88 to 71.", [("change", 88.0, 71.0)]),
    ("So the number of children in care has come down from 900 to 780?", [("looked_after_children", 900.0, 780.0)]),
])
def test_the_rules_do_not_reach_past_what_they_are_for(extractor, text, expected):
    evidence = in_oldham(extractor, text)
    assert figures_of(evidence) == expected


@pytest.mark.parametrize(("line", "implemented", "surface"), [
    ("From April, the Mockingbird programme has supported eight constellations.", "mockingbird", "Mockingbird programme"),
    ("During Covid, the family group conferencing service moved online.", "family_group_conferencing", None),
    ("Lifelong Links for 30 young people in 2023/24", "lifelong_links", None),
    ("We introduced Mockingbird in 2021 – why did we choose it?", "mockingbird", None),
    ("Action 3: Implement Signs of Safety across all teams – completed March 2024.", "signs_of_safety", None),
])
def test_practices_named_beside_times_tagged_names_questions_and_actions_done(extractor, line, implemented, surface):
    evidence = in_oldham(extractor, line)
    assert [found.intervention for found in evidence.implementations] == [implemented]
    assert surface is None or surface in [mention.surface for mention in evidence.mentions]


# Session 40 (issue 20): rules read from held_out_9, each on sentences written for the test.
@pytest.mark.parametrize(("text", "practice"), [
    # weighed, then turned down in the next sentence or the same one
    ("We looked hard at Lifelong Links. We decided the timing was not right for us.", None),
    ("We looked at Lifelong Links, but carers told us it was too complicated, so we have not taken it forward.", None),
    ("We looked at Lifelong Links in 2019. We decided to adopt it and it went live in 2020.", "lifelong_links"),
    # still being talked about, or asked for with no answer yet
    ("We are talking to Medway about joining their Mockingbird programme.", None),
    ("We have applied to join the next round of Staying Close, but have not yet heard.", None),
    ("We applied to join the first wave of Staying Close in 2019 and went live in 2020.", "staying_close"),
    # asked of the council by others, or a heading over what follows
    ("The new regulations require councils to set up Lifelong Links for every child.", None),
    ("The council required every team to offer Lifelong Links from 2022.", "lifelong_links"),
    ("Lifelong Links and family time:", None),
    # weighed, then gone ahead with after all; a dash around a date in a sentence that tells of a start
    ("We looked at Lifelong Links in 2019. We decided not to wait and adopted it that autumn.", "lifelong_links"),
    ("We launched Lifelong Links – March 2021 – and 200 young people have used it since.", "lifelong_links"),
    # what a notice required and was then done; a partner's people in the council's service, or the council's own
    ("The new guidance required the council to set up an Improvement Board, which met in May 2023.",
     "improvement_board"),
    ("Kent Police refer young people to Lifelong Links, which the council runs.", "lifelong_links"),
    # a what's-on list's events
    ("Carers' coffee morning – first Tuesday of every month, 10am, Whitley Family Hub", None),
    ("Foster Carers' Fortnight celebration – June (details to follow)", None),
    # what was merged into a new front door is not started: the front door is
    ("We merged the MASH and the early help hub into a single front door in 2023.", None),
    # a board or strategy already known is referred to, not started
    ("The Improvement Board, chaired by a former director, oversees the plan.", None),
    ("The council established an Improvement Board, chaired by a former director.", "improvement_board"),
])
def test_a_practice_weighed_asked_for_or_referred_to_is_not_one_done(extractor, text, practice):
    evidence = extractor.extract(text, ["E10000016"], None)
    assert {found.intervention for found in evidence.implementations} == ({practice} if practice else set())


@pytest.mark.parametrize(("sentence", "surfaces"), [
    ("The Sufficiency Strategy will return to the Board in October.", []),
    ("The new legal gateway panel provides sound advice to social workers.", ["new legal gateway panel"]),
    ("This report updates the committee on the first year of the Early Help Strategy.", []),
    ("The council embedded the neglect strategy agreed in March.", ["neglect strategy"]),
    ("Our joint fostering recruitment campaign with Medway Council approved 11 households.",
     ["joint fostering recruitment campaign"]),
    # a partner body's own practice is not the council's
    ("Thames Valley Police continues to notify schools through Operation Encompass.", []),
    ("Kent Police praised the joint working at the council's multi-agency safeguarding hub.",
     ["multi-agency safeguarding hub"]),
    # who speaks holds a post; a participle that is part of the name stays
    ("The trust's safeguarding lead wrote: “Health visitors will welcome one named worker.”", []),
    ("The council expanded its supported lodgings scheme in 2023.", ["supported lodgings scheme"]),
])
def test_a_strategy_in_passing_is_no_practice_and_a_partner_is_not_part_of_the_name(extractor, sentence, surfaces):
    evidence = extractor.extract(sentence, ["E10000016"], None)
    assert [mention.surface for mention in evidence.mentions if mention.kind == "intervention"] == surfaces


@pytest.mark.parametrize(("sentence", "expected"), [
    # how long something takes is a measure, though "time" alone is not
    ("The average time to find a placement is now 4 days, down from 11.", [("change", 11.0, 4.0, "days")]),
    ("The time taken to allocate a worker is now 6 days.", [("level", None, 6.0, "days")]),
    # a size printed before the ends is the same change told twice
    ("Complaints upheld in full or in part were cut by a third, from 45 to 30.", [("change", 45.0, 30.0, "count")]),
    # what a region or a sentence of comparison gives is not the council's
    ("That compares with 49 per 10,000 across London and 71 per 10,000 nationally.", []),
    ("The average across the North West managers' group was 67%.", []),
    ("Our rate is 38 per 10,000, against 49 per 10,000 in London.", [("level", None, 38.0, "per 10,000")]),
    # a move told just before words makes them a change, but not a clock's hours; a plan's list counts its progress
    ("Missed appointments within the group halved, from six to three.", [("change", 6.0, 3.0, "count")]),
    ("Hub opening hours were reduced, from nine to three on Fridays.", []),
    ("Of the ten actions in the plan, six are complete and two are delayed.", []),
    ("Of 96 files audited, 44% were judged good.", [("level", None, 44.0, "%")]),
])
def test_times_taken_sizes_told_twice_and_regions_figures(sentence, expected):
    assert [(found.kind, found.value_from, found.value, found.unit) for found in open_found_in(sentence)] == expected


def implemented_surfaces(extractor, text: str) -> list[str]:
    """The printed names of the practices a short document about Kent says Kent implemented."""
    evidence = extractor.extract(text, ["E10000016"], None)
    implemented = {found.intervention for found in evidence.implementations}
    return [mention.surface for mention in evidence.mentions
            if mention.kind == "intervention" and mention.key in implemented]


# Session 43 (issue 20): rules read from held_out_13 and held_out_14, each on sentences written for the test.
@pytest.mark.parametrize(("text", "surfaces"), [
    # floated, weighed or promised, then turned down or not yet there
    ("A four-day week was floated last spring and, after long debate, rejected.", []),
    ("Officers examined the Family Safeguarding model as an alternative but concluded that the costs were too high.", []),
    ("Managers went to Leeds to see the Mockingbird constellations, but decided against the model.", []),
    ("Family hubs are promised for 2026 but none has opened yet.", []),
    ("I'd like us to look seriously at Lifelong Links.", []),
    ("Last spring the council bid for DfE funding to set up a Staying Close scheme.", []),
    ("Next year: a new family hub in the town centre.", []),
    # a partner's people run it; a quoted sentence is no name
    ("Police officers continue to run Operation Encompass in every school.", []),
    ("The headline read \"Foster carers are quitting in numbers\" that week.", []),
    # a name given after "which it calls", with "at" inside it
    ("It set up its own edge-of-care service, which it calls Harbour Point, in 2023.", ["Harbour Point"]),
    ("We launched our adolescent service, Safer at Home, in May.", ["Safer at Home"]),
    # managers, coordinators and the council's own staff hired; when they were hired is not part of it
    ("We recruited permanent team managers in every locality.", ["permanent team managers"]),
    ("The council decided to stop relying on agency staff and recruit its own social workers.", ["own social workers"]),
    ("We recruited 14 permanent staff between April and June.", ["permanent staff"]),
    # a practice mentioned is not one done; a name after "called", with no comma before it
    ("Many of you mentioned Lifelong Links at the session.", []),
    ("We set up an adolescent service called Lantern Point for young people at risk.", ["Lantern Point"]),
    # a start in the present simple with a month is to come; an option is put, not done; a source is another's
    ("The new quality assurance framework for early help starts in September.", []),
    ("Option B - Introduce Lifelong Links across the service: not recommended.", []),
    ("Our own model borrows heavily from No Wrong Door.", []),
    ("Leaders visited Leeds to learn from their implementation of Mockingbird.", []),
])
def test_practices_turned_down_promised_run_by_partners_and_staff_hired(extractor, text, surfaces):
    assert implemented_surfaces(extractor, text) == surfaces


@pytest.mark.parametrize(("text", "expected"), [
    # a post's time, a question's number, an area's size, "none of this": no figures
    ("Reviewer_42 | 3 May, 19:45", []),
    ("UIN 51234, tabled on 8 June", []),
    ("Some 260,000 people are spread over 700 square miles of coast and moor.", []),
    ("None of this would work without the family workers.", []),
    # one person's story
    ("My daughter has been waiting 30 weeks for a referral.", []),
    ("One of our carers waited six weeks for a respite break.", []),
    ("The family worker helped him clear £900 of arrears in a month.", []),
    # an average set against, a study's own sample, a text's talking points, what is due to open
    ("Agency use has fallen from 29 per cent to 15 per cent, against an average of 21%.", [("change", 29.0, 15.0)]),
    ("Between May and July we spoke with 48 parents at six drop-ins.", []),
    ("Of the parents we spoke to, 30 had a child on a plan.", []),
    ("The service made four changes this year:", []),
    ("A second home, for three children, is due to open in the autumn.", []),
    # a service run by another body gives its figures, not the council's
    ("Therapy is provided by the local NHS trust, not the council, and the average wait is 22 weeks.", []),
    # a level then and the one it came down to; a scorecard line's earlier figure a year ago
    ("Re-referrals were 22% in 2022/23 and came down to 16% this year.", [("change", 22.0, 16.0)]),
    ("Children in care: 74 per 10,000, down from 81 per 10,000 a year ago.", [("change", 81.0, 74.0)]),
    ("Average days from care to adoption: 380 (down from 441)", [("change", 441.0, 380.0)]),
    ("Average caseloads are now 16; three years ago they were close to 21.", [("change", 21.0, 16.0)]),
    # many people, and one carer's constellation, are counted
    ("Twenty-two women have completed the programme.", [("count", None, 22.0)]),
    ("Our first constellation opened in May, with one hub carer supporting seven households.", [("level", None, 7.0)]),
])
def test_figures_of_a_post_a_person_a_sample_or_a_plan_and_levels_then_and_now(extractor, text, expected):
    assert figures_of(in_oldham(extractor, text)) == expected


def test_a_list_word_opening_the_sentence_is_not_the_name_a_description_gives():
    sentence = "Third, a new quality assurance framework for pathway plans."
    start = sentence.index("quality")
    assert described_name(full_pipeline()(sentence), start, start + len("quality assurance framework")) is None


def test_working_days_printed_after_the_first_figure_are_both_figures_unit():
    assert [(found.kind, found.value_from, found.value, found.unit) for found in open_found_in(
        "The average time to allocate a worker fell from 41 working days to 29.")] == [("change", 41.0, 29.0, "days")]


@pytest.mark.parametrize(("text", "implemented"), [
    # what the first versions of this session's rules over-reached on (a fresh-eyes review's sentences)
    ("Inspectors examined our Lifelong Links service and concluded that it was working well.", {"lifelong_links"}),
    ("An external review examined the Mockingbird programme but concluded it had not yet had time to show results.",
     {"mockingbird"}),
    ("Our Staying Close offer, which was suggested by care leavers, was not selected for the national evaluation.",
     {"staying_close"}),
    ("The council promised carers a Mockingbird hub and delivered one within a year.", {"mockingbird"}),
    ("Next year: Family Safeguarding, which we introduced in 2022, will reach the disabled children's team.",
     {"family_safeguarding"}),
    ("Ofsted's letter mentioned our multi-agency safeguarding hub, which handles 900 contacts a month.", {"mash"}),
    ("Councillors mentioned the family hubs, which opened in 2023, in every ward report.", {"family_hubs"}),
    # most councils have family hubs: news only when started or changed
    ("The survey was open to everyone working in social care, early help and the family hubs.", set()),
    ("Five family hubs are now open across the county.", {"family_hubs"}),
    ("We opened two more family hubs in March.", {"family_hubs"}),
])
def test_practices_weighed_by_others_promised_mentioned_or_every_councils_are_done_as_told(extractor, text, implemented):
    evidence = extractor.extract(text, ["E10000016"], None)
    assert {found.intervention for found in evidence.implementations} == implemented


@pytest.mark.parametrize(("text", "expected"), [
    # ... and on outcomes
    ("More than 15,000 residents used our family hubs in 2023, up from 9,000 in 2022.", [("change", 9000.0, 15000.0)]),
    ("One of our hubs supported 420 families last year, up from 300.", [("change", 300.0, 420.0)]),
    ("The service helped him and 40 other young people into work last year.", [("level", None, 40.0)]),
    ("There were 301 placement changes last year, down from 412 the year before.", [("change", 412.0, 301.0)]),
    ("Re-referrals were 24% in 2021/22 and came down to 18% nationally.", [("level", None, 24.0)]),
    ("Children in care were 705 in 2021 and came down to 640 in 2024.", [("change", 705.0, 640.0)]),
])
def test_figures_the_first_versions_of_the_person_population_and_then_now_rules_lost(extractor, text, expected):
    assert figures_of(in_oldham(extractor, text)) == expected


# Session 44 (issue 20): rules read from held_out_15, each on sentences written for the test.
@pytest.mark.parametrize(("text", "surfaces"), [
    # another council's practice named in passing: its owner, its subject, where it was seen or is run
    ("Everyone has heard of Surrey's Family Safeguarding model.", []),
    ("Two of our managers went to visit Hertfordshire to see how its Family Safeguarding teams work.", []),
    ("Councillors visited Medway in March to see its Lifelong Links service.", []),  # was credited to Medway
    ("The talk compared how Lifelong Links is organised in Leeds and Wigan.", []),
    ("Lancashire pays a higher weekly allowance to kinship carers.", []),
    # ... or some council's, unnamed
    ("The DfE offered to put us in touch with a council already running Mockingbird.", []),
    ("Many councils now use Signs of Safety.", []),
    # but the council's own, where another is only where it was seen or began
    ("After visiting Wigan, where Lifelong Links began here, we decided to adopt it ourselves.", ["Lifelong Links"]),
    ("Following visits to Leeds, where the model was developed, we adopted Mockingbird in 2022.", ["Mockingbird"]),
    # a bid in vain, a question asked with its time and asker, a start said not to have happened
    ("The service bid unsuccessfully last year to become a Mockingbird site.", []),
    ("14:02] Question from Sam, Ledbury: Have you looked at Lifelong Links?", []),
    ("She wondered why the service had not bought in Signs of Safety.", []),
    # a transcript's speaker is no practice
    ("10:15] Jo Palmer (PSW): We launched Open Line, a phone service for families, in May.", ["Open Line"]),
])
def test_practices_of_other_councils_bids_in_vain_questions_and_speakers_are_not_the_councils(extractor, text,
                                                                                               surfaces):
    assert implemented_surfaces(extractor, text) == surfaces


@pytest.mark.parametrize(("text", "surfaces"), [
    # the name before its description, capitalised but not tagged as a name, or quoted before a course
    ("In 2021 the council set up Bright Roots, a multi-agency edge-of-care team for teenagers.", ["Bright Roots"]),
    ("Forty carers completed \"Calm Waters\", a six-week parenting course the council commissioned.", ["Calm Waters"]),
    # a kind of practice the council calls its own, named beside it, whatever the verb
    ("This year the council added its own pre-birth pathway, Safe Start.", ["Safe Start"]),
    ("The council's own practice framework, Kent Together with Families, shapes every plan.",
     ["Kent Together with Families"]),
    ("Our fostering campaign, Home Grown Kent, has approved 12 new households.", ["Home Grown Kent"]),
    # not another body's own
    ("We work with the police, whose own exploitation unit, Operation Lantern, is police-led.", []),
])
def test_a_name_given_beside_a_description_the_council_calls_its_own_is_the_practice(extractor, text, surfaces):
    evidence = extractor.extract(text, ["E10000016"], None)
    assert [mention.surface for mention in evidence.mentions if mention.kind == "intervention"] == surfaces


def test_a_town_whose_name_begins_with_a_councils_is_not_that_council(extractor):
    evidence = extractor.extract("Suffolk opened homes in Ipswich and near Bury St Edmunds.", [], None)
    assert [mention.key for mention in evidence.mentions if mention.kind == "council"] == ["E10000029"]


@pytest.mark.parametrize(("text", "expected"), [
    # a baseline after "which compares with", or what it "used to" be, in the earlier figure's unit
    ("Caseloads now stand at 15, which compares with 21 in June 2022.", [("change", 21.0, 15.0, "count")]),
    ("Adoption assessments, which used to take about 30 weeks, now average 18.", [("change", 30.0, 18.0, "weeks")]),
    # a printed rank is a level; one "among the lowest", or only wanted, is none
    ("Timeliness of assessments rose to 92%, now the best in the North East.",
     [("assessment_timeliness", None, 92.0), ("level", None, 1.0, "rank")]),
    ("Staff turnover is 9%, the second lowest among our statistical neighbours.",
     [("level", None, 9.0, "%"), ("level", None, 2.0, "rank")]),
    ("We want to be the best in the region by 2027.", []),
    ("Turnover is 12%, among the lowest in London.", [("level", None, 12.0, "%")]),
    # days of a month, a span of clock times, a quoted question, one child's mother: no figures
    ("Our fifth annual conference ran from 3 to 5 May.", []),
    ("Sessions run on Tuesdays, 2.30 to 4.00pm, in the library.", []),
    ("\"Is it true that caseloads are above 30?\"", []),
    ("The child's mother had missed five appointments.", []),
    # "one in ten of them" is a share; a rate per 10,000 printed after its noun's words
    ("We supported 800 children, and fewer than one in ten of them came into care.",
     [("level", None, 10.0, "%"), ("level", None, 800.0, "count")]),
    ("We have 64 children in care per 10,000.", [("level", None, 64.0, "per 10,000")]),
    # how far apart others lie is no result
    ("The range between councils is wide, from 20 to 180.", []),
])
def test_baselines_then_ranks_and_figures_of_dates_questions_and_spreads(extractor, text, expected):
    assert figures_and_units_of(in_oldham(extractor, text)) == expected


@pytest.mark.parametrize(("text", "implemented"), [
    # what the first versions of this session's rules over-reached on (a fresh-eyes review's sentences): the
    # document's own practice where "we" start or own it, or it is named beside another council
    ("Leeds's restorative approach, which we adopted in 2020, now underpins our work.", {"restorative_practice"}),
    ("Our version of Hertfordshire's Family Safeguarding model went live in 2021.", {"family_safeguarding"}),
    ("Kent and Medway run a joint family group conferencing service.", {"family_group_conferencing"}),
    ("Other authorities have since copied our Mockingbird model.", {"mockingbird"}),
    ("Our managers visited Leeds to see restorative practice at work, and we adopted it in 2020.",
     {"restorative_practice"}),
    ("We are one of many councils using Signs of Safety in assessments.", {"signs_of_safety"}),
    ("We bid unsuccessfully for national funding but later launched Family Safeguarding ourselves.",
     {"family_safeguarding"}),
    ("In 2021 we launched Mockingbird: has it worked for our carers?", {"mockingbird"}),
])
def test_practices_of_others_and_bids_in_vain_leave_the_councils_own_alone(extractor, text, implemented):
    evidence = extractor.extract(text, ["E10000016"], None)
    assert {found.intervention for found in evidence.implementations} == implemented


@pytest.mark.parametrize("text", [
    "Barnardo's runs its own helpline, Family Line, for kinship carers.",
    "The police force runs its own scheme, Operation Lighthouse, in every school.",
])
def test_another_bodys_own_named_service_is_not_the_councils(extractor, text):
    assert not extractor.extract(text, ["E10000016"], None).implementations


@pytest.mark.parametrize(("text", "expected"), [
    # ... and on outcomes: superlatives of no measure, a rank once held, a comparator's figure after "compares
    # with", a "used to" of another subject, plural possessors, a family's average, a range of one's own
    ("The biggest challenge in the region remains recruitment.", []),
    ("Oldham is the largest town in the North West.", []),
    ("Two years ago we were the highest in the region for agency use.", []),
    ("Our rate is 41%, which compares with 48% across the North West in 2024.", [("level", None, 41.0, "%")]),
    ("Caseloads used to be 25, and the number of agency staff is now 40.", [("level", None, 40.0, "count")]),
    ("The babies' mothers attended 312 antenatal appointments over the year.", [("count", None, 312.0, "count")]),
    ("A family now waits 6 weeks on average for early help, down from 11.", [("change", 11.0, 6.0, "weeks")]),
    ("The range of placement types we can offer grew from four to seven.", [("change", 4.0, 7.0, "count")]),
    ("When re-referrals fell from 24% to 16%, the chair asked: \"What changed?\"", [("re_referrals", 24.0, 16.0)]),
])
def test_the_first_versions_of_the_rank_baseline_person_and_spread_rules_over_reached(extractor, text, expected):
    assert figures_and_units_of(in_oldham(extractor, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a label's figure followed by more of the line: its move, a baseline with a time, a date, a clause of its own
    ("- Referrals: 1,146, up 31%.", [("level", None, 1146.0, "count"), ("change", None, None, None)]),
    ("Vacancy rate: 9% at 31 March, compared with 16% a year earlier.", [("change", 16.0, 9.0, "%")]),
    ("Agency social workers: 7 FTE, against 18 FTE in April 2023.", [("change", 18.0, 7.0, "count")]),
    ("- Independent visitors matched: 112, and the average wait fell from 19 weeks to 11.",
     [("level", None, 112.0, "count"), ("change", 19.0, 11.0, "weeks")]),
    ("Average length of service at exit: 3.1 years.", [("level", None, 3.1, "years")]),
    # "four times the figure" is a multiple, not a count of four
    ("We gave advocacy to 389 children, roughly four times the 2022/23 figure.",
     [("level", None, 389.0, "count"), ("change", None, None, None)]),
    # a move after "are down", with no "by"; hyphenated subjects the parser splits
    ("Re-referrals within twelve months were down 5 percentage points.", [("change", None, None, None)]),
    # an earlier level told by a clause on the measure; school days are days
    ("The wait for an assessment, which stood at 14 weeks in June, has since fallen to 9 weeks.",
     [("change", 14.0, 9.0, "weeks")]),
    ("The average wait for a school place has fallen from 27 school days to 11.", [("change", 27.0, 11.0, "days")]),
    # a bare average in a benchmarking round, a group's average in apposition, one worker's caseload: not ours
    ("In the most recent pan-London benchmarking round the average was 74%.", []),
    ("The London average quoted in the paper, 16, is not a target we have reached.", []),
    ("My caseload started at six children.", []),
    # a decision a record asks for, an area's people; a move's size in words
    ("2.1 To approve capital spending of £1.15m to buy and adapt a four-bedroom property.", []),
    ("It is the most rural of our members: about 225,000 people spread across the county.", []),
    ("The share of care leavers in work has risen to 58 per cent, up six points.",
     [("level", None, 58.0, "%"), ("change", None, None, None)]),
    # what the first versions of these rules over-reached on (a fresh-eyes review's sentences)
    ("Since we joined the benchmarking club our teams have grown, and the average is now 16.",
     [("level", None, 16.0, "count")]),
    ("To note that 84% of assessments were completed on time in the quarter.", [("level", None, 84.0, "%")]),
    ("Turnover in 2022 was 22% against 16% nationally. Turnover has since fallen to 13%.",
     [("staff_turnover", 22.0, 13.0), ("level", None, 22.0, "%")]),
])
def test_labelled_lines_going_on_moves_without_by_earlier_levels_in_a_clause_and_others_averages(extractor, text,
                                                                                                 expected):
    assert figures_and_units_of(in_oldham(extractor, text)) == expected


def test_a_council_named_in_the_title_line_is_the_documents_over_one_named_as_a_partner(extractor):
    text = ("SOUTH GLOUCESTERSHIRE COUNCIL\nHandover note\n\nYou asked for something short. I have been in post for "
            "eleven months, and the full papers are in the shared drive. The service had just come out of a focused "
            "visit that was blunt about delays at the front door, and caseloads were high across every team in the "
            "county.\n\nWe looked at a joint intake with Bristol and decided against it. We recruited 31 permanent "
            "social workers. Adoption is through the regional adoption agency we share with Bristol.\n")
    evidence = extractor.extract(text, [], None)
    assert [(found.council, found.outcome.value) for found in evidence.open_outcomes] == [("E06000025", 31.0)]


@pytest.mark.parametrize(("text", "surfaces"), [
    # where a practice runs, a clause in brackets, words quoted for a day: not part of a name, nor a name
    ("We adopted Family Safeguarding in the two assessment teams in the north of the county.", ["Family Safeguarding"]),
    ("The service introduced a senior practitioner grade (four of those posts sit in this team) last year.",
     ["senior practitioner grade"]),
    ("One worker described spending \"a whole Friday, every Friday\" on the recording system.", []),
    # what the council's own blends, what is only agreed in principle, a bid that failed: not its practices
    ("Staff value the Kent Practice Framework, the council's own blend of Signs of Safety and restorative practice.",
     ["Kent Practice Framework"]),
    ("The Mockingbird constellation we discussed with foster carers is approved in principle but has no hub carer yet.",
     []),
    ("The bid we put into the innovation fund for a therapeutic residential pilot was unsuccessful.", []),
    # a name given to something "there was" new, after a time; a kind carrying its own name after "its" or "our"
    ("There was also a new reflective writing session each month, called Kitchen Table, run by the principal social "
     "worker.", ["Kitchen Table"]),
    ("It took on four staff under its Grow Our Own scheme, which recruits from its support workers.",
     ["Grow Our Own scheme"]),
    ("The Chair asked that Bedford Borough's panel model be shared with Milton Keynes.", []),
    ("We are recruiting to 11 posts across our Hastings, Eastbourne and Lewes teams.", []),
    # ... and what their first versions over-reached on
    ("Our Lawrence Hill team has no vacancies, and our Finance team pays carers weekly.", []),
    ("There is a new national framework for kinship care.", []),
    ("Mockingbird was approved in principle in 2022 and the first constellation opened in 2023.", ["Mockingbird"]),
])
def test_where_a_practice_runs_blends_agreements_in_principle_failed_bids_and_names(extractor, text, surfaces):
    evidence = extractor.extract(text, ["E10000016"], None)
    assert [found.surface for found in evidence.implementations] == surfaces


def test_a_comparators_share_in_an_earlier_sentence_is_no_baseline(extractor):
    text = ("Persistent absence among pupils in care fell to 14 per cent. This compares with 18 per cent for pupils in "
            "care nationally. The proportion of care leavers aged 19 to 21 in education, employment or training has risen "
            "to 58 per cent, up six points.")
    assert [figure[1:3] for figure in figures_and_units_of(in_oldham(extractor, text)) if figure[2] == 58.0] == [
        (None, 58.0)]


@pytest.mark.parametrize(("text", "expected"), [
    # a subject the parser hung elsewhere: a participle read as the main verb, a reported figure, a clause it split
    ("Applications completed in the last quarter took an average of 12 weeks, down from 20 weeks a year before.",
     [("change", 20.0, 12.0, "weeks")]),
    ("Waiting lists were said to average 40, down from 65 a year ago.", [("change", 65.0, 40.0, "count")]),
    ("The share of plans ending in reunification is reported to have risen by about a quarter.",
     [("change", None, None, None)]),
    ("The number of teenagers becoming homeless has fallen from 52 to 30 a year, and the rate of children in care now "
     "stands at 41 per 10,000.", [("change", 52.0, 30.0, "count"), ("level", None, 41.0, "per 10,000")]),
    # a period between a change's first end and "to"; its size after the second end's time; hours as the unit
    ("Exclusions fell from 40 in the year before the project to 22 in its second year, a drop of almost half.",
     [("educational_attainment", 40.0, 22.0), ("educational_attainment", None, None)]),
    ("Re-referrals fell from 26% in Q3 last year to 19%.", [("re_referrals", 26.0, 19.0)]),
    ("The time from contact to decision dropped from 30 hours to 11.", [("change", 30.0, 11.0, "hours")]),
    # a change by its size in one clause and one from an earlier figure in the next; "halved" told with its ends
    ("Repeat missing episodes have halved, and the wait for a return interview came down from 9 days to 3.",
     [("change", None, None, None), ("change", 9.0, 3.0, "days")]),
    ("Long placements halved over the year, from ten children to five.", [("change", 10.0, 5.0, "count")]),
    # the figure a year ago after a semicolon; a threshold is not a figure; a time said before a count
    ("About 30% of hearings now exceed 26 weeks; the figure a year ago was 45%.", [("change", 45.0, 30.0, "%")]),
    ("This year 58 families were supported, compared with 40 last year.", [("change", 40.0, 58.0, "count")]),
    ("- Recruited 14 foster carers over the summer.", [("level", None, 14.0, "count")]),
    # what a noun-tagged verb costs; money put in; a level something was brought to
    ("The pilot cost £96,000 this year.", [("level", None, 96000.0, "£")]),
    ("The council contributed £40,000 in matched funding for the mentoring offer.", [("count", None, 40000.0, "£")]),
    ("We approved 9 new foster carers, bringing the total to 131.",
     [("count", None, 9.0, "count"), ("level", None, 131.0, "count")]),
    # not results: a budget set, a bid's price, an award, a comparison group as subject, a club's median, a label
    ("Next year's budget is set at £220,000.", []),
    ("The preferred bid was priced at £510,000 a year, within the budget envelope of £600,000.", []),
    ("Total award: £95,000", []),
    ("The comparison teams saw a smaller fall, from 33 to 29.", []),
    ("The club median is 21.", []),
    ("Outcome 2 (fewer children waiting for a permanent home).", []),
    ("The new panel has been in place for only three months.", []),
    # a share in words moving to another
    ("Its reliance on agency staff came down from roughly a third of the workforce to about one in five.",
     [("change", 33.0, 20.0, "%")]),
    ("Agency staff, who once made up nearly half the workforce, are now down to about one in five.",
     [("change", 50.0, 20.0, "%")]),
    ("The share of care leavers in work rose from one in four to one in three.", [("change", 25.0, 33.0, "%")]),
    ("Two in three carers, up from one in three last year, now use the app, and half of them log in weekly.",
     [("change", 33.0, 67.0, "%"), ("level", None, 50.0, "%")]),
    # what the first versions of this session's rules over-reached on (a fresh-eyes review's sentences)
    ("Under this workstream 140 families were supported by a family practitioner.",
     [("level", None, 140.0, "count")]),
    ("Care leavers waited for only 3 weeks for housing, compared with 10 weeks last year.",
     [("change", 10.0, 3.0, "weeks")]),
    ("Agency use halved in 2023, from 30% to 15%.", [("change", 30.0, 15.0, "%")]),
    ("Agency use fell by a third over the year, with vacancies going from 40 to 22.",
     [("vacancy_rate", 40.0, 22.0), ("change", None, None, None)]),
    ("Of our care leavers, 72% are in education or work. The figure for the comparison group when they joined was 49%.",
     [("level", None, 72.0, "%")]),
    ("Group work grew from 60 hour-long sessions to 90.", [("change", 60.0, 90.0, "count")]),
    ("The contract price fell from £5.2m to £4.6m after renegotiation.", [("change", 5200000.0, 4600000.0, "£")]),
    ("Young people achieving the Arts Award: 36, up from 20.", [("change", 20.0, 36.0, "count")]),
])
def test_subjects_parsed_apart_periods_shares_in_words_and_sums_that_are_not_results(extractor, text, expected):
    assert figures_and_units_of(in_oldham(extractor, text)) == expected


def test_a_figure_said_to_be_another_councils_where_it_was_done_and_an_earlier_figure_told_after_an_opening(extractor):
    text = ("The provider's bid says that in Bury it cut repeat missing episodes by a third. Two years ago about 35% of "
            "our social workers were agency staff. After a £900,000 investment in pay and a new academy, that figure is "
            "now 14%.")
    found = figures_and_units_of(extractor.extract("Oldham Council update\n\n" + text, ["E08000004"], None))
    assert ("change", 35.0, 14.0, "%") in found and ("change", None, None, None) not in found


@pytest.mark.parametrize(("text", "implemented"), [
    # looked at or costed, then judged or decided too costly: named, not the council's; unless it went ahead
    ("The council looked at the Family Safeguarding model from Hertfordshire, but decided the set-up costs were too "
     "high for a council of its size.", []),
    ("The service costed the Mockingbird foster carer model last year but judged that its pool of foster carers was too "
     "small.", []),
    ("We looked at Signs of Safety and decided it was right for us, and adopted it in 2022.", ["signs_of_safety"]),
    ("The service costed the Mockingbird model in 2021 and launched its first constellation in 2022.", ["mockingbird"]),
    # a refusal's words, then started after all (a fresh-eyes review's sentences)
    ("We looked at Mockingbird but decided not to wait for grant funding and launched it ourselves in 2023.",
     ["mockingbird"]),
    ("Our managers looked closely at Mockingbird but decided they did not want to wait, and it went live in June.",
     ["mockingbird"]),
    ("We looked at Mockingbird but decided our carers were not ready until 2023, when we launched two constellations.",
     ["mockingbird"]),
])
def test_a_model_weighed_and_judged_too_costly_is_named_unless_started_after_all(extractor, text, implemented):
    evidence = extractor.extract(text, ["E10000016"], None)
    assert [found.intervention for found in evidence.implementations] == implemented


def _normalised(text: str) -> str:
    from ingest.extract_text import ExtractedText
    from ingest.normalise import normalise
    return normalise(ExtractedText([text.split("\n")])).text


def test_a_tables_rows_are_read_by_their_columns_headings(extractor):
    """Two times as headings make each row a change from the earlier to the later, in whatever order printed; the
    council beside England gives its level; bidders' scores, a row named after another council, another council's
    column, a budget, a header over two lines and a breakdown's rows give nothing; a long label run into its first
    figure is split."""
    text = _normalised(
        "Kirklees Council: workforce report\n\n"
        "The measures below compare the spring of 2023 with this spring.\n\n"
        "Indicator                      Apr 2023      Apr 2024\n"
        "Vacancy rate                     31%           18%\n"
        "Average caseload (duty team)     26            19\n"
        "Mean working days from referral to assessment 44    35\n"
        "\n"
        "Measure                          Kirklees      England\n"
        "Re-referrals within a year (%)   17            22\n"
        "\n"
        "Bidder            Quality    Price    Total\n"
        "Oakfield Ltd      51.5       28.0     79.5\n"
        "\n"
        "Council           2023       2024\n"
        "Calderdale        40         35\n"
        "\n"
        "Measure           This year  Last year\n"
        "Agency share      12%        20%\n"
        "\n"
        "Measure           Leeds      England\n"
        "Turnover rate     14%        16%\n"
        "\n"
        "Line              Budget     Actual\n"
        "Placements        £21.0m     £24.1m\n"
        "\n"
        "                  Kirklees             England\n"
        "Measure           2022      2024       2022      2024\n"
        "Sickness rate     5%        4%         4%        4%\n"
        "\n"
        "Age               2022       2024\n"
        "Under 1           40         35\n")
    evidence = extractor.extract(text, ["E08000034"], None)
    assert sorted((found.outcome.kind, found.outcome.metric_text, found.outcome.value_from, found.outcome.value,
                   found.outcome.unit) for found in evidence.open_outcomes) == [
        ("change", "Agency share", 20.0, 12.0, "%"),
        ("change", "Average caseload (duty team)", 26.0, 19.0, "count"),
        ("change", "Mean working days from referral to assessment", 44.0, 35.0, "days"),
        ("change", "Vacancy rate", 31.0, 18.0, "%"),
        ("level", "Re-referrals within a year", None, 17.0, "%")]
    assert {text[found.sentence.start:found.sentence.end].split("\t")[0] for found in evidence.open_outcomes} >= {
        "Vacancy rate", "Re-referrals within a year (%)"}  # each quoted by its row


def test_a_line_of_prose_with_wide_spaces_is_not_a_table():
    assert _normalised("The council met.   It agreed the plan.   Then it went home.") == \
        "The council met. It agreed the plan. Then it went home."
    assert _normalised("Vacancy rate   31%   18%") == "Vacancy rate\t31%\t18%"


@pytest.mark.parametrize(("sentence", "expected"), [
    # what a measure stood at, told in a clause on it, then where it is now: one change
    ("Placement moves, which stood at 14% when the new manager arrived, are now 9%.", [(14.0, 9.0, "%")]),
    ("The waiting list, which stood at 160 last spring, now stands at 40.", [(160.0, 40.0, "count")]),
    # a share in words with a noun inside it, and a hedge before the later one
    ("The service cut its use of agency staff from one worker in four to fewer than one in eight.",
     [(25.0, 12.5, "%")]),
    # an earlier figure in brackets after our own average, not after a group's
    ("Caseloads average 16 (previously 22).", [(22.0, 16.0, "count")]),
    ("Our rate of 31% is above the national average (28% in 2023).", [(None, 31.0, "%")]),
])
def test_a_measures_earlier_level_told_in_a_clause_or_in_words_makes_a_change(sentence, expected):
    assert [(found.value_from, found.value, found.unit) for found in open_found_in(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a note's measure and its figure, with no verb; a list of how things ended, by adjectives
    ("Agency share 14 per cent.", [("level", None, 14.0, None, "%")]),
    ("Average caseload 13.", [("level", None, 13.0, None, "count")]),
    ("Chapter 12.", []),
    ("Substantiated: 31", [("level", None, 31.0, None, "count")]),
    ("Present: 7", []),
    ("Expected: 40", []),
    ("Vacancy rate 9%.", [("level", None, 9.0, None, "%")]),
    ("Average caseload last year 16.", []),
    ("Average number 12.", []),
    # who went to see, and what a paper weighed, are not results
    ("Two heads of service visited Leeds in May.", []),
    ("More than 200 families visited the new hub.", [("level", None, 200.0, None, "count")]),
    ("Three alternatives were considered.", []),
    ("Twelve young people went on to university.", [("level", None, 12.0, None, "count")]),
])
def test_notes_lists_and_what_is_not_a_result(sentence, expected):
    assert [(found.kind, found.value_from, found.value, found.change, found.change_unit or found.unit)
            for found in open_found_in(sentence)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Families waited, on average, 31 days for a first visit from a worker. By the end of the pilot that wait had come "
     "down to nine days.", [(31.0, 9.0, "days")]),
    # "one of" is no figure; a difference is not where the measure stands now
    ("Kent had 712 children in care in 2020. It is now one of the lowest rates in the region.",
     [(None, 712.0, "count")]),
    ("The number of children in care, which stood at 712 in 2020, is now 10 per cent lower.", [(None, 10.0, "%")]),
])
def test_a_later_figure_changes_the_earlier_one_only_when_it_is_where_the_measure_stands(extractor, text, expected):
    evidence = extractor.extract("Kent County Council: early help\n\n" + text, ["E10000016"], None)
    assert [(found.outcome.value_from, found.outcome.value, found.outcome.unit) for found in evidence.open_outcomes] \
        == expected


def test_a_table_set_apart_by_bars_is_read_by_its_headings_and_a_money_tables_rows_give_nothing(extractor):
    """Bars part a table's columns as wide spaces do ("At close" is a time); labelled figures joined by bars are no
    table; a table headed by money gives nothing, whatever its rows' words."""
    assert _normalised("Agency share | 30% | 12%") == "Agency share\t30%\t12%"
    assert _normalised("Q1: 40% | Q2: 45% | Target: 50%") == "Q1: 40% | Q2: 45% | Target: 50%"
    text = _normalised(
        "Kirklees Council: closure report\n\n"
        "| Measure | Baseline | At close |\n"
        "| Vacancy rate | 29% | 15% |\n"
        "| Children in care (rate per 10,000) | 70 | 63 |\n"
        "\n"
        "Ref | Saving | Target | Forecast\n"
        "K-1 | Cut the number of agency managers in half | 400 | 310\n")
    evidence = extractor.extract(text, ["E08000034"], None)
    assert sorted((found.outcome.metric_text, found.outcome.value_from, found.outcome.value, found.outcome.unit)
                  for found in evidence.open_outcomes) == [
        ("Children in care (rate per 10,000)", 70.0, 63.0, "per 10,000"), ("Vacancy rate", 29.0, 15.0, "%")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a size in words with its unit; a change's own unit of time for a wait
    ("Repeat referrals dropped by seven percentage points.", [(None, None, -7.0, "points")]),
    ("The wait for a first visit was cut by three weeks.", [(None, None, -3.0, "weeks")]),
    # the share a move ended at, of something, then where it came from
    ("Vacant posts have fallen to 17 per cent of the establishment, from 26 per cent.",
     [(26.0, 17.0, -9.0, "points")]),
    # a baseline under the old way of working
    ("Some 91% of visits are now on time, compared with roughly 70% under the old rota.",
     [(70.0, 91.0, 21.0, "points")]),
    ("The hub grew from four to nine navigators.", [(4.0, 9.0, 5.0, "count")]),
    ("The drop-in is open from ten to four on weekdays.", []),
])
def test_changes_by_a_size_in_words_in_a_waits_unit_of_a_share_and_under_the_old_way(extractor, sentence, expected):
    evidence = extractor.extract("Kent County Council: news\n\n" + sentence, ["E10000016"], None)
    assert [(found.draft.value_from, found.draft.value_to, found.draft.change, found.draft.change_unit)
            for found in evidence.outcomes] + [
        (found.outcome.value_from, found.outcome.value, found.outcome.change, found.outcome.change_unit)
        for found in evidence.open_outcomes] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # an average time in hours, a sentence opening with a count in words, the children in care's own "population"
    ("Contacts now get a decision within an average of seven hours.", [("level", 7.0, "hours")]),
    ("The helpline is staffed 24 hours a day.", []),
    ("Fourteen return interviews were completed.", [("count", 14.0, "count")]),
    ("The looked-after population stood at 58 per 10,000 children in March.", [("level", 58.0, "per 10,000")]),
    ("The borough has a population of 180,000 people.", []),
    # a count's noun after "of"; the later end of a change in words counting what follows it
    ("The council trained 52 of its family support workers.", [("count", 52.0, "count")]),
    # a procurement's bids are no results; nor hours that are no average
    ("Nine bidders submitted compliant bids.", []),
    ("Each conference lasts about three hours.", []),
])
def test_levels_in_hours_counts_in_words_and_what_a_procurement_counts(sentence, expected):
    assert open_outcomes_in(sentence) == expected


def test_a_later_sentence_says_how_far_the_figure_rose_from(extractor):
    text = ("Kent County Council: mentoring\n\n"
            "This year our mentors met 96 young people in care every fortnight. That is up from 70 the year before.")
    evidence = extractor.extract(text, ["E10000016"], None)
    assert [(found.outcome.value_from, found.outcome.value) for found in evidence.open_outcomes] == [(70.0, 96.0)]


@pytest.mark.parametrize(("sentence", "surfaces"), [
    # what a name set beside it was given for is not a second practice; what a name was chosen for still is one
    ("In May we launched Open Table, our own name for a family group conferencing service.", ["Open Table"]),
    ("The council set up Stepping Stones, its name for a newly created edge-of-care team.", ["Stepping Stones"]),
    ("Young people chose the name for the new family hubs, which opened in six towns in 2023.", ["family hubs"]),
])
def test_what_a_name_is_given_for_is_its_description(extractor, sentence, surfaces):
    evidence = extractor.extract("Kent County Council: news\n\n" + sentence, ["E10000016"], None)
    assert [mention.surface for mention in evidence.mentions if mention.kind == "intervention"] == surfaces


def test_a_later_sentence_s_move_goes_to_the_figure_that_moved_that_way(extractor):
    text = ("Kent County Council: the hub\n\n"
            "The hub saw 412 families and recruited 38 volunteers. That is up from 350 in 2022.")
    evidence = extractor.extract(text, ["E10000016"], None)
    assert sorted((found.outcome.value_from or 0, found.outcome.value) for found in evidence.open_outcomes) == [
        (0, 38.0), (350.0, 412.0)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Because of delays in recruitment, the parenting programme was cut by six weeks.", []),  # no wait of its own
    ("In the pilot area 84% of plans were reviewed on time, compared with 61% under the old model in the rest of the "
     "county.", [None, None]),  # another area's, not a baseline
    ("Of young people in care, 68% are in EET, compared with 52% of former care leavers.", [None, None]),
])
def test_no_wait_and_no_baseline_in_another_clause_or_group(sentence, expected):
    assert [found.value_from for found in open_found_in(sentence) if found.unit != "count"] == expected


# Session 50 (issue 20): rules read from held_out_21, each on sentences and tables written for the test.
def test_a_table_under_a_rule_line_with_dashes_quarters_and_a_late_start_is_read(extractor):
    """A rule of dashes under the header, a dash for no figure, "Q1-Q3 2025-26" as the latest time, a quoted label,
    a row measured only since ("n/a"), a row opening with a quote mark that the paragraph would swallow, a rate per
    10k named in the label; and a two-column block of labels and their figures read line by line."""
    text = _normalised(
        "Kirklees Council: workforce report\n\n"
        "  Indicator                         2023-24     2024-25     Q1-Q3 2025-26\n"
        "  -------------------------------   -------     -------     -------------\n"
        "  Referrals to social care            4,120       3,870        2,710\n"
        "  Children in care (rate/10k)            58          --           61\n"
        "  \"I feel valued by my manager\"        68%         75%          81%\n"
        "  Supervision recorded on file          n/a         n/a          63%\n"
        "\n"
        "  Children in our care (May 2025)                 441\n"
        "  Rate per 10,000 children - England average       70\n")
    evidence = extractor.extract(text, ["E08000034"], None)
    assert sorted((found.outcome.value_from or 0, found.outcome.value, found.outcome.unit)
                  for found in evidence.open_outcomes) == [
        (0, 63.0, "%"), (0, 441.0, "count"), (58.0, 61.0, "per 10,000"), (68.0, 81.0, "%"),
        (4120.0, 2710.0, "count")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Initial visits within seven working days: 92% (compared with 71% in 2021/22).", [(71.0, 92.0)]),
    ("Three or more placement moves in a year: 8% (was 11% in 2022)", [(11.0, 8.0)]),
    ("Re-referrals: 19% (compared with 22% nationally).", [(None, 19.0)]),
    ("Nearly two thirds of children now attend their own review (64%).", [(None, 64.0)]),
    ("Of 148 cases audited, 61% were rated good or better, up 15 percentage points on Q1 and compared with 38% in "
     "2022.", [(38.0, 61.0), (None, None)]),
    ("The agency rate fell from 20% to 15%, down 5 points.", [(20.0, 15.0)]),
    ("Parent satisfaction rose 13 percentage points.", [(None, None)]),
    ("Across London the rate fell from 49 to 46 over the same period.", []),
    ("The cabinet has pencilled in £3m for a new home.", []),
    # a fresh-eyes review's misfires of the first version: a part of the figure in brackets, a gap to a group, the
    # group's share in brackets, one move told twice, a council's own figure after "In London"
    ("Adoptions this year: 23 (9 in Q4)", [(None, 23.0)]),
    ("Timeliness of assessments fell 6 percentage points below the national average.", []),
    ("Half of our children in care live outside the borough, more than the regional figure (41%).", [(None, 50.0)]),
    ("Re-referrals fell from 24.4% to 19.1%, down 5 points on last year.", [(24.4, 19.1)]),
    ("In London, the borough's re-referral rate fell from 22% to 17% this year.", [(22.0, 17.0)]),
])
def test_baselines_in_brackets_moves_without_by_and_figures_not_ours(sentence, expected):
    assert [(found.value_from, found.value) for found in open_found_in(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("We rank second of the ten councils on this measure.", [2.0]),
    ("Lancashire ranks ninth of 15 councils in the North West on timeliness.", [9.0]),
    ("We rank 3rd in the region for timeliness.", [3.0]),
    ("In 2019 we were ranked 140th of 151 councils.", []),
    ("We aim to rank first in the region by 2027.", []),
    ("Our fostering service came first in the national Fostering Excellence Awards in 2024.", []),
])
def test_a_place_printed_among_others_is_a_rank(sentence, expected):
    assert [found.value for found in open_found_in(sentence) if found.unit == "rank"] == expected


def test_a_later_sentence_s_baseline_goes_to_the_figure_counting_the_same_thing(extractor):
    text = ("Kent County Council: missing children\n\n"
            "In 2023-24 there were 642 missing episodes involving 231 children. That is down from 788 episodes the "
            "year before.")
    evidence = extractor.extract(text, ["E10000016"], None)
    assert sorted((found.outcome.value_from or 0, found.outcome.value) for found in evidence.open_outcomes) == [
        (0, 231.0), (788.0, 642.0)]


@pytest.mark.parametrize(("text", "surfaces"), [
    ("Adopted a new quality assurance framework, \"Look, Learn, Lead\", with monthly practice weeks.",
     ["Look, Learn, Lead"]),
    ("The Practice Observation Framework replaced the old file audit.", ["Practice Observation Framework"]),
    ("A new hub will replace the duty team next year.", []),
    ("The council converted 12 agency social workers into permanent posts.",
     ["agency social workers into permanent posts"]),
    ("The council invested £3.2m in recruiting and retaining social workers.",
     ["invested £3.2m in recruiting and retaining social workers"]),
    ("What we looked at:\n\n- Staying Close: hoping to launch in 2026\n- Mockingbird: two constellations running since "
     "2022\n- Family Group Conferencing: planned and delivered 212 conferences",
     ["Mockingbird", "Family Group Conferencing"]),
    ("Sarah Jones replaced John Smith as director in May 2023.", []),
])
def test_quoted_names_with_commas_what_replaced_the_old_staff_converted_and_list_lines_not_done(
        extractor, text, surfaces):
    evidence = extractor.extract("Kent County Council: news\n\n" + text, ["E10000016"], None)
    assert [mention.surface for mention in evidence.mentions
            if mention.kind == "intervention" and mention not in evidence.named_only] == surfaces
