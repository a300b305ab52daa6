#!/usr/bin/env bash
# Are copydesk's findings the same at two revisions? (issue 17: a speed-up
# must not change a finding.) Builds copydesk at each revision from `git
# archive` (your checkout is untouched), runs `check --format json` with the
# built-in defaults on the dev-set articles and cases, the seed and the clean corpus
# (en and de), and diffs the reports byte for byte (a folder's .txt files).
#
#   bash bench/same-findings.sh main HEAD
#   PATHS="../shared/corpus/seed/blinken-china-trip.txt" bash bench/same-findings.sh main bench
#
# Exit 0: identical everywhere; 1: a report differs (the diff is printed);
# 2: usage, or a run failed (exit 2 or 3 from copydesk).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bash bench/same-findings.sh REV_A [REV_B, default HEAD]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
revs=("$1" "${2:-HEAD}")
if [ -n "${PATHS:-}" ]; then read -r -a paths <<<"$PATHS"; else
  paths=("$shared/eval-public/articles" "$shared/eval-public/cases" "$shared/corpus/seed/blinken-china-trip.txt" "$shared/corpus/clean/en" "$shared/corpus/clean/de")
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in 0 1; do
  git -C "$root" rev-parse --verify -q "${revs[$i]}^{commit}" >/dev/null || { echo "no revision ${revs[$i]}" >&2; exit 2; }
  mkdir "$tmp/src$i"
  git -C "$root" archive "${revs[$i]}" | tar -x -C "$tmp/src$i"
  echo "building copydesk at ${revs[$i]} ..." >&2
  (cd "$tmp/src$i" && go build -o "$tmp/cd$i" ./cmd/copydesk)
done
cd "$tmp"   # no rules.toml here: each revision's built-in defaults
status=0
for p in "${paths[@]}"; do
  [ -e "$p" ] || { echo "no $p (set SHARED=... or PATHS=...)" >&2; exit 2; }
  # a folder's .txt files only (eval-public/cases keeps its expectations in .json)
  files=("$p"); [ -d "$p" ] && mapfile -t files < <(find "$p" -name '*.txt' | sort)
  for i in 0 1; do
    rc=0; "$tmp/cd$i" check --format json "${files[@]}" >"$tmp/out$i.json" 2>"$tmp/err$i.txt" || rc=$?
    if [ "$rc" -ge 2 ]; then echo "copydesk at ${revs[$i]} exited $rc on $p:" >&2; head -5 "$tmp/err$i.txt" >&2; exit 2; fi
  done
  n=$(grep -c '"rule":' "$tmp/out0.json" || true)
  if cmp -s "$tmp/out0.json" "$tmp/out1.json"; then
    echo "same: $p ($n findings)"
  else
    echo "DIFFERENT: $p (${revs[0]} $n findings, ${revs[1]} $(grep -c '"rule":' "$tmp/out1.json" || true))"
    diff -u --label "${revs[0]}" --label "${revs[1]}" "$tmp/out0.json" "$tmp/out1.json" | head -200 || true
    status=1
  fi
done
exit $status
