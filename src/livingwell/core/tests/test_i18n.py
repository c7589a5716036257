"""Every user-facing string in a template is marked for translation."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = sorted((Path(settings.PACKAGE_DIR)).glob("*/templates/**/*.*"))

# Words that are not language: cookie names and robots directives.
NOT_LANGUAGE = {"sessionid", "csrftoken", "index", "follow"}

STRIP = [
    re.compile(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", re.S),
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"<script.*?</script>", re.S),
    re.compile(r"<svg.*?</svg>", re.S),
    # Words marked as English on purpose, to be read in English whatever the page's language.
    re.compile(r'<(\w+)[^>]*\blang="en-GB"[^>]*>.*?</\1>', re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
    re.compile(r"<[^>]*>", re.S),
    re.compile(r"&[a-z]+;"),
]


def _untranslated_words(text: str) -> list[str]:
    for pattern in STRIP:
        text = pattern.sub(" ", text)
    words = re.findall(r"[^\W\d_]{2,}", text)
    return [word for word in words if word not in NOT_LANGUAGE]


def test_there_are_templates_to_check() -> None:
    assert len(TEMPLATES) > 20


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(settings.PACKAGE_DIR)))
def test_template_text_is_marked_for_translation(template: Path) -> None:
    assert _untranslated_words(template.read_text()) == []


def test_the_check_finds_unmarked_text() -> None:
    assert _untranslated_words('<p class="govuk-body">Hello {{ name }}</p>') == ["Hello"]
    assert _untranslated_words('<p>{% translate "Hello" %}</p>') == []
    assert _untranslated_words('<a lang="en-GB" href="/">Read this in English</a>') == []
