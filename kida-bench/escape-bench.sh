#!/usr/bin/env bash
# Runs the escaper benchmarks (dev.kida.bench.escape.EscaperBench) and writes a Markdown table of
# chars/ns, with each escaper's ratio to the OWASP Java Encoder, to kida-bench/target/escape-bench.md.
#
#   kida-bench/escape-bench.sh                       # every escaper, corpus and size (~15 min)
#   kida-bench/escape-bench.sh -p size=1024,16384    # any JMH options are passed through
#   PROF=gc kida-bench/escape-bench.sh ...           # adds -prof gc (bytes allocated per call)
#   RUN="-f 1 -wi 1 -i 2 -w 1s -r 1s" kida-bench/escape-bench.sh ...   # shorter still
#
# Short by default (1 fork, 2 warm-ups and 3 measurements of 1 s): the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
OUT=kida-bench/target
mkdir -p "$OUT"

# Compile the reactor up to kida-bench and take its class path (jars are not needed: JMH runs
# from target/classes, with the backends' META-INF/services on the class path).
mvn -q compile dependency:build-classpath -pl kida-bench -am -Dmdep.outputFile="$PWD/$OUT/classpath.txt" >/dev/null
CP="kida-bench/target/classes:$(cat "$OUT/classpath.txt")"

PROF_ARGS=()
if [[ -n "${PROF:-}" ]]; then PROF_ARGS=(-prof "$PROF"); fi

"$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp "$CP" \
  org.openjdk.jmh.Main 'dev.kida.bench.escape.EscaperBench' \
  ${RUN:--f 1 -wi 2 -i 3 -w 1s -r 1s} -rf json -rff "$OUT/escape-bench.json" "${PROF_ARGS[@]}" "$@" \
  | tee "$OUT/escape-bench.log"

python3 - "$OUT/escape-bench.json" "$JAVA" "${RUN:+RUN=\"$RUN\" }${PROF:+PROF=$PROF }" "$*" > "$OUT/escape-bench.md" <<'PY'
import json, sys, subprocess, platform, collections
results = json.load(open(sys.argv[1]))
java, env, args = sys.argv[2], sys.argv[3], sys.argv[4]
rows = collections.defaultdict(dict)   # (corpus, size) -> escaper -> chars/ns
alloc = collections.defaultdict(dict)
order = []
for r in results:
    p = r["params"]
    key = (p["corpus"], int(p["size"]))
    ops_per_us = r["primaryMetric"]["score"]
    rows[key][p["escaper"]] = ops_per_us * int(p["size"]) / 1000.0
    if p["escaper"] not in order:
        order.append(p["escaper"])
    g = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    if g:
        alloc[key][p["escaper"]] = g["score"]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
ver = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
print(f"Machine: {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores (shared); JDK: {ver}")
print()
print(f"Command: `{env}kida-bench/escape-bench.sh {args}`")
print()
print("chars/ns (higher is better); in brackets, the ratio to OWASP `Encode.forHtml` in the same run.")
print()
print("| corpus | size | " + " | ".join(order) + " |")
print("|---|---:|" + "---:|" * len(order))
corpora = ["CLEAN", "TYPICAL", "CODE", "UNICODE"]
for key in sorted(rows, key=lambda k: (corpora.index(k[0]) if k[0] in corpora else 9, k[1])):
    row = rows[key]
    base = row.get("owasp")
    cells = []
    for e in order:
        v = row.get(e)
        if v is None:
            cells.append("")
        elif base and e != "owasp":
            cells.append(f"{v:.3g} ({v / base:.1f}x)")
        else:
            cells.append(f"{v:.3g}")
    print(f"| {key[0]} | {key[1]} | " + " | ".join(cells) + " |")
if alloc:
    print()
    print("Bytes allocated per call (`-prof gc`, gc.alloc.rate.norm):")
    print()
    print("| corpus | size | " + " | ".join(order) + " |")
    print("|---|---:|" + "---:|" * len(order))
    for key in sorted(alloc, key=lambda k: (corpora.index(k[0]) if k[0] in corpora else 9, k[1])):
        print(f"| {key[0]} | {key[1]} | " + " | ".join(f"{alloc[key].get(e, float('nan')):.0f}" for e in order) + " |")
PY
cat "$OUT/escape-bench.md"
