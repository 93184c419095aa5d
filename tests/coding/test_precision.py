"""Precision on what real articles hold besides political events: the place an attack came
from, dates in prepositional phrases, possibilities, background clauses. Sentences are our
own."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.pipeline import process
from eventwire.read import RawArticle
from eventwire.records import Event

pytestmark = pytest.mark.model


def events(text: str, published: str = "2024-03-13") -> list[Event]:
    return list(eventwire.extract(text, published=published).events)


def roots(text: str) -> list[tuple[str | None, str, str]]:
    """(source code, CAMEO root, target country) of each event of ``text``."""
    return [(e.source_code, e.cameo[:2], (e.target_code or "")[:3]) for e in events(text)]


def triples(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(e.source_code, e.cameo, e.target_code) for e in events(text)]


# ---------------------------------------------------------------- where an act came from

@pytest.mark.parametrize(("text", "origin"), [
    ("Militants fired rockets from southern Syria on Friday.", "SYR"),
    ("Turkish forces fired rockets from northern Iraq.", "IRQ"),
])
def test_the_place_an_attack_came_from_is_not_its_target(text, origin):
    found = events(text)
    assert found, "the launch itself is an event"
    assert all((e.target_code or "")[:3] != origin for e in found)


@pytest.mark.parametrize(("text", "target"), [
    ("Turkey expelled two diplomats from Sweden.", "SWE"),        # an expulsion from X
    ("Russia withdrew its troops from Syria.", "SYR"),
    ("Hezbollah fired rockets from Lebanon at Israel.", "ISR"),   # the aim still counts
])
def test_from_still_names_the_target_where_the_act_is_aimed_there(text, target):
    assert any((t or "")[:3] == target for _, _, t in triples(text))


def test_a_date_after_a_preposition_does_not_stand_for_a_target():
    # "on Sunday" is no "fire ... on X": a launch with no one named is a show of force
    (event,) = events("North Korea fired two ballistic missiles on Sunday.")
    assert event.cameo[:2] == "15" and event.target_code is None


# ---------------------------------------------------------------- possibility

@pytest.mark.parametrize("text", [
    "Germany has not ruled out talks with the Taliban.",
    "The Japanese government did not rule out a ceasefire proposal from Moscow.",
    "Paris would not exclude sanctions against Iran.",
])
def test_not_ruling_out_is_no_rejection(text):
    assert not [e for e in events(text) if e.cameo[:2] == "12"]


def test_ruling_out_is_a_rejection():
    assert any(c[:2] == "12" for _, c, _ in triples(
        "The German chancellor ruled out talks with the Taliban."))


# ---------------------------------------------------------------- background clauses

@pytest.mark.parametrize("text", [
    "Relations have been frosty since Russia invaded Georgia.",
    "Trade has collapsed since Ethiopia closed its border with Eritrea.",
])
def test_a_background_clause_without_a_date_is_not_dated_to_the_story(text):
    assert not [e for e in events(text) if e.date == "2024-03-13"]


def test_the_event_a_state_started_with_is_coded_without_a_date():
    found = [e for e in events("Relations have been frosty since Russia invaded Georgia.")
             if e.source_code and e.source_code.startswith("RUS")]
    assert [(e.date, e.date_source) for e in found] == [(None, "none")]


def test_an_after_clause_is_context_not_news():
    assert not [e for e in events("Tensions rose after Russia invaded Georgia.")
                if e.source_code and e.source_code.startswith("RUS")]


def test_a_background_clause_with_its_own_date_keeps_that_date():
    found = [e for e in events("Relations have been frosty since Russia invaded Georgia "
                               "in 2008.") if e.source_code and e.source_code.startswith("RUS")]
    assert found and all(e.date == "2008" for e in found)


# ---------------------------------------------------------------- sport, entertainment, business

@pytest.mark.parametrize("text", [
    "Nigeria will face Ghana on Saturday in a World Cup qualifier in Abuja.",
    "Wales clash with France in the Six Nations next weekend.",
    "Japan beat South Korea 2-1 in Tokyo on Sunday.",
    "The Indian batsman attacked the Australian bowlers before tea.",
    "The French film took on Hollywood at the box office.",
])
def test_sport_and_entertainment_sentences_are_not_coded(text):
    assert events(text) == []


def test_an_article_with_a_sports_title_is_not_coded():
    doc = eventwire.extract("Germany attacked Spain from the first minute.",
                            published="2024-03-13")
    assert doc.events  # the same sentence in a political story would be coded
    raw = RawArticle(source="t", text="Germany attacked Spain from the first minute.",
                     input_format="text", title="Germany v Spain: Euro 2024 quarter-final")
    (result,) = list(process([raw]))
    assert result.events == ()  # type: ignore[union-attr]


def test_a_dispute_between_companies_is_not_a_political_event():
    assert events("Siemens sued Samsung over a patent in Munich.") == []


def test_violence_against_a_company_is_still_an_event():
    assert events("Rebels attacked Total's gas plant in Mozambique.") or events(
        "Militants attacked a Chevron facility in Nigeria.")


# ---------------------------------------------------------------- a show of force

@pytest.mark.parametrize("text", [
    "The Turkish government deployed riot police to the capital.",
    "Ukraine mobilized its reserve troops on Monday.",
])
def test_own_forces_are_not_the_target_of_a_show_of_force(text):
    (event,) = events(text)
    assert event.cameo[:2] == "15" and event.target_code is None


def test_a_show_of_force_aimed_at_another_country_keeps_it():
    assert any((t or "").startswith("CHN") for _, _, t in triples(
        "India deployed troops to the border with China."))


# ---------------------------------------------------------------- figures of speech

@pytest.mark.parametrize("text", [
    '"Washington is out to strangle Cuba," the Venezuelan foreign minister said.',
    '"Brussels wants to kill Poland," the Polish prime minister said.',
])
def test_bodily_harm_to_a_whole_state_is_a_figure_of_speech(text):
    assert not [e for e in events(text) if e.cameo[:2] == "18"]


def test_bodily_harm_to_a_state_s_people_is_an_event():
    assert any(c.startswith("182") for _, c, _ in triples(
        "Rebels tortured Ugandan prisoners in the north."))


# ---------------------------------------------------------------- cities acted on

def test_a_bombed_city_is_the_target_as_its_country():
    assert ("RUSGOV", "SYR") in [(s, t) for s, _, t in triples(
        "Russia bombed Aleppo on Tuesday.")]


def test_a_foreign_city_keeps_unnamed_rebels_from_the_attacker_s_country():
    found = triples("Russian jets bombed rebel positions in Aleppo.")
    assert found and all(not (t or "").startswith("RUS") for _, _, t in found)


# ---------------------------------------------------------------- appeals

@pytest.mark.parametrize(("text", "target"), [
    ("Chile called for calm after the vote.", None),
    ("Egypt called for Sudan to reopen the border crossing.", "SDNGOV"),
])
def test_call_for_is_an_appeal_to_whoever_is_asked(text, target):
    assert ("020", target) in [(c, t) for _, c, t in triples(text)]


# ---------------------------------------------------------------- violence by unnamed doers

@pytest.mark.parametrize(("text", "target"), [
    ("Gunmen stormed a hotel in Kabul on Monday, killing 12 people.", "AFG"),
    ("Unknown assailants shot dead a journalist in Mexico City.", "MEX"),
    ("Masked attackers killed three shoppers at a market in Baghdad.", "IRQ"),
])
def test_an_attack_by_unnamed_doers_is_coded_against_the_victims_country(text, target):
    found = [e for e in events(text) if e.cameo[:2] in {"18", "19", "20"}]
    assert found, "who was hit is news even when who struck is not named"
    assert all(e.source_code is None and (e.target_code or "")[:3] == target for e in found)
    # gunmen against civilians use unconventional violence, not conventional force
    assert all(e.cameo[:2] == "18" for e in found)


def test_unnamed_attackers_against_soldiers_are_still_fighting():
    (event,) = events("Attackers killed five soldiers in Mali.")
    assert event.source_code is None and event.cameo[:2] == "19"
    assert (event.target_code or "").startswith("MLI")


@pytest.mark.parametrize("text", [
    "Soviet troops murdered hundreds of villagers in Lithuania.",  # named by its nation
    "The old bridge collapsed in Lisbon on Monday.",                          # no violence
    "Gunmen attacked a convoy on a remote road.",                             # no place, no one
])
def test_no_unnamed_attack_without_an_unnamed_doer_and_a_victim(text):
    assert not [e for e in events(text) if e.source_code is None and e.target_code]


def test_a_past_attack_on_a_day_without_year_after_the_story_is_last_year():
    (event,) = events("Gunmen attacked a nightclub in Paris on the 13th of November.",
                      published="2016-07-14")
    assert event.date == "2015-11-13"
    (event,) = events("Gunmen attacked a nightclub in Paris on November 13, 2016.",
                      published="2016-07-14")
    assert event.date == "2016-11-13"  # a written year is never moved


# ---------------------------------------------------------------- what a threat threatens

@pytest.mark.parametrize(("text", "code", "target"), [
    ("Turkey threatened to attack Kurdish fighters in Syria.", "138", None),
    ("China threatened to impose sanctions on Lithuania.", "1312", "LTU"),
    ("Russia threatened to cut gas supplies to Ukraine.", "1311", "UKR"),
])
def test_a_threat_takes_the_code_of_the_act_it_names(text, code, target):
    (event,) = [e for e in events(text) if e.cameo[:2] == "13"]
    assert event.cameo.startswith(code)
    if target:
        assert (event.target_code or "").startswith(target)


def test_a_bare_threat_stays_a_threat():
    (event,) = events("Hamas threatened Israel.")
    assert event.cameo == "130" and event.target_code == "ISRGOV"


# ---------------------------------------------------------------- judging an act told before

@pytest.mark.parametrize(("text", "source", "target"), [
    ("North Korea launched a missile over Japan. "
     "Japan's foreign minister said the launch was unacceptable.", "JPN", "PRK"),
    ("Russian troops attacked the town. France condemned the attack as cowardly.",
     "FRA", "RUS"),
    ("Iran tested a ballistic missile on Sunday. "
     "The State Department called the test reckless and provocative.", "USA", "IRN"),
])
def test_judging_an_act_told_before_targets_whoever_did_it(text, source, target):
    judged = [e for e in events(text) if e.cameo.startswith("11")]
    assert [((e.source_code or "")[:3], (e.target_code or "")[:3]) for e in judged] == [
        (source, target)]


@pytest.mark.parametrize("text", [
    "Iran tested a missile. Israel condemned violence.",             # no particular act
    "Iran tested a missile. The minister said the test was not illegal.",  # not a criticism
    "Iran tested a missile. Israel said the test was sudden.",       # description, no judgement
])
def test_no_criticism_without_a_particular_act_and_a_negative_judgement(text):
    assert not [e for e in events(text) if e.cameo.startswith("11")]


# ---------------------------------------------------------------- verbs that are events only alone

@pytest.mark.parametrize("text", [
    "The Brazilian navy demonstrated its new submarine to the press.",
    "The Kenyan opposition rallied support for the finance bill.",
])
def test_showing_something_or_rallying_support_is_no_protest(text):
    assert not [e for e in events(text) if e.cameo.startswith("14")]


@pytest.mark.parametrize("text", [
    "Thousands of Chileans demonstrated against the pension law.",
    "Supporters of the Kenyan opposition rallied in Nairobi.",
])
def test_demonstrating_and_rallying_without_an_object_are_protests(text):
    assert [e.cameo for e in events(text)] == ["141"]


# ---------------------------------------------------------------- undergoing an attack

@pytest.mark.parametrize(("text", "target"), [
    ("A Pakistani army convoy came under attack near the Afghan border.", "PAK"),
    ("Ukraine suffered a massive missile attack overnight.", "UKR"),
])
def test_whoever_undergoes_an_attack_by_no_one_named_is_its_target(text, target):
    assert roots(text) in ([(None, "18", target)], [(None, "19", target)])


def test_an_attack_survived_names_the_survivor_as_target():
    found = events("The Kenyan president survived an attack by Somali militants.")
    assert [((e.source_code or "")[:3], e.cameo[:2], (e.target_code or "")[:3])
            for e in found] == [("SOM", "19", "KEN")]


# ---------------------------------------------------------------- joint drills

@pytest.mark.parametrize("text", [
    "Indian and Japanese forces conducted joint naval exercises in the Bay of Bengal.",
    "Thai and American troops held military drills near Bangkok.",
])
def test_drills_by_two_nations_forces_are_military_cooperation_both_ways(text):
    pairs = {((e.source_code or "")[:3], (e.target_code or "")[:3]) for e in events(text)
             if e.cameo == "062"}
    assert len(pairs) == 2 and all(a != b for a, b in pairs)
    assert {a for a, _ in pairs} == {b for _, b in pairs}


def test_drills_by_one_navy_alone_stay_a_show_of_force():
    assert [e.cameo for e in events("The Chinese navy held drills near Taiwan.")] == ["150"]


# ---------------------------------------------------------------- declining to comment

@pytest.mark.parametrize("text", [
    "The Venezuelan army declined to comment on the report.",
    "A Turkish foreign ministry spokesman had no immediate comment.",
    "The Egyptian army refused to comment on the arrests.",
])
def test_declining_to_comment_is_coded_once_as_011(text):
    assert [e.cameo for e in events(text)] == ["011"]


def test_raising_a_protest_with_a_government_is_an_official_complaint():
    found = events("Indonesia raised a protest with Australia over the border patrol.")
    assert [((e.source_code or "")[:3], e.cameo, (e.target_code or "")[:3])
            for e in found] == [("IDN", "114", "AUS")]


# ---------------------------------------------------------------- a weekday told in the past

def test_a_weekday_of_a_past_act_is_the_one_before_the_story():
    # 2024-03-13 is a Wednesday: the Friday of a past clash is the 8th, not the 15th
    found = events("Sudanese troops clashed with rebels in Darfur on Friday.")
    assert found and {e.date for e in found} == {"2024-03-08"}
    ahead = events("The Sudanese president will meet Egyptian officials in Cairo on Friday.")
    assert ahead and {e.date for e in ahead} == {"2024-03-15"}


# ---------------------------------------------------------------- a toll and its cause

@pytest.mark.parametrize(("text", "target"), [
    ("At least nine people were killed after a bomb went off in a market in Kabul.", "AFG"),
    ("Eleven shoppers are dead after a van rammed into a market in Lyon.", "FRA"),
])
def test_the_cause_of_a_toll_in_an_after_clause_is_news(text, target):
    assert roots(text) == [(None, "18", target)]


def test_an_after_clause_of_another_kind_of_event_stays_background():
    found = events("The Peruvian president met Chilean officials after gunmen attacked a bus "
                   "in Lima.")
    assert [e.cameo for e in found] == ["040"] or [e.cameo for e in found] == ["040", "040"]


def test_a_reduced_relative_tells_an_attack_by_an_unnamed_doer():
    found = events("A car rammed into a crowd in Toulouse on Friday.", published="2024-03-18")
    assert [(e.source_code, e.cameo, (e.target_code or "")[:3], e.date) for e in found] == [
        (None, "180", "FRA", "2024-03-15")]


@pytest.mark.parametrize(("text", "target"), [
    ("Several attacks occurred in Hamburg on Saturday.", "DEU"),
    ("A bombing took place in a market in Peshawar.", "PAK"),
])
def test_an_attack_that_took_place_somewhere_targets_that_country(text, target):
    assert roots(text) == [(None, "18", target)]


# ---------------------------------------------------------------- attempts

@pytest.mark.parametrize(("text", "source", "target"), [
    ("An attempt to assassinate the Nigerian governor was foiled in Lagos.", None, "NGA"),
    ("Kurdish militants attempted to assassinate the Turkish interior minister.", "TUR", "TUR"),
])
def test_an_attempted_assassination_is_185_named_doer_or_not(text, source, target):
    found = events(text)
    assert [(e.source_code and e.source_code[:3], e.cameo, (e.target_code or "")[:3])
            for e in found] == [(source, "185", target)]


def test_a_plan_to_attack_is_no_attack_by_an_unnamed_doer():
    assert not [e for e in events("A plan to attack Israeli ships was exposed in Cyprus.")
                if e.cameo[:2] in {"18", "19"} and e.mood == "actual"]


# ---------------------------------------------------------------- conditions and obligations

@pytest.mark.parametrize(("text", "code"), [
    ("Kenya will expel the Somali ambassador if the attacks continue.", "1313"),
    ("The European Union said it would halt aid to Mali if the junta delays the vote.",
     "1311"),
])
def test_a_hostile_act_made_to_depend_on_another_s_act_is_a_threat(text, code):
    found = events(text)
    assert [(e.cameo, e.mood) for e in found] == [(code, "actual")]


def test_the_condition_itself_is_no_event():
    found = events("Kenya will expel the Somali ambassador if Somali troops attack the border "
                   "town of Mandera.")
    assert [(e.source_code, e.cameo) for e in found] == [("KENGOV", "1313")]


def test_an_act_told_in_a_dated_after_clause_of_a_threat_is_not_what_is_threatened():
    found = triples("Canada threatened to impose sanctions on Iran on Friday after Iranian "
                    "forces seized a Canadian tanker on Tuesday.")
    assert ("IRNMIL", "171", "CANGOV") in found and ("CANGOV", "1312", "IRNGOV") in found


def test_a_friendly_act_on_a_condition_stays_an_intention():
    found = events("Kenya will meet Somali officials if the attacks stop.")
    assert [(e.cameo, e.mood) for e in found] == [("036", "future")]


@pytest.mark.parametrize(("text", "code", "target"), [
    ("The German chancellor said Turkey has to release the journalists.", "100", "TUR"),
    ("The Irish ambassador said the Security Council needed to act.", "020", "IGO"),
])
def test_a_reported_duty_or_need_is_a_demand_or_an_appeal_and_not_the_act(text, code, target):
    found = events(text)
    assert [(e.cameo, (e.target_code or "")[:3]) for e in found] == [(code, target)]


@pytest.mark.parametrize("text", [
    "The Kenyan president said the killers must be punished.",
    "The Greek minister said that smugglers who endanger lives should be jailed.",
])
def test_a_reported_duty_in_the_passive_is_a_demand_of_no_one_named(text):
    found = events(text)
    assert [(e.cameo, e.target_code) for e in found] == [("100", None)]


def test_a_passive_clause_that_obliges_no_one_is_no_demand():
    assert not events("The Kenyan president said the killers were punished.")


def test_a_need_for_a_thing_is_no_appeal():
    assert not events("The Indian minister said Pakistan needed more time.")


def test_a_place_an_act_happens_near_is_not_its_target():
    found = events("Hezbollah fired rockets near Haifa on Friday.")
    assert found and all(not (e.target_code or "").startswith("ISR") for e in found)
    aimed = events("Hezbollah fired rockets into Israel on Friday.")
    assert [(e.cameo, (e.target_code or "")[:3]) for e in aimed] == [("190", "ISR")]


# ---------------------------------------------------------------- statements that act

@pytest.mark.parametrize(("text", "code", "source", "target"), [
    ("The Kenyan government issued a statement condemning the Ugandan raid.", "111", "KEN",
     "UGA"),
    ("The Russian foreign ministry released a statement demanding that Ukraine withdraw its "
     "troops.", "100", "RUS", "UKR"),
    ("The Security Council adopted a resolution condemning North Korea.", "111", "IGO", "PRK"),
])
def test_a_statement_s_participle_is_the_issuer_s_act_and_the_only_event(text, code, source,
                                                                         target):
    assert [(e.cameo, (e.source_code or "")[:3], (e.target_code or "")[:3])
            for e in events(text)] == [(code, source, target)]


def test_a_statement_that_only_speaks_is_still_a_statement():
    found = events("The Egyptian government issued a statement on the Libyan elections.")
    assert [e.cameo for e in found] == ["010"]


@pytest.mark.parametrize(("text", "code"), [
    ("The Thai government denied a permit for the Cambodian opposition rally.", "120"),
    ("The Thai government denied the Cambodian accusations.", "016"),
])
def test_denying_what_was_asked_is_a_refusal_and_denying_a_claim_a_denial(text, code):
    assert [e.cameo for e in events(text)] == [code]


@pytest.mark.parametrize(("text", "target"), [
    ("North Korea fired a ballistic missile over Japan on Tuesday. The Japanese prime minister "
     "said the launch was reckless.", "PRK"),
    ("Syrian troops shelled the Turkish town of Akcakale. Turkey condemned the attack.", "SYR"),
])
def test_a_general_noun_names_back_an_act_told_by_another_word(text, target):
    found = [e for e in events(text) if e.cameo == "111"]
    assert [(e.source_code or "")[:3] for e in found] and \
        {(e.target_code or "")[:3] for e in found} == {target}


def test_a_general_noun_does_not_name_back_an_act_of_another_kind():
    found = events("Kenya hosted Somali officials on Monday. Uganda condemned the attack.")
    assert not [e for e in found if e.cameo == "111" and e.target_code]


def test_an_obligation_in_the_second_of_two_reported_clauses_is_coded():
    found = events("The Irish ambassador said the plan was reckless and that the Security "
                   "Council needed to act.")
    assert [(e.cameo, (e.source_code or "")[:3], (e.target_code or "")[:3]) for e in found] \
        == [("020", "IRL", "IGO")]


def test_going_on_strike_is_a_strike_and_going_on_air_is_nothing():
    assert [e.cameo for e in events("Greek dockworkers went on strike over the port sale.")] \
        == ["143"]
    assert not events("The Greek minister went on television on Monday.")


# ---------------------------------------------------------------- the first person in quotations

@pytest.mark.parametrize(("text", "code", "source", "target"), [
    ('Chinese foreign ministry spokesman Wang Bo said: "For such claims, I have no comment."',
     "011", "CHN", ""),
    ('"We will impose sanctions on Eritrea," the Kenyan foreign minister said.', "1312", "KEN",
     "ERI"),
])
def test_i_and_we_in_a_quotation_are_its_speaker(text, code, source, target):
    assert [(e.cameo, (e.source_code or "")[:3], (e.target_code or "")[:3])
            for e in events(text)] == [(code, source, target)]


def test_we_outside_a_quotation_is_nobody_in_particular():
    assert not events("We will impose sanctions on Eritrea, the columnist wrote.")


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Japanese prime minister said North Korea would face retaliation if it attacked "
     "Japanese ships.", "JPN", "PRK"),
    ("The Indian minister said Pakistan would face consequences.", "IND", "PAK"),
])
def test_warning_that_another_will_face_consequences_is_a_threat(text, source, target):
    found = [e for e in events(text) if e.trigger.text == "said"]
    assert [(e.cameo[:2], (e.source_code or "")[:3], (e.target_code or "")[:3])
            for e in found] == [("13", source, target)]


def test_facing_a_difficulty_is_no_threat():
    assert not events("The Indian minister said Pakistan would face a difficult election.")


@pytest.mark.parametrize(("text", "target"), [
    ("Kenya complained to the African Union about Somali incursions.", "SOM"),
    ("Kenya complained to the African Union about the drought.", "IGO"),
    ("Japan lodged a protest with China over the survey ship.", "CHN"),
])
def test_a_complaint_at_an_international_body_is_aimed_at_whoever_it_is_about(text, target):
    assert [(e.cameo, (e.target_code or "")[:3]) for e in events(text)] == [("114", target)]


def test_being_opposed_to_something_is_opposing_it():
    found = events("The Greek government is opposed to Turkish plans for a new gas pipeline.")
    assert [(e.cameo, (e.source_code or "")[:3], (e.target_code or "")[:3]) for e in found] \
        == [("110", "GRC", "TUR")]


def test_a_protest_staged_to_protest_is_one_event():
    found = events("Syrian lawmakers staged a hunger strike to protest the verdict against the "
                   "Syrian president.")
    assert [e.cameo for e in found] == ["142"]


@pytest.mark.parametrize("text", [
    "Hungary will support a UN resolution that aims to impose a naval blockade against Serbia.",
    "Kenya drafted a bill that would ban Somali charities.",
])
def test_what_a_proposal_would_do_is_not_done_or_threatened(text):
    assert not [e for e in events(text) if e.cameo[:2] in {"13", "16", "17", "19"}]


def test_a_proposal_s_own_support_is_still_coded():
    found = events("Hungary will support a UN resolution that aims to impose a naval blockade "
                   "against Serbia.")
    assert [(e.cameo[:2], (e.source_code or "")[:3]) for e in found] == [("03", "HUN")]


# ---------------------------------------------------------------- crime reports

@pytest.mark.parametrize("text", [
    "A tourist in Rome said her passport was stolen on the bus.",
    "The shop owner said his van had been seized last week.",
])
def test_a_passive_act_on_no_coded_actor_is_a_crime_report_not_an_event(text):
    assert events(text) == []


def test_a_passive_act_on_a_coded_actor_is_still_an_event():
    (event,) = events("The Kenyan embassy in Kampala was attacked on Monday.")
    assert event.cameo[:2] in {"18", "19"} and (event.target_code or "").startswith("KEN")


# ---------------------------------------------------------------- threats and territories

def test_a_threat_to_strike_near_a_place_is_aimed_at_its_country():
    (event,) = events("China threatened to fire shells into the waters near Taiwan.")
    assert (event.source_code, event.cameo[:2], event.target_code) == ("CHNGOV", "13", "TWN")


@pytest.mark.parametrize(("text", "code"), [
    ("Russia threatened to send bombers over Greenland.", "DNKGRL"),
    ("Spain protested to Gibraltar on Monday.", "GBRGIB"),
])
def test_a_dependent_territory_is_coded_under_its_sovereign(text, code):
    assert code in {e.target_code for e in events(text)}
