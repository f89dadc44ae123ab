"""Thin re-export: the Spark runner lives in :mod:`qpextract.io.spark`."""

from qpextract.io.spark import (  # noqa: F401
    extract_dataframe,
    package_zip,
    run_spark_job,
    ship_package,
    spark_session,
)
