"""What `spark-submit --py-files qpextract.zip` relies on: the package runs from a zip, data files included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_pipeline_runs_from_the_shipped_zip(tmp_path: Path) -> None:
    from qpextract.spark import package_zip

    zipped = package_zip(str(tmp_path))
    code = (
        "import sys, json; sys.path.insert(0, sys.argv[1]); import qpextract;"
        "assert qpextract.__file__.startswith(sys.argv[1]), qpextract.__file__;"
        "a = qpextract.Pipeline().extract('Sáng 22/3/2023, Ban CHQS tổ chức hội nghị tổng kết LLVT.', id='z');"
        "print(a.model_dump_json())"
    )
    # the dependencies come from this environment; qpextract itself must come from the zip (asserted)
    out = subprocess.run([sys.executable, "-c", code, zipped], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    article = json.loads(out.stdout)
    assert article["id"] == "z" and article["text"]
