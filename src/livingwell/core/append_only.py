"""Records that are only ever added to: the audit trail, the time bank's hour ledger. Code that tries to
change or remove one raises ``AppendOnly``; a correction is a new record."""

from typing import Any, NoReturn

from django.db import models


class AppendOnly(Exception):
    """Raised when code tries to change or remove a record that is only ever added to."""


def _refuse(model: type[models.Model]) -> NoReturn:
    raise AppendOnly(f"{str(model._meta.verbose_name_plural).capitalize()} are only ever added to.")


class AppendOnlyQuerySet[M: models.Model](models.QuerySet[M]):
    def update(self, **kwargs: Any) -> NoReturn:
        _refuse(self.model)

    def delete(self) -> NoReturn:  # type: ignore[override]
        _refuse(self.model)

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse(self.model)


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse(type(self))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse(type(self))
