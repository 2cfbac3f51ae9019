"""Every fact in tests/facts/ is stated, with the value the library or the run gives, on both
language pages (keras_kb/facts.py explains how a sentence is bound to its fact)."""

import pytest

from keras_kb import facts

FACTS = facts.load_all()


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.name)
def test_page_states_the_fact(built_site, fact):  # the build records what pages print
    found = facts.problems(fact)
    if found:
        pytest.fail("\n".join(found), pytrace=False)


def test_facts_are_registered():
    assert len({f.name for f in FACTS}) == len(FACTS), "two facts share a name"
    assert FACTS, "tests/facts/ defines no fact"
