#!/usr/bin/env bash
# Executes every notebook headless, as CI does; executed copies go to a temporary folder (nothing is written into
# the repository). Usage: notebooks/run-all.sh [OUTPUT_DIR]. Needs jupyter-nbconvert, python3-nbclient,
# python3-ipykernel, python3-pandas and python3-matplotlib (Debian packages) and a built mailsim (MAILSIM_JAR, or
# the ./mailsim launcher, which builds it).
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-$(mktemp -d -t mailsim-notebooks-XXXXXX)}"
mkdir -p "$out"
# No MPLBACKEND: the kernel's own inline backend needs no display and keeps the charts in the executed copies.
export PYTHONDONTWRITEBYTECODE=1 PYDEVD_DISABLE_FILE_VALIDATION=1
for nb in *.ipynb; do
    start=$(date +%s)
    jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 --output-dir "$out" "$nb"
    echo "notebook $nb: ok in $(( $(date +%s) - start )) s"
done
echo "executed notebooks in $out"
