#!/usr/bin/env bash
# Make the `spark` tests runnable: Java 17+ (Debian's headless JRE) and the
# `spark` extra (pyspark, pyarrow, pandas<3) in the given Python's environment.
# Idempotent. Use: bash .ci/install-spark.sh [PYTHON]   (default: .venv/bin/python, else python3)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${1:-}"
if [ -z "$PY" ]; then if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi; fi
log() { echo "install-spark: $*" >&2; }

java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
    if [ "$(id -u)" = 0 ]; then
        log "installing Debian's openjdk-17-jre-headless"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq openjdk-17-jre-headless >&2
    else
        log "no Java 17+ and not root: the spark tests will skip"
    fi
fi

if ! "$PY" -c "import pyspark, pyarrow, pandas" >/dev/null 2>&1; then
    log "installing pyspark, pyarrow, pandas into $("$PY" -c 'import sys; print(sys.prefix)')"
    "$PY" -m pip install --quiet "pyspark>=3.5,<5" "pyarrow>=15" "pandas>=2,<3"
fi
log "java $(java_major 2>/dev/null || echo none), pyspark $("$PY" -c 'import pyspark; print(pyspark.__version__)')"
