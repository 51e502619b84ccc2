from datetime import datetime

import pytest

from eventwire.clean import check_english, check_text, clean_document, clean_text
from eventwire.errors import InputError
from eventwire.model import Document

PAGE = """\
'Ministers agree on grain corridor'

Turkey and Ukraine agreed on Friday to extend a grain shipping corridor, officials said, after talks in Istanbul.

July 14, 2023 16:45
4 min read
Turkish Foreign Minister at the talks
Turkish Foreign Minister at the talks (photo credit: REUTERS/Jane Doe)

ISTANBUL - Turkey and Ukraine agreed on Friday to extend the grain corridor for another four months.

The deal was welcomed by the United Nations.

Related Articles
Markets rally on rate hopes
"""


def test_plain_page_parts():
    page = clean_text(PAGE)
    assert page.headline == "Ministers agree on grain corridor"
    assert page.standfirst.startswith("Turkey and Ukraine agreed on Friday to extend a grain")
    assert page.published == datetime(2023, 7, 14, 16, 45)
    assert page.dateline == "ISTANBUL"
    assert page.body.startswith("ISTANBUL - Turkey and Ukraine")
    assert "welcomed by the United Nations" in page.body


def test_boilerplate_is_removed_and_recorded():
    page = clean_text(PAGE)
    for junk in ("4 min read", "photo credit", "Related Articles", "Markets rally"):
        assert junk not in page.text
        assert any(junk in r for r in page.removed)
    assert "Turkish Foreign Minister at the talks" not in page.body


def test_sections_cover_the_text():
    page = clean_text(PAGE)
    names = [name for _, _, name in page.sections]
    assert names == ["headline", "standfirst", "body"]
    start, end, _ = page.sections[-1]
    assert page.text[start:end] == page.body
    assert page.text[page.dateline_span[0]:page.dateline_span[1]].startswith("ISTANBUL")


def test_dateline_variants():
    for line, place in [("WASHINGTON (Reuters) - The Senate voted on a bill.", "WASHINGTON"),
                        ("KABUL, Afghanistan — Gunmen attacked a checkpoint on Monday.", "KABUL"),
                        ("UNITED NATIONS - The council met behind closed doors today.", "UNITED NATIONS")]:
        assert clean_text("Headline here\n\n" + line).dateline == place


def test_html_goes_through_trafilatura():
    html = ("<html><head><title>Troops leave town</title></head><body><nav>Home | World</nav><article>"
            "<h1>Troops leave town</h1><p>KYIV - Russian troops withdrew from the town of Kherson on "
            "Friday, Ukrainian officials said, after weeks of fighting along the river.</p>"
            "<p>The regional governor said residents should stay away until mines are cleared from the streets.</p>"
            "</article><footer>Share on Facebook</footer></body></html>")
    page = clean_document(Document(id="x", text=html, is_html=True))
    assert page.headline == "Troops leave town"
    assert "Russian troops withdrew" in page.body
    assert "Share on Facebook" not in page.text


@pytest.mark.parametrize("text,reason", [
    ("", "empty"), ("   \n ", "empty"), ("ab\x00\x01cd" * 50, "binary"),
    ("\ufffd\ufffd\ufffd\ufffd word " * 20, "encoding"),
])
def test_bad_inputs_are_rejected_with_a_reason(text, reason):
    with pytest.raises(InputError) as err:
        check_text(text, max_chars=10_000, min_words=3)
    assert err.value.reason == reason


def test_too_large():
    with pytest.raises(InputError) as err:
        check_text("word " * 100, max_chars=50, min_words=3)
    assert err.value.reason == "too-large"


def test_not_english():
    with pytest.raises(InputError) as err:
        check_english("Die Regierung hat am Dienstag neue Sanktionen gegen das Land beschlossen, "
                      "sagte ein Sprecher des Ministeriums in Berlin nach einer Sitzung.", 0.25)
    assert err.value.reason == "not-english"
    with pytest.raises(InputError):
        check_english("中国外交部发言人周二表示，中方反对外部干涉叙利亚内政。" * 3, 0.25)
    check_english("The government said on Tuesday that it would impose new sanctions on the "
                  "country after the talks in Berlin failed.", 0.25)
    # a one-sentence wire item with none of the commonest function words is still English
    check_english("Nepali troops killed four armed poachers near a wildlife reserve in western Nepal Monday.",
                  0.25)
    # names with a capitalised article of another language ("Al", "El", "De") do not make it foreign
    check_english("On Friday, Al Nusra Al Jadida militants shelled army positions near Idlib, "
                  "El Mundo reported.", 0.25)
    with pytest.raises(InputError):  # and Indonesian, with none either, is not
        check_english("Pemerintah Indonesia mengumumkan sanksi baru terhadap negara itu pada hari Selasa "
                      "kata juru bicara di Jakarta.", 0.25)


def test_a_one_sentence_item_of_names_and_nouns_is_english():
    # two English stop words in fourteen, none of the marker words, none of another language's
    check_english("Miguel Ortega Salazar, Honduras's best-known labour lawyer, began a hunger strike "
                  "in custody.", 0.25)
    with pytest.raises(InputError):  # Tagalog, whose "at" is also an English word
        check_english("Nagprotesta ang mga magsasaka sa harap ng kapitolyo at nanawagan sa pamahalaan "
                      "ng tulong at suporta.", 0.25)


def test_a_terse_note_passes_on_its_english_words():
    from eventwire.nlp import load_model
    from eventwire.pipeline import english_vocabulary

    vocabulary = english_vocabulary(load_model())
    assert len(vocabulary) > 50_000
    terse = ("On 3 June 2021, 2 coalition air strikes targeted Marib - Sirwah (Old Market, Marib) "
             "damaging farmland, livestock pens, water tanks, irrigation pipes. Casualties unknown.")
    with pytest.raises(InputError):  # by function words alone it is not English
        check_english(terse, 0.25)
    check_english(terse, 0.25, vocabulary)
    # one lower-case "el" of an Arabic place name does not make it Spanish
    check_english(terse.replace("Casualties unknown.", "Casualties near Tell el Hawa unknown."), 0.25,
                  vocabulary)
    with pytest.raises(InputError):  # Indonesian is still not
        check_english("Pemerintah Indonesia mengumumkan sanksi baru terhadap negara itu pada hari Selasa "
                      "kata juru bicara di Jakarta.", 0.25, vocabulary)
