#!/usr/bin/env bash
# copydesk's benchmark, side by side with Vale on the same files.
#
#   bash bench/run.sh            # full run: 1,000 articles, 5 runs per measure, Vale installed if missing
#   RUNS=3 N=200 bash bench/run.sh
#   SKIP_VALE=1 bash bench/run.sh
#
# Measures (median of RUNS): cold start (one article, every default plugin),
# throughput in words per second over the corpus, peak memory of copydesk and
# all plugin processes together, per-plugin time and memory (--stats), and
# copydesk serve latency at 1, 8 and 32 concurrent clients (loopback only).
# The corpus is built at run time from ../shared (never copied into the repo).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
runs=${RUNS:-5}
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

sources=("$shared"/eval-public/articles/*.txt "$shared"/corpus/seed/*.txt)
[ -e "${sources[0]}" ] || { echo "no shared articles under $shared (set SHARED=...)" >&2; exit 2; }
"$bt" corpus -out "$tmp/corpus" -n "$n" "${sources[@]}" >"$tmp/corpus.txt"
words=$(awk '{print $3}' "$tmp/corpus.txt")
one="$tmp/one/article.txt"           # cold start: one ~300-1,500-word article
mkdir -p "$tmp/one"; cp "$tmp/corpus/article-0001.txt" "$one"
# a ~1,000-word article for the server
for f in "$tmp"/corpus/*.txt; do
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
  for _ in $(seq "$runs"); do "$bt" measure -- "$@"; done >"$tmp/m.txt"
  med "$key"
}
med() { grep -o "\b$1=[0-9.]*" "$tmp/m.txt" | cut -d= -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cd "$tmp"   # no rules.toml here: the built-in default configuration
echo "measuring copydesk ..." >&2
cd_cold=$(median seconds "$tmp/copydesk" check --format json "$one")
cd_cold_cpu=$(med cpu)
cd_tput_s=$(median seconds "$tmp/copydesk" check --format json "$tmp/corpus")
cd_cpu=$(med cpu)
cd_mem=$(med peak_rss_mib)
cd_pss=$(med peak_pss_mib)
"$tmp/copydesk" check --format json --stats "$tmp/corpus" >/dev/null 2>"$tmp/stats.txt" || true

row() { printf '| %-30s | %14s | %13s | %16s | %16s | %14s | %14s |\n' "$@"; }
wps() { awk -v w="$words" -v s="$1" 'BEGIN { printf "%.0f", w / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo
echo "corpus: $n articles, $words words; medians of $runs runs; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "CPU is user+sys of the whole process tree (steadier than wall time on a shared machine);"
echo "RSS sums each process's resident pages (the plugin processes share one binary's pages, counted once per process); PSS counts shared pages once."
echo
row "tool" "cold start (s)" "cold CPU (s)" "words per second" "words per CPU-s" "peak RSS (MiB)" "peak PSS (MiB)"
row "----" "---" "---" "---" "---" "---" "---"
row "copydesk (all default plugins)" "$cd_cold" "$cd_cold_cpu" "$(wps "$cd_tput_s")" "$(wps "$cd_cpu")" "$cd_mem" "$cd_pss"
if [ -n "$vale" ]; then
  for cfg in styles builtin; do
    v_cold=$(median seconds "$vale" --config="$tmp/vale-$cfg.ini" --output=JSON --no-exit "$one")
    v_cold_cpu=$(med cpu)
    v_s=$(median seconds "$vale" --config="$tmp/vale-$cfg.ini" --output=JSON --no-exit "$tmp/corpus")
    v_cpu=$(med cpu)
    v_mem=$(med peak_rss_mib)
    v_pss=$(med peak_pss_mib)
    row "vale ($cfg)" "$v_cold" "$v_cold_cpu" "$(wps "$v_s")" "$(wps "$v_cpu")" "$v_mem" "$v_pss"
    echo "ratio copydesk/vale ($cfg): throughput $(ratio "$v_s" "$cd_tput_s")x (per CPU-second $(ratio "$v_cpu" "$cd_cpu")x), cold start $(ratio "$cd_cold" "$v_cold")x" >>"$tmp/ratios.txt"
  done
  echo; cat "$tmp/ratios.txt"
else
  echo "(Vale not measured: SKIP_VALE set or install failed)"
fi

echo; echo "per plugin (copydesk check --stats over the corpus):"; cat "$tmp/stats.txt"

if [ -f "$tmp/k.txt" ] && "$tmp/copydesk" help 2>&1 | grep -q serve; then
  port=$((20000 + RANDOM % 20000))
  "$tmp/copydesk" serve --addr "127.0.0.1:$port" 2>"$tmp/serve.log" &
  server_pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
  echo; echo "copydesk serve, one ~1,000-word article per request:"
  for c in 1 8 32; do "$bt" load -url "http://127.0.0.1:$port/v1/check" -article "$tmp/k.txt" -clients "$c" -requests $((c * 25)); done
fi
