"""Every fact in tests/facts/ is stated, with the value the library or the run gives, on both
language pages (keras_kb/facts.py explains how a sentence is bound to its fact)."""

import difflib

import pytest

from keras_kb import facts

FACTS = facts.load_all()


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.name)
def test_page_states_the_fact(built_site, fact):  # the build records what pages print
    for page, sentence in fact.sentences().items():
        text = facts.prose(page)
        if sentence not in text:
            words = text.split(" ")
            width = len(sentence.split(" "))
            near = difflib.get_close_matches(
                sentence, [" ".join(words[i : i + width]) for i in range(len(words))], n=1
            )
            pytest.fail(
                f"{page}: no sentence states {sentence!r}, which {fact.name} computes"
                + (f"; the page says {near[0]!r}" if near else ""),
                pytrace=False,
            )


def test_facts_are_registered():
    assert len({f.name for f in FACTS}) == len(FACTS), "two facts share a name"
    assert FACTS, "tests/facts/ defines no fact"
