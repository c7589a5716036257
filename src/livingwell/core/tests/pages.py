"""For tests that check a name is not on a page: the page without its random tokens (the CSP nonce and the
CSRF token), in which a short name can turn up by chance."""

import re

RANDOM_TOKENS = re.compile(r'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"')


def without_random_tokens(html: str) -> str:
    return RANDOM_TOKENS.sub("", html)
