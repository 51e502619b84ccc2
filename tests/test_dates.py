from datetime import date

import pytest

from eventwire.dates import resolve

TUESDAY = date(2012, 6, 5)


@pytest.mark.parametrize("text,value,precision", [
    ("on Tuesday", "2012-06-05", "day"),          # the publication day itself
    ("on Monday", "2012-06-04", "day"),
    ("Friday", "2012-06-01", "day"),
    ("last Sunday", "2012-06-03", "day"),
    ("since March last year", "2011-03", "month"),
    ("in March", "2012-03", "month"),
    ("in August", "2011-08", "month"),            # a later month than publication: last year's
    ("last year", "2011", "year"),
    ("yesterday", "2012-06-04", "day"),
    ("June 1", "2012-06-01", "day"),
    ("5 May 2010", "2010-05-05", "day"),
    ("in 2009", "2009", "year"),
    ("three days ago", "2012-06-02", "day"),
    ("next Friday", "2012-06-08", "day"),
])
def test_resolution(text, value, precision):
    got = resolve(text, TUESDAY)
    assert got is not None, text
    assert got[:2] == (value, precision)


@pytest.mark.parametrize("text", ["years", "10 days", "two weeks", "the past decade"])
def test_durations_are_not_dates(text):
    assert resolve(text, TUESDAY) is None


def test_no_reference_no_date():
    assert resolve("on Monday", None) is None


def test_a_day_number_the_tagger_left_out_belongs_to_the_date(code):
    a = code("Around 22 March 2022, government forces attacked rebel positions near the town.",
             published="2022-04-04")
    assert any(d.value == "2022-03-22" and d.precision == "day" for d in a.dates)


def test_a_date_in_the_sentence_outside_the_clause_still_dates_the_event(code):
    # the small parser makes "On" the root here, so the date governs no clause of 'killed'
    a = code("On 14 May 2022, in Parnamirim (Rio Grande do Norte), a teenager was shot dead near "
             "a bakery.", published="2022-05-20")
    e = [e for e in a.events if e.type == "ASSAULT"][0]
    assert e.date == "2022-05-14" and e.date_source in ("text", "sentence")
