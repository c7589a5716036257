"""The safety net in the languages the front door is offered in (decision 0062, hazard H-017): the words of
risk people most often write in each are found, and everyday sentences are not. Read from the database as the
front door reads it, after the migration that adds them."""

import pytest

from livingwell.safety.net import risk_in

pytestmark = pytest.mark.django_db

SUICIDE, SELF_HARM, HARM, HOME = "suicide", "self_harm", "harm_to_others", "unsafe_at_home"

RISK = [
    ("pl", "Chcę się zabić, nie daję już rady.", SUICIDE),
    ("pl", "Od tygodni myślę, że chcę umrzeć.", SUICIDE),
    ("pl", "Nie chcę już żyć.", SUICIDE),
    ("pl", "Znowu się tnę, kiedy jest źle.", SELF_HARM),
    ("pl", "Boję się, że zabiję go, jak wróci.", HARM),
    ("pl", "Mąż mnie bije i boję się wrócić do domu.", HOME),
    ("pt", "Quero morrer, não aguento mais.", SUICIDE),
    ("pt", "Penso em me matar todos os dias.", SUICIDE),
    ("pt", "Às vezes corto-me para aliviar.", SELF_HARM),
    ("pt", "Ele bate-me quando bebe.", HOME),
    ("es", "Quiero morir, ya no puedo más.", SUICIDE),
    ("es", "He pensado en quitarme la vida.", SUICIDE),
    ("es", "Me corto los brazos cuando estoy mal.", SELF_HARM),
    ("es", "Mi pareja me pega y tengo miedo de volver a casa.", HOME),
    ("tr", "Artık yaşamak istemiyorum.", SUICIDE),
    ("tr", "Kendimi öldürmeyi düşünüyorum.", SUICIDE),
    ("tr", "Kendime zarar veriyorum.", SELF_HARM),
    ("tr", "Kocam beni dövüyor.", HOME),
    ("so", "Waxaan rabaa inaan dhinto.", SUICIDE),
    ("so", "Waxaan ka fikirayaa is dilid.", SUICIDE),
    ("so", "Ninkaygu wuu i garaacaa.", HOME),
    ("bn", "আমি আত্মহত্যা করতে চাই।", SUICIDE),
    ("bn", "আমি আর বাঁচতে চাই না।", SUICIDE),
    ("bn", "আমার স্বামী আমাকে মারে।", HOME),
    ("ar", "أريد أن أموت، لم أعد أحتمل.", SUICIDE),
    ("ar", "افكر في الانتحار كل يوم", SUICIDE),
    ("ar", "أؤذي نفسي عندما أحزن.", SELF_HARM),
    ("ar", "زوجي يضربني وأخاف من العودة إلى البيت.", HOME),
]

EVERYDAY = [
    ("pl", "Zabiorę się do pracy jutro rano."),
    ("pl", "Lubię chodzić z psem do parku."),
    ("pt", "Gosto de cozinhar e de ver futebol com os amigos."),
    ("pt", "O médico disse para voltar para casa e descansar."),
    ("es", "Me gustaría volver a trabajar y hacer amigos."),
    ("es", "Quiero aprender a nadar este verano."),
    ("tr", "Kendimi kesinlikle daha iyi hissediyorum."),
    ("tr", "Yürüyüş yapmayı ve kitap okumayı seviyorum."),
    ("so", "Waxaan jeclahay inaan kubadda cagta ciyaaro."),
    ("bn", "আমি রান্না করতে আর গান শুনতে ভালোবাসি।"),
    ("ar", "أحب المشي في الحديقة مع أصدقائي."),
    ("ar", "أريد أن أتعلم اللغة الإنجليزية."),
]


@pytest.mark.parametrize(("language", "words", "category"), RISK)
def test_words_of_risk_in_each_language_are_found(language: str, words: str, category: str) -> None:
    assert category in risk_in([words]).categories


@pytest.mark.parametrize(("language", "words"), EVERYDAY)
def test_everyday_words_in_each_language_are_not(language: str, words: str) -> None:
    assert risk_in([words]).categories == []


def test_every_language_offered_has_words_of_each_kind_it_can_show() -> None:
    from django.conf import settings

    offered = {code for code, _name in settings.SHIPPED_LANGUAGES} - {settings.LANGUAGE_CODE}
    assert {language for language, _words, _category in RISK} == offered
    assert {language for language, _words in EVERYDAY} == offered
