#!/usr/bin/env bash
# Unum, Duke 1.2 and Splink 5 on the same records, one after the other, each as a whole process
# (start to last byte of clusters.csv), timed by GNU time; each clusters.csv scored against the
# truth by one scorer. Prints one Markdown table (also written to OUTDIR/table.md).
#
#   tools/side-by-side.sh RECORDS.csv TRUTH.csv [OUTDIR]
#
# RECORDS.csv has the generator's columns (./unum generate); TRUTH.csv is its record_id,person_id.
# The engines:
#   unum    ./unum resolve --input RECORDS.csv --out OUTDIR/unum     (the real CLI; $UNUM_JAVA_OPTS)
#   duke    java $DUKE_JAVA_OPTS -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.DukeMain
#           --input RECORDS.csv --out OUTDIR/duke                    (SideBySide's Duke configuration)
#   splink  $SPLINK_VENV/bin/python $UNUM_SPLINK_DIR/run.py --input RECORDS.csv --out OUTDIR/splink
# Scoring: io.unum.benchmarks.ClustersScorer (ClusteringEvaluator, as ./unum evaluate), which
# fails when a clusters.csv does not hold every record exactly once. Then, untimed, a cross-check
# that ./unum evaluate on the same input gives Unum the same scores.
#
# Environment (defaults in brackets):
#   UNUM_SPLINK_DIR   the Splink peer folder [../shared/peers/splink beside the repository root]
#   SPLINK_VENV       its virtual environment [/tmp/splink-venv]; made by its setup.sh when missing
#   UNUM_JAVA_OPTS    JVM options of ./unum [./unum's own default, -Xmx4g]
#   DUKE_JAVA_OPTS    JVM options of the Duke runner [-Xmx8g]
#   SPLINK_ARGS       extra run.py arguments, e.g. "--threads 2" [none: DuckDB uses every core]
#   SBS_ENGINES       which engines, in this order ["unum duke splink"]; an engine left out is a
#                     row saying so, never a missing row
#   SBS_CROSSCHECK    0 skips the ./unum evaluate cross-check [1]
# Any engine, build or set-up step that fails stops the script with its log; nothing is printed
# as a result that was not measured. The machine should be quiet: the load average before each
# run is in the table.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { echo "side-by-side: $*" >&2; exit 1; }

[[ $# -ge 2 && $# -le 3 ]] || die "usage: tools/side-by-side.sh RECORDS.csv TRUTH.csv [OUTDIR]"
records="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
truth="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
[[ -f $records ]] || die "no records file $1"
[[ -f $truth ]] || die "no truth file $2"
out="${3:-${TMPDIR:-/tmp}/side-by-side-$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

splink_dir="${UNUM_SPLINK_DIR:-$root/../shared/peers/splink}"
[[ -d $splink_dir ]] && splink_dir="$(cd "$splink_dir" && pwd)"
export SPLINK_VENV="${SPLINK_VENV:-/tmp/splink-venv}"
duke_opts="${DUKE_JAVA_OPTS:--Xmx8g}"
engines="${SBS_ENGINES:-unum duke splink}"
jar="$root/benchmarks/target/benchmarks.jar"

for e in $engines; do
  case "$e" in unum|duke|splink) ;; *) die "SBS_ENGINES: unknown engine '$e' (unum, duke, splink)";; esac
done
wants() { [[ " $engines " == *" $1 "* ]]; }

# ---- preflight: everything that can be missing is found missing before the first timed run ----
[[ -x /usr/bin/time ]] && /usr/bin/time -v true 2>/dev/null || die "needs GNU time at /usr/bin/time (apt-get install time)"
command -v java >/dev/null || die "needs java on the PATH"

echo "side-by-side: building what is stale (untimed)..." >&2
(cd "$root" && ./unum --version >/dev/null) || die "./unum does not build"
jar_stale() {
  [[ ! -f $jar ]] && return 0
  [[ -n "$(find "$root" -path "$root/out" -prune -o -path '*/target' -prune -o -path '*/.git' -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit)" ]]
}
if jar_stale; then
  log="$out/build-benchmarks.log"
  (cd "$root" && mvn -B -q -Pbench -pl benchmarks -am package -DskipTests) >"$log" 2>&1 \
    || { tail -n 30 "$log" >&2; die "benchmarks.jar does not build (log: $log)"; }
