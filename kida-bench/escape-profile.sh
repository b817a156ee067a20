#!/usr/bin/env bash
# Where an escaper's call spends its time: one EscaperBench fork per escaper under `perf record`
# (software clock, as this shared VM has no hardware counters), with the JIT's code named through
# the perf map the JVM writes at exit. Prints, per escaper, the share of the benchmark thread's
# samples in the JDK's stubs (for Kida's String call: the arraycopy that `String.getBytes` ends
# in), in Kida's compiled scan, in the ffi backend's C library, and elsewhere (issue 13: the
# String call's copy is the floor; docs/performance.md, "ninth round").
#
#   kida-bench/escape-profile.sh                          # simd,ffi,simd-latin1,simd-utf8,owasp; CLEAN 16 Ki
#   ESCAPERS=simd CORPUS=TYPICAL kida-bench/escape-profile.sh
#
# Needs perf (linux-perf) allowed to sample the user's own processes (perf_event_paranoid <= 2).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
OUT=kida-bench/target/escape-profile
mkdir -p "$OUT"
command -v perf >/dev/null || { echo "escape-profile.sh: perf is not installed (apt-get install linux-perf)" >&2; exit 1; }

mvn -q compile dependency:build-classpath -pl kida-bench -am -Dmdep.outputFile="$PWD/kida-bench/target/classpath.txt" >/dev/null
CP="kida-bench/target/classes:$(cat kida-bench/target/classpath.txt)"

for escaper in ${ESCAPERS:-simd ffi simd-latin1 simd-utf8 owasp}; do
  escaper=${escaper//,/ }
  data="$OUT/$escaper.perf"
  maps_before=$(ls /tmp/perf-*.map 2>/dev/null || true)
  perf record -q -F 1999 -e cpu-clock -o "$data" -- \
    "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp "$CP" \
    org.openjdk.jmh.Main dev.kida.bench.escape.EscaperBench ${RUN:--f 1 -wi 5 -i 8 -w 1s -r 1s} \
    -p escaper="$escaper" -p corpus="${CORPUS:-CLEAN}" -p size="${SIZE:-16384}" \
    -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit" > "$OUT/$escaper.log" 2>&1
  score=$(grep -E '^EscaperBench\.escape' "$OUT/$escaper.log" | awk '{print $(NF-3), $(NF-2), $(NF-1), $NF}')
  # The benchmark thread is JMH's worker: "dev.kida.bench." in perf's 15-char comm.
  perf report -i "$data" --no-children --sort comm,dso,sym --stdio 2>/dev/null | python3 -c '
import re, sys
shares = {"JDK stubs (the copy)": 0.0, "compiled Java (the scan, inlined)": 0.0,
          "ffi C library": 0.0, "other (interpreter, JVM, kernel)": 0.0}
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)%\s+dev\.kida\.bench\.\s+(\[JIT\] tid \d+|\S+)\s+\[.\]\s+(.*)", line)
    if not m:
        continue
    pct, dso, sym = float(m.group(1)), m.group(2), m.group(3)
    if "StubRoutines" in sym:
        shares["JDK stubs (the copy)"] += pct
    elif "kidaescape" in dso:
        shares["ffi C library"] += pct
    elif dso.startswith("[JIT]") and sym != "Interpreter":
        shares["compiled Java (the scan, inlined)"] += pct
    else:
        shares["other (interpreter, JVM, kernel)"] += pct
total = sum(shares.values()) or 1.0
print(", ".join(f"{k} {100 * v / total:.0f}%" for k, v in shares.items()))
' | sed "s|^|$escaper ($score): |"
  # The perf maps the JVMs wrote (/tmp/perf-PID.map) are only needed for that report.
  for map in /tmp/perf-*.map; do
    [[ -e $map ]] && ! grep -qxF "$map" <<<"$maps_before" && rm -f "$map"
  done
done
