#!/usr/bin/env bash
# copydesk's benchmark, side by side with Vale on the same files.
#
#   bash bench/run.sh            # full run: 5 runs per measure, Vale installed if missing
#   RUNS=3 N=200 bash bench/run.sh
#   SKIP_VALE=1 bash bench/run.sh
#   VALE_CONFIGS=styles bash bench/run.sh   # only Vale with the five styles
#   CLEAN_RUNS=1 bash bench/run.sh          # one run per tool on the clean corpus
#
# Three corpora, built at run time from ../shared (never copied into the repo):
#   gen    N generated articles of 300-1,500 words (benchtool corpus)
#   dev    ten copies of each dev-set article and of the seed, each copy with
#          a unique first line (benchtool copies)
#   clean  the clean wire corpus, ../shared/corpus/clean/en, as it is
# Measures (median of RUNS): throughput in words per second and per CPU-second
# on each corpus, with the ratio to Vale; cold start on the seed article with
# every default plugin against Vale's cold start on the same file; peak memory
# of copydesk and all plugin processes together; per-plugin time and memory
# (--stats, clean corpus); copydesk serve latency at 1, 8 and 32 concurrent
# clients (loopback only), with the CPU per request of all its processes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
runs=${RUNS:-5}
clean_runs=${CLEAN_RUNS:-$runs}   # Vale takes minutes per run on the clean corpus
n=${N:-1000}
tmp=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

cd "$root"
echo "building copydesk and benchtool ..." >&2
go build -o "$tmp/copydesk" ./cmd/copydesk
go build -o "$tmp/benchtool" ./bench/benchtool
bt="$tmp/benchtool"

