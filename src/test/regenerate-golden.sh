#!/usr/bin/env bash
# Regenerates the golden (known-answer) outputs in src/test/resources/golden from the current code, then shows what
# changed. Run it only when a change alters results on purpose, and say in the commit message why they moved.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -pl src/test -am test -Dtest=GoldenOutputTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
git status --short src/test/resources/golden
git diff --stat src/test/resources/golden
