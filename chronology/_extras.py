"""Optional dependencies: imported when a feature needs them, with an error naming the extra that installs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from chronology.errors import MissingExtraError

__all__ = ["require"]


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module``, or say which ``pip install "chronology[extra]"`` gives it.

    Args:
        module: the module to import ("pyarrow", "duckdb").
        extra: the extra of this package that installs it ("parquet").
        feature: what needs it, for the message ("Parquet files").

    Raises:
        MissingExtraError: the module is not installed.

    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(
            f'{feature} need {module}, an optional dependency: pip install "chronology[{extra}]"',
            name=module,
        ) from error