fi

if wants splink; then
  [[ -f $splink_dir/run.py && -f $splink_dir/setup.sh ]] \
    || die "Splink peer not found at $splink_dir (run.py, setup.sh); set UNUM_SPLINK_DIR or leave splink out of SBS_ENGINES"
  if ! "$SPLINK_VENV/bin/python" -c 'import splink, duckdb' 2>/dev/null; then
    compgen -G "$splink_dir/wheels/splink-*.whl" >/dev/null \
      || die "no Splink wheel in $splink_dir/wheels and no working venv at $SPLINK_VENV"
    echo "side-by-side: making the Splink venv at $SPLINK_VENV (untimed)..." >&2
    bash "$splink_dir/setup.sh" >"$out/splink-setup.log" 2>&1 \
      || { tail -n 20 "$out/splink-setup.log" >&2; die "Splink setup failed (log: $out/splink-setup.log)"; }
  fi
  "$SPLINK_VENV/bin/python" -c 'import splink, duckdb' \
    || die "the Splink venv at $SPLINK_VENV cannot import splink and duckdb"
fi

# ---- runs ---------------------------------------------------------------------------------------
load() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'; }

# run NAME COMMAND...: timed whole process; logs in OUTDIR/NAME.log, GNU time in OUTDIR/NAME.time
run() {
  local name="$1"; shift
  rm -rf "${out:?}/$name"
  mkdir -p "$out/$name"
  load >"$out/$name.load"
  echo "side-by-side: $name (load before $(cat "$out/$name.load")): $*" >&2
  local rc=0
  (cd "$root" && /usr/bin/time -v -o "$out/$name.time" "$@") >"$out/$name.log" 2>&1 || rc=$?
  if [[ $rc -ne 0 ]]; then
    tail -n 30 "$out/$name.log" >&2
    die "$name failed with exit status $rc (log: $out/$name.log); no table"
  fi
  [[ -s $out/$name/clusters.csv ]] || die "$name wrote no $out/$name/clusters.csv (log: $out/$name.log); no table"
  local scored
  scored="$(java -cp "$jar" io.unum.benchmarks.ClustersScorer --clusters "$out/$name/clusters.csv" --truth "$truth")" \
    || die "$name's clusters.csv cannot be scored (above); no table"
  echo "$scored" >"$out/$name.score"
  echo "side-by-side: $name: $(wall "$name") s wall; $scored" >&2
}

# GNU time fields
field() { grep -F "$2" "$out/$1.time" | sed 's/.*: //'; }
wall() {
  field "$1" 'Elapsed (wall clock) time' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'
}
cpu() { awk -v u="$(field "$1" 'User time (seconds)')" -v s="$(field "$1" 'System time (seconds)')" 'BEGIN { printf "%.1f", u + s }'; }
rss_mb() { awk -v k="$(field "$1" 'Maximum resident set size (kbytes)')" 'BEGIN { printf "%.0f", k / 1024 }'; }
score() { tr ' ' '\n' <"$out/$1.score" | sed -n "s/^$2=//p"; }

for e in $engines; do
  case "$e" in
    unum)   run unum ./unum resolve --input "$records" --out "$out/unum" ;;
    duke)   # shellcheck disable=SC2086
            run duke java $duke_opts -cp "$jar" io.unum.benchmarks.DukeMain --input "$records" --out "$out/duke" ;;
    splink) # shellcheck disable=SC2086
            run splink "$SPLINK_VENV/bin/python" "$splink_dir/run.py" --input "$records" --out "$out/splink" ${SPLINK_ARGS:-} ;;
  esac
done

