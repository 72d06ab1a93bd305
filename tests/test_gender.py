"""A person's gender from a form of address, the first name, or a rank (no models)."""

from __future__ import annotations

import pytest

from quotex import lexicon
from quotex.gender import gender_of, name_key


@pytest.mark.parametrize(("name", "honorific", "gender"), [
    ("مریم احمدی", None, "female"),
    ("مهسا رحیمی", "دکتر", "female"),
    ("علی رضایی", None, "male"),
    ("محمد جواد شریفی", None, "male"),  # a first name of two words
    ("سیده زهرا موسوی", None, "female"),  # `سیده` left in the name decides
    ("سیدمحمد نوری", None, "male"),  # `سید` joined to the first name
    ("نسرین بهاری", "سرکار خانم", "female"),
    ("پیتر اشمیت", "آقای", "male"),  # no Iranian first name: the address tells
    ("ژیلبر مارتن", "سردار", "male"),  # a rank, when the first name is unknown
    ("کاترین دونوو", "خانم سرهنگ", "female"),  # the address wins over the rank
    ("ژیلبر مارتن", None, "unknown"),  # a first name the list does not have
    ("احمدی", None, "unknown"),  # a surname alone: `احمدی` is in the list, but no first name
    (None, "خانم", "female"),  # a described speaker with an address
    (None, None, "unknown"),
])
def test_gender_from_address_first_name_and_rank(name, honorific, gender):
    assert gender_of(name, honorific) == gender


def test_arabic_letters_and_zwnj_do_not_hide_a_first_name():
    assert gender_of("فاطمه كريمي") == gender_of("فاطمه کریمی") == "female"
    assert gender_of("علي\u200cاكبر صالحی") == "male"


def test_the_names_list_is_large_and_keyed_as_looked_up():
    genders = lexicon.first_name_genders()
    assert len(genders) > 15000
    assert set(genders.values()) == {"female", "male"}
    assert all(key == name_key(key) for key in list(genders)[:2000])
