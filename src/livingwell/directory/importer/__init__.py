"""Import Open Referral UK data: a JSON feed (paged, from a URL or a file) or a CSV datapackage.

Every service is checked against the ORUK schema, then upserted by id with everything that hangs off
it, a batch at a time, or one record at a time in its own savepoint when the database refuses a batch.
A bad record is reported with the reason and skipped; the good ones are imported
(docs/decisions/0008-importing.md). Importing the same data again changes nothing.

One module for each part (records, writers, one listing, batches, formats); this package is the way in.
"""

from livingwell.directory.importer.batches import import_services
from livingwell.directory.importer.common import ImportProblem, ImportReport
from livingwell.directory.importer.formats import import_csv_datapackage, import_json_feed, import_json_file

__all__ = [
    "ImportProblem",
    "ImportReport",
    "import_csv_datapackage",
    "import_json_feed",
    "import_json_file",
    "import_services",
]
