from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from livingwell.core import languages

# Every page people read may be in another language, with it in the address (/pl/…); English has none
# (decision 0062). The API, the admin and the language switcher are the same in every language. The front door
# comes first: its pages are asked for most, and Django tries the patterns in order (decision 0072); none of its
# addresses is another app's.
in_every_language = i18n_patterns(
    path("", include("livingwell.frontdoor.urls")),
    path("", include("livingwell.core.urls")),
    path("account/", include("livingwell.accounts.urls")),
    path("", include("livingwell.people.urls")),
    path("", include("livingwell.rights.urls")),
    path("audit/", include("livingwell.audit.urls")),
    path("directory/", include("livingwell.directory.urls")),
    path("", include("livingwell.safety.urls")),
    path("", include("livingwell.support.urls")),
    path("collaborative/", include("livingwell.collaborative.urls")),
    path("evaluation/", include("livingwell.voice.urls")),
    path("stories/", include("livingwell.voice.story_urls")),
    path("time-bank/", include("livingwell.timebank.urls")),
    path("peer-support/", include("livingwell.peer.urls")),
    path("figures/", include("livingwell.insight.urls")),
    path("how-we-are-doing/", include("livingwell.insight.public_urls")),
    prefix_default_language=False,
)
urlpatterns = [
    *in_every_language,
    path("language/<str:code>/", languages.choose, name="language"),
    path("api/oruk/", include("livingwell.directory.api_urls")),
    path("admin/", admin.site.urls),
]

handler500 = "livingwell.core.views.server_error"
