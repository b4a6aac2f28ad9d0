"""Signal Race: route market signals through the hierarchy or the informal network, faster than the competitor."""

__version__ = "0.1.0"  # the one place the version is written: pyproject.toml reads it, --version prints it
