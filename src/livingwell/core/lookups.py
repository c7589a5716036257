"""``field__among=[...]``: like ``__in``, but the whole list travels as one parameter.

A search near a postcode checks a few hundred listings by id at several steps. With ``__in`` every
id is a separate placeholder, so each query is long, new to the database and slow to build.
``__among`` sends one array (PostgreSQL ``= ANY``) or one JSON list (SQLite ``json_each``), so the
query text is short and the same every time.
"""

import json
import uuid
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import ForeignKey, Lookup, UUIDField
from django.db.models.sql.compiler import SQLCompiler


class Among(Lookup):
    lookup_name = "among"
    prepare_rhs = False

    def get_db_prep_lookup(self, value: Any, connection: BaseDatabaseWrapper) -> Any:
        field = self.lhs.output_field
        values = [field.get_db_prep_value(item, connection, prepared=False) for item in value]
        if connection.vendor == "postgresql":
            if all(isinstance(item, uuid.UUID) for item in values):
                # An array literal, which PostgreSQL reads as the column's type; quicker than an array
                # of values adapted one by one.
                return "%s", ("{" + ",".join(map(str, values)) + "}",)
            return "%s", (values,)
        return "%s", (json.dumps(values),)

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        _rhs, rhs_params = self.process_rhs(compiler, connection)
        # ``lhs`` is a column Django quoted; the values travel as a parameter.
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", (*lhs_params, *rhs_params)
        return f"{lhs} IN (SELECT value FROM json_each(%s))", (*lhs_params, *rhs_params)  # noqa: S608


def register() -> None:
    UUIDField.register_lookup(Among)
    ForeignKey.register_lookup(Among)
