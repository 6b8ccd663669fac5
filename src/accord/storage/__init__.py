"""Storage: SQLAlchemy tables, the repository, the unit of work and Alembic migrations.

SQLite (a file under the user's data directory) is the embedded default; PostgreSQL is chosen by
a database URL. Nothing outside this package and the composition roots imports SQLAlchemy.
"""

from accord.storage.database import Database, default_database_url, normalise_url
from accord.storage.uow import SqlUnitOfWork

__all__ = ["Database", "SqlUnitOfWork", "default_database_url", "normalise_url"]
