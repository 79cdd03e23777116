#!/usr/bin/env bash
# Cold start of Sunbay.Client, measured as a whole process: from process start to the first sale + query answered on
# loopback (issues 12 and 22, Performance). Publishes this project twice into a temporary folder, JIT (framework-dependent,
# ReadyToRun off: the default) and Native AOT, lists the trim/AOT warnings of the AOT publish by code and source, runs
# each variant once to check it answers, then times them in rounds, the order rotating each round.
# With SUNBAY_OFFICIAL_SDK=<folder of a clone of SUNBAY's sunbay-nexus-sdk-net> it also publishes
# ../Sunbay.Client.ColdStart.Official (the same console calling SUNBAY's official SDK, JIT, framework-dependent) and
# times it in the same rounds; that SDK throws on Debian's /etc/os-release, so run the whole script where that file
# reads as Ubuntu's (README, Performance, has the command).
#
#   tests/Sunbay.Client.ColdStart/measure.sh [-n RUNS] [--keep]
#
# -n RUNS  counted runs of each variant after one warm-up (default 10).
# --keep   keep the published folders (printed) instead of deleting them.
# PAIR_TIMER=CMD  time the pairs with CMD instead of the built-in loop, called as
#                 CMD -n RUNS --vs 'AOT_BINARY' -- JIT_BINARY   (ratios printed by CMD are JIT ÷ AOT), and with
#                 SUNBAY_OFFICIAL_SDK also CMD -n RUNS --vs 'OFFICIAL_BINARY' -- JIT_BINARY (JIT ÷ official).
# The built-in loop uses bash's microsecond clock and GNU time (for peak memory) only.
set -euo pipefail

runs=10
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "$0")" && pwd)"
project="$here/Sunbay.Client.ColdStart.csproj"
rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
out="$(mktemp -d "${TMPDIR:-/tmp}/sunbay-coldstart.XXXXXX")"
if [ "$keep" = false ]; then trap 'rm -rf "$out"' EXIT; fi

echo "== publish JIT (framework-dependent, ReadyToRun off) -> $out/jit"
dotnet publish "$project" -c Release -o "$out/jit" -nologo -v:q -nodeReuse:false > "$out/jit.log" 2>&1 \
  || { cat "$out/jit.log"; echo "JIT publish failed" >&2; exit 1; }

echo "== publish Native AOT ($rid) -> $out/aot"
# ILC compiles only when its inputs changed, and prints warnings only when it compiles: start from no native output.
rm -rf "$here/obj/Release/net10.0/$rid/native"
dotnet publish "$project" -c Release -r "$rid" -p:ColdStartAot=true -o "$out/aot" -nologo -v:q -nodeReuse:false > "$out/aot.log" 2>&1 \
  || { cat "$out/aot.log"; echo "Native AOT publish failed (it needs clang or gcc and the ILCompiler package from NuGet)" >&2; exit 1; }

