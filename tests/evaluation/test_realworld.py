"""The real-page evaluation reads trafilatura's assertions as snippets, without running or importing them."""

import io
import tarfile

from evaluation.realworld import parse_expectations, read_sdist

SOURCE = """
MOCK_PAGES = {
'https://news.example/a': 'news.example.a.html',
'https://news.example/b': 'news.example.b.html',
}

@pytest.mark.parametrize("xmloutput", [False, True])
def test_extract(xmloutput):
    result = load_mock_page('https://news.example/a', xmloutput)
    assert 'Kept sentence' in result and 'Cookie banner' not in result
    result = load_mock_page('https://news.example/b', xmloutput)
    if xmloutput is False:
        assert 'Text only' in result
    else:
        assert '<p>Markup</p>' in result
    assert len(result) > 10
"""


def test_assertions_become_keep_and_drop_snippets():
    pages = {p.url: p for p in parse_expectations(SOURCE)}
    assert pages["https://news.example/a"].keep == ["Kept sentence"]
    assert pages["https://news.example/a"].drop == ["Cookie banner"]
    assert pages["https://news.example/b"].keep == ["Text only"]  # the XML-output branch is not ours
    assert pages["https://news.example/b"].file == "news.example.b.html"


def test_sdist_is_read_in_memory(tmp_path):
    path = tmp_path / "pkg-1.0.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in (
            ("pkg-1.0/tests/realworld_tests.py", SOURCE.encode()),
            ("pkg-1.0/tests/cache/news.example.a.html", b"<html><p>Kept sentence</p></html>"),
            ("pkg-1.0/setup.py", b"raise SystemExit('never run')"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    source, pages = read_sdist(str(path))
    assert source == SOURCE and list(pages) == ["news.example.a.html"]
