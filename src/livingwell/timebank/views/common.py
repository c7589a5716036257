"""What the time bank's views share: the safety net over what members write."""

from collections.abc import Iterable

from django.http import HttpRequest

from livingwell.people.models import Person
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for
from livingwell.support.selectors import current_guide
from livingwell.timebank.models import Member


def time_bank_words_read(request: HttpRequest, *, texts: Iterable[str], name: str, contact: str, key: str) -> None:
    """Whatever anyone writes in the time bank goes through the safety net. When the writer is a person the
    network supports, their guide hears; otherwise the duty team, with the name and contact they gave. The
    same words twice raise one flag."""
    texts = [text for text in texts if text]
    person = None
    if request.user.is_authenticated:
        person = Person.objects.filter(user_id=request.user.pk).first()
    words_read(
        request,
        texts=texts,
        where=RiskFlag.Where.TIME_BANK,
        person_id=person.pk if person else None,
        guide=current_guide(person) if person else None,
        writer_name=name,
        writer_contact=contact,
        once=once_for(RiskFlag.Where.TIME_BANK, key, *texts),
    )


def member_words_read(request: HttpRequest, member: Member, texts: Iterable[str]) -> None:
    time_bank_words_read(
        request, texts=texts, name=member.name, contact=member.email or member.phone, key=str(member.pk)
    )