seed="$shared/corpus/seed/blinken-china-trip.txt"
sources=("$shared"/eval-public/articles/*.txt "$seed")
[ -e "${sources[0]}" ] && [ -e "$seed" ] || { echo "no shared articles under $shared (set SHARED=...)" >&2; exit 2; }
[ -d "$shared/corpus/clean/en" ] || { echo "no clean corpus at $shared/corpus/clean/en (set SHARED=...)" >&2; exit 2; }
"$bt" corpus -out "$tmp/gen" -n "$n" "${sources[@]}" >/dev/null
"$bt" copies -out "$tmp/dev" -n 10 "${sources[@]}" >/dev/null
corpora=(gen dev clean)
declare -A dir files words
dir[gen]=$tmp/gen; dir[dev]=$tmp/dev; dir[clean]=$shared/corpus/clean/en
for c in "${corpora[@]}"; do
  files[$c]=$(find "${dir[$c]}" -name '*.txt' | wc -l)
  words[$c]=$(find "${dir[$c]}" -name '*.txt' -exec cat {} + | wc -w)   # one count for both tools
done
one="$tmp/one/$(basename "$seed")"   # cold start: the seed article
mkdir -p "$tmp/one"; cp "$seed" "$one"
# a ~1,000-word article for the server
for f in "$tmp"/gen/*.txt; do
  w=$(wc -w <"$f"); if [ "$w" -ge 900 ] && [ "$w" -le 1100 ]; then cp "$f" "$tmp/k.txt"; break; fi
done

vale=""
if [ -z "${SKIP_VALE:-}" ]; then
  if command -v vale >/dev/null 2>&1; then vale=$(command -v vale); else
    echo "installing Vale v3.21.0 from the Go module proxy into a temporary GOBIN (a few minutes the first time) ..." >&2
    if GOBIN="$tmp/bin" go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0 >&2; then vale="$tmp/bin/vale"; fi
  fi
  cat >"$tmp/vale-styles.ini" <<EOF
StylesPath = $shared/vale-styles
MinAlertLevel = suggestion
[*.{txt,md}]
BasedOnStyles = Vale, proselint, write-good, Microsoft, Google
EOF
  cat >"$tmp/vale-builtin.ini" <<EOF
StylesPath = $shared/vale-styles
MinAlertLevel = suggestion
[*.{txt,md}]
BasedOnStyles = Vale
EOF
fi

# median VALUE-KEY CMD...: run the command $runs times under benchtool
# measure and print the median of the key (seconds, cpu, peak_rss_mib or
# peak_pss_mib); the other keys stay in $tmp/m.txt for med.
median() {
  local key=$1; shift
  for _ in $(seq "${n_runs:-$runs}"); do "$bt" measure -- "$@"; done >"$tmp/m.txt"
  med "$key"
}
med() { grep -o "\b$1=[0-9.]*" "$tmp/m.txt" | cut -d= -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cd "$tmp"   # no rules.toml here: the built-in default configuration
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
tools=(copydesk)
if [ -n "$vale" ]; then for cfg in ${VALE_CONFIGS:-styles builtin}; do tools+=("vale-$cfg"); done; fi
run() { # run KEY TOOL PATH: median of KEY over RUNS runs of TOOL checking PATH
  case $2 in
    copydesk) median "$1" "$tmp/copydesk" check --format json "$3" ;;
    vale-*) median "$1" "$vale" --config="$tmp/vale-${2#vale-}.ini" --output=JSON --no-exit "$3" ;;
  esac
}
declare -A cold cold_cpu secs cpu rssm pssm
echo "measuring cold start ..." >&2
bare_cpu=$(median cpu "$tmp/copydesk" version); bare_s=$(med seconds)
for t in "${tools[@]}"; do
  cold[$t]=$(run seconds "$t" "$one"); cold_cpu[$t]=$(med cpu)
done
# where copydesk's cold start goes: the same cold check of the seed by every
# built-in ruleset, one process per ruleset (before issue 17) or all rulesets in one
# process (protocol.ServeBundle, what copydesk now does), without the CLI
echo "measuring cold start, one process per ruleset and one for all ..." >&2
declare -A proto proto_s
for mode in split bundle; do
  proto[$mode]=$(median cpu "$bt" coldstart -mode "$mode" "$one"); proto_s[$mode]=$(med seconds)
  "$bt" coldstart -mode "$mode" "$one" >"$tmp/coldstart-$mode.txt"
done
for c in "${corpora[@]}"; do
  n_runs=$runs; [ "$c" = clean ] && n_runs=$clean_runs
  for t in "${tools[@]}"; do
    echo "measuring $t on $c ..." >&2
    secs[$c,$t]=$(run seconds "$t" "${dir[$c]}"); cpu[$c,$t]=$(med cpu)
    rssm[$c,$t]=$(med peak_rss_mib); pssm[$c,$t]=$(med peak_pss_mib)
  done
done
"$tmp/copydesk" check --format json --stats "${dir[clean]}" >/dev/null 2>"$tmp/stats.txt" || true

row() { printf '| %-6s | %-14s | %6s | %8s | %9s | %9s | %9s | %10s | %8s | %8s |\n' "$@"; }
per() { awk -v w="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", w / s; else print "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo
echo "medians of $runs runs ($clean_runs on the clean corpus); $(nproc) cores; load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "CPU is user+sys of the whole process tree (steadier than wall time on a shared machine);"
echo "RSS sums each process's resident pages (the plugin processes share one binary's pages, counted once per process); PSS counts shared pages once."
echo
echo "cold start: $(basename "$one") ($(wc -w <"$one") words), one process tree from start to exit"
echo "| tool             | wall (s) | CPU (s) |"
echo "| ---              | ---      | ---     |"
printf '| %-16s | %8s | %7s |\n' "copydesk version" "$bare_s" "$bare_cpu"
for t in "${tools[@]}"; do printf '| %-16s | %8s | %7s |\n' "$t" "${cold[$t]}" "${cold_cpu[$t]}"; done
echo
echo "cold start without the CLI (benchtool coldstart: start, handshake, Describe, Configure, Check of the seed by every built-in ruleset):"
for mode in split bundle; do
  echo "  $mode: whole tree CPU ${proto[$mode]} s (wall ${proto_s[$mode]} s); $(tail -1 "$tmp/coldstart-$mode.txt")"
done
echo "  per process, CPU (10 ms ticks) once its handshake was done and once it had answered:"
grep '^process=' "$tmp/coldstart-split.txt" | sed 's/^/    /'
echo
row corpus tool files words "wall (s)" "words/s" "CPU (s)" "words/CPU-s" "RSS MiB" "PSS MiB"
row --- --- --- --- --- --- --- --- --- ---
for c in "${corpora[@]}"; do
  for t in "${tools[@]}"; do
    row "$c" "$t" "${files[$c]}" "${words[$c]}" "${secs[$c,$t]}" "$(per "${words[$c]}" "${secs[$c,$t]}")" \
      "${cpu[$c,$t]}" "$(per "${words[$c]}" "${cpu[$c,$t]}")" "${rssm[$c,$t]}" "${pssm[$c,$t]}"
  done
done
if [ -n "$vale" ]; then
  echo
  echo "copydesk against Vale (throughput: Vale's time / copydesk's; cold start: copydesk's / Vale's; issue 17 asks >= 4x and <= 0.5x against vale-styles):"
  for t in "${tools[@]:1}"; do
    line="$t: cold start ${cold[copydesk]}/${cold[$t]} s = $(ratio "${cold[copydesk]}" "${cold[$t]}")x wall, $(ratio "${cold_cpu[copydesk]}" "${cold_cpu[$t]}")x CPU"
    for c in "${corpora[@]}"; do
      line+="; $c $(ratio "${secs[$c,$t]}" "${secs[$c,copydesk]}")x wall, $(ratio "${cpu[$c,$t]}" "${cpu[$c,copydesk]}")x CPU"
    done
    echo "$line"
  done
else
  echo "(Vale not measured: SKIP_VALE set or install failed)"
fi

echo; echo "per plugin (copydesk check --stats over the clean corpus):"; cat "$tmp/stats.txt"

if [ -f "$tmp/k.txt" ] && "$tmp/copydesk" help 2>&1 | grep -q serve; then
  port=$((20000 + RANDOM % 20000))
  "$tmp/copydesk" serve --addr "127.0.0.1:$port" 2>"$tmp/serve.log" &
  server_pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
  echo; echo "copydesk serve, one ~1,000-word article per request:"
  # cpu_ms_per_req: CPU of the server and its plugin processes per request,
  # the number that decides p99 on a quiet machine (8 clients on 2 cores
  # queue behind each other's CPU). A warm-up first (the first requests build
  # lazily compiled tables), then RUNS runs of 50 requests per client each;
  # the median line takes each column's median over the runs.
  "$bt" load -url "http://127.0.0.1:$port/v1/check" -article "$tmp/k.txt" -clients 2 -requests 16 >/dev/null
  for c in 1 8 32; do
    for _ in $(seq "$runs"); do
      "$bt" load -url "http://127.0.0.1:$port/v1/check" -article "$tmp/k.txt" -clients "$c" -requests $((c * 50)) -pid "$server_pid"
    done | tee "$tmp/serve-$c.txt"
    awk -v c="$c" -v n="$runs" '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] ~ /_ms|rps|cpu/) v[kv[1]] = v[kv[1]] " " kv[2] } }
      END { printf "clients=%s median of %s runs:", c, n
            split("p50_ms p90_ms p99_ms rps cpu_ms_per_req", keys, " ")
            for (k = 1; k <= 5; k++) { m = split(substr(v[keys[k]], 2), a, " "); if (m == 0) continue
              for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
              printf " %s=%s", keys[k], a[int((m + 1) / 2)] }
            print "" }' "$tmp/serve-$c.txt"
  done
fi
