#!/usr/bin/env bash
# The default install (`pip install .`, no extras) must run the default path:
# extract the seeds to SQLite and to JSON Lines, and name the extra for what it lacks.
# Prints the install time and the size of its site-packages (the README's figures).
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
quiet_pip() { "$work/venv/bin/python" -m pip install --quiet "$@" 2> >(grep -v "^WARNING: Location" >&2); }
quiet_pip --upgrade pip
start=$(date +%s)
quiet_pip .
end=$(date +%s)
site="$("$work/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "lean install: $((end - start)) s, site-packages $(du -sh "$site" | cut -f1)"

for absent in underthesea pyvi pandas pyarrow psycopg pyspark; do
  if "$work/venv/bin/python" -c "import $absent" 2>/dev/null; then
    echo "lean install: $absent is installed but no default component needs it" >&2; exit 1
  fi
done

qpx="$work/venv/bin/qpextract"
"$qpx" extract corpus/seeds -o "$work/seeds.sqlite" -q
"$qpx" extract corpus/seeds -o "$work/seeds.jsonl" -q
"$work/venv/bin/python" - "$work/seeds.sqlite" "$work/seeds.jsonl" <<'EOF'
import json, sqlite3, sys
n = sqlite3.connect(sys.argv[1]).execute("select count(*) from articles").fetchone()[0]
lines = [json.loads(x) for x in open(sys.argv[2], encoding="utf-8")]
assert n == 5 and len(lines) == 5 and all("error" not in x for x in lines), (n, len(lines))
print(f"lean install: 5 seeds -> SQLite ({n} articles) and JSONL")
EOF

# a missing extra is named, with exit code 2
set +e
"$qpx" export "$work/seeds.sqlite" --parquet "$work/pq" 2>"$work/err"; code=$?
set -e
grep -q "qpextract\[parquet\]" "$work/err" && [ "$code" = 2 ] || { cat "$work/err" >&2; exit 1; }
echo "lean install: export without pyarrow names the parquet extra (exit 2)"