# ---- untimed cross-check: the scorer agrees with ./unum evaluate on Unum's output -------------
check="not run (SBS_CROSSCHECK=0 or unum left out)"
if wants unum && [[ ${SBS_CROSSCHECK:-1} != 0 ]]; then
  echo "side-by-side: cross-check, untimed: ./unum evaluate on the same input" >&2
  (cd "$root" && ./unum evaluate --input "$records" --truth "$truth") >"$out/unum-evaluate.log" 2>&1 \
    || die "./unum evaluate failed (log: $out/unum-evaluate.log)"
  ev="$(tail -n 1 "$out/unum-evaluate.log")"
  ev_f1="$(tr ' ' '\n' <<<"$ev" | sed -n 's/^pairwise_f1=//p')"
  ev_profiles="$(tr ' ' '\n' <<<"$ev" | sed -n 's/^profiles=//p')"
  if [[ $ev_f1 == "$(score unum pairwise_f1)" && $ev_profiles == "$(score unum profiles)" ]]; then
    check="./unum evaluate on the same input agrees (pairwise F1 $ev_f1, $ev_profiles profiles)"
  else
    check="WARNING: ./unum evaluate gives pairwise F1 $ev_f1 and $ev_profiles profiles, the scorer on ./unum resolve's clusters.csv $(score unum pairwise_f1) and $(score unum profiles)"
  fi
fi

# ---- table ---------------------------------------------------------------------------------------
n=""
for e in $engines; do n="$(score "$e" records)"; break; done
for e in $engines; do
  [[ $(score "$e" records) == "$n" ]] || die "the engines scored different record counts ($e: $(score "$e" records), expected $n)"
done
label() {
  case "$1" in
    unum) echo "Unum \`./unum resolve\`" ;;
    duke) echo "Duke $(sed -n 's/^duke_version=//p' "$out/duke/time.txt" 2>/dev/null) (\`DukeMain\`)" ;;
    splink) echo "Splink $(sed -n 's/^splink_version=//p' "$out/splink/time.txt" 2>/dev/null) (\`run.py\`)" ;;
  esac
}
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
rate() { commas "$(awk -v n="$n" -v w="$(wall "$1")" 'BEGIN { printf "%.0f", n / w }')"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", b / a }'; }
detail() {
  case "$1" in
    unum) grep -E '^records=.*seconds=' "$out/unum.log" | tail -n 1 ;;
    duke) grep -E '^(read|deduplicate|write)_seconds|^comparisons|^match_pairs' "$out/duke/time.txt" | paste -sd' ' ;;
    splink) grep -E '^(prep|blocking_analysis|train|predict|cluster)_seconds|^predicted_pairs|^threads' "$out/splink/time.txt" | paste -sd' ' ;;
  esac
}

{
  echo "Side by side, $(date -u '+%Y-%m-%d %H:%M UTC'): $(commas "$n") records of \`$records\`"
  echo "machine: $(nproc) CPUs, $(free -g | awk '/^Mem:/ { print $2 }') GiB; $(java -version 2>&1 | head -n 1);" \
    "unum $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?');" \
    "UNUM_JAVA_OPTS=${UNUM_JAVA_OPTS:-(./unum default)}; DUKE_JAVA_OPTS=$duke_opts; SPLINK_ARGS=${SPLINK_ARGS:-(none)}"
  echo
  echo "| engine | wall s | CPU s | peak RSS MB | records/s | pairwise P | R | F1 | B-cubed F1 | profiles | load before (1/5/15 min) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  for e in unum duke splink; do
    if wants "$e"; then
      echo "| $(label "$e") | $(wall "$e") | $(cpu "$e") | $(rss_mb "$e") | $(rate "$e") | $(score "$e" pairwise_precision)" \
        "| $(score "$e" pairwise_recall) | $(score "$e" pairwise_f1) | $(score "$e" bcubed_f1) | $(commas "$(score "$e" profiles)")" \
        "| $(cat "$out/$e.load") |"
    else
      echo "| $e | not run (SBS_ENGINES=\"$engines\") | | | | | | | | | |"
    fi
  done
  echo
  for peer in duke splink; do
    if wants unum && wants "$peer"; then
      echo "- throughput Unum/$(label "$peer" | cut -d' ' -f1): **$(ratio "$(wall unum)" "$(wall "$peer")")** by wall time," \
        "$(ratio "$(cpu unum)" "$(cpu "$peer")") by CPU time; F1 $(score unum pairwise_f1) vs $(score "$peer" pairwise_f1)"
    fi
  done
  for e in $engines; do echo "- $e: $(detail "$e")"; done
  echo "- scores: \`ClustersScorer\` on each clusters.csv; $check"
  echo "- logs and outputs: \`$out\`"
} | tee "$out/table.md"
