def test_quote_with_trailing_attribution(code):
    a = code('Headline about talks\n\nBERLIN - "We will not accept any attack on our allies," German '
             'Chancellor Olaf Scholz said on Monday.', published="2022-03-01")
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert q.text.startswith("We will not accept any attack")
    assert q.speaker is not None and q.speaker.root == "DEU" and q.speaker.sector == "GOV"
    assert a.text[q.span[0]:q.span[1]] == q.text


def test_continued_quote_paragraph_keeps_the_speaker(code):
    a = code('"The border must stay open for aid convoys," Turkish Interior Minister Suleyman Soylu told journalists in Ankara.\n\n'
             '"Our position has not changed and will not change in the coming weeks."')
    assert len(a.quotes) == 2
    assert a.quotes[1].speaker is not None and a.quotes[1].speaker.root == "TUR"
    assert "continues" in a.quotes[1].explanation


def test_scare_quotes_are_not_quotes(code):
    a = code('The minister called the report "fake news" and left the room after the vote.')
    assert a.quotes == []