# One line per warning as ILC printed it, without the trailing [project] and the repository's path.
warnings="$out/aot-warnings.txt"
grep -E 'warning IL[0-9]{4}' "$out/aot.log" | sed -E 's/ \[[^]]*\]$//; s#'"$(cd "$here/../.." && pwd)"'/##' > "$warnings" || true
total="$(wc -l < "$warnings" | tr -d ' ')"
distinct="$(sort -u "$warnings" | wc -l | tr -d ' ')"
echo "== AOT publish: $total trim/AOT warnings ($distinct distinct), by code:"
{ grep -oE 'IL[0-9]{4}' "$warnings" || true; } | sort | uniq -c | awk '{ printf "   %s x%s\n", $2, $1 }'
echo "   by code and source (count, code, where, what):"
# where: file(line) when ILC knows it, and the member; what: the member used, or the start of the message.
awk '{
  code = ""; if (match($0, /IL[0-9][0-9][0-9][0-9]/)) code = substr($0, RSTART, RLENGTH)
  file = ""; if (match($0, /^[^ :]+\([0-9]+\)/)) { file = substr($0, RSTART, RLENGTH); sub(/.*\//, "", file) }
  rest = $0; sub(/^.*IL[0-9][0-9][0-9][0-9]: /, "", rest)
  member = rest; sub(/: .*$/, "", member)
  what = rest; sub(/^[^:]*: /, "", what)
  if (match(what, /member '\''[^'\'']*'\''/)) what = "uses " substr(what, RSTART + 7, RLENGTH - 7)
  else what = substr(what, 1, 110)
  print code " | " (file == "" ? "" : file " ") member " | " what
}' "$warnings" | sort | uniq -c | sort -k2,2 -k1,1nr | sed 's/^/   /'

jit="$out/jit/Sunbay.Client.ColdStart"
aot="$out/aot/Sunbay.Client.ColdStart"
official=""
if [ -n "${SUNBAY_OFFICIAL_SDK:-}" ]; then
  echo "== publish SUNBAY's official SDK console, JIT (framework-dependent, ReadyToRun off) -> $out/official"
  dotnet publish "$here/../Sunbay.Client.ColdStart.Official/Sunbay.Client.ColdStart.Official.csproj" -c Release -o "$out/official" -nologo -v:q -nodeReuse:false > "$out/official.log" 2>&1 \
    || { cat "$out/official.log"; echo "publish of the official SDK's console failed" >&2; exit 1; }
  official="$out/official/Sunbay.Client.ColdStart.Official"
else
  echo "== SUNBAY's official SDK: not measured (set SUNBAY_OFFICIAL_SDK to a clone of sunbay-nexus-sdk-net, see README, Performance)"
fi

echo "== check: each variant once"
"$jit" || { echo "the JIT variant failed" >&2; exit 1; }
"$aot" || { echo "the Native AOT variant failed" >&2; exit 1; }
if [ -n "$official" ]; then
  "$official" || { echo "the official SDK's console failed: run this script where /etc/os-release reads as Ubuntu's (README, Performance)" >&2; exit 1; }
fi
echo "   sizes: JIT folder $(du -sh "$out/jit" | cut -f1), AOT binary $(du -h "$aot" | cut -f1)"

if [ -n "${PAIR_TIMER:-}" ]; then
  echo "== timing: $PAIR_TIMER, $runs runs each, JIT vs AOT"
  $PAIR_TIMER -n "$runs" --vs "$aot" -- "$jit"
  if [ -n "$official" ]; then
    echo "== timing: $PAIR_TIMER, $runs runs each, JIT vs SUNBAY's official SDK (JIT)"
    $PAIR_TIMER -n "$runs" --vs "$official" -- "$jit"
  fi
  exit 0
fi

echo "== timing: $runs runs each after a warm-up, in rounds rotating the order (wall time of the whole process)"
names=("$jit" "$aot"); labels=("Sunbay.Client, JIT (framework-dependent, the default)" "Sunbay.Client, Native AOT")
if [ -n "$official" ]; then names+=("$official"); labels+=("Sunbay.Nexus.Sdk (SUNBAY's), JIT (framework-dependent)"); fi
for bin in "${names[@]}"; do "$bin" > /dev/null; done
timer=(); if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f '%U %S' -o "$out/cpu.last"); fi
wall() { # prints the wall milliseconds of one run of $1, output discarded, and appends its CPU ms (user + system, GNU time) to $out/cpu.$2
  local start end
  start=$EPOCHREALTIME
  "${timer[@]}" "$1" > /dev/null
  end=$EPOCHREALTIME
  if [ -f "$out/cpu.last" ]; then awk '{ printf "%.0f\n", ($1 + $2) * 1000 }' "$out/cpu.last" >> "$out/cpu.$2"; fi
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }'
}
declare -a ms0 ms1 ms2 aot_ratios official_ratios
count=${#names[@]}
for ((i = 0; i < runs; i++)); do
  declare -a this=()
  for ((k = 0; k < count; k++)); do
    v=$(( (i + k) % count ))
    this[v]="$(wall "${names[v]}" "$v")"
  done
  ms0+=("${this[0]}"); ms1+=("${this[1]}")
  aot_ratios+=("$(awk -v j="${this[0]}" -v a="${this[1]}" 'BEGIN { printf "%.2f\n", j / a }')")
  if ((count == 3)); then
    ms2+=("${this[2]}")
    official_ratios+=("$(awk -v j="${this[0]}" -v o="${this[2]}" 'BEGIN { printf "%.2f\n", j / o }')")
  fi
done
stats() { # min median max of the arguments
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s | %s | %s", v[1], m, v[NR] }'
}
peak() { # peak resident memory (MB) of one run, when GNU time is there
  if [ -x /usr/bin/time ]; then /usr/bin/time -f '%M' "$1" 2>&1 > /dev/null | tail -1 | awk '{ printf "%.1f MB", $1 / 1024 }'; else echo "n/a"; fi
}
echo
cpu() { # median CPU ms of variant $1, when GNU time measured it
  if [ -f "$out/cpu.$1" ]; then mapfile -t c < "$out/cpu.$1"; stats "${c[@]}" | awk -F' [|] ' '{ print $2 }'; else echo "n/a"; fi
}
echo "| cold start, first sale + query on loopback (ms) | min | median | max | CPU median | peak memory |"
echo "|---|---|---|---|---|---|"
echo "| ${labels[0]} | $(stats "${ms0[@]}") | $(cpu 0) | $(peak "$jit") |"
echo "| ${labels[1]} | $(stats "${ms1[@]}") | $(cpu 1) | $(peak "$aot") |"
if ((count == 3)); then
  echo "| ${labels[2]} | $(stats "${ms2[@]}") | $(cpu 2) | $(peak "$official") |"
  echo "| Sunbay.Client JIT ÷ Sunbay.Nexus.Sdk JIT (wall), round by round | $(stats "${official_ratios[@]}") | | |"
fi
echo "| Sunbay.Client JIT ÷ Native AOT (wall), round by round | $(stats "${aot_ratios[@]}") | | |"
