#!/usr/bin/env bash
# Runs the template-engine comparison (JMH) and writes its Markdown tables into docs/performance.md
# under "Template engines".
#
#   kida-bench/run-bench.sh                 # short run: 1 fork, 3 x 1 s warm-up, 3 x 1 s measurement
#   JMH_OPTS="-f 2 -wi 5 -i 5" kida-bench/run-bench.sh    # longer run
#   kida-bench/run-bench.sh render compile  # only some parts: render, render2t, compile, suite
#   JMH_EXTRA="-p engine=JTE,PEBBLE" kida-bench/run-bench.sh render   # narrow with JMH parameters
#
# JMH runs on the class path from the reactor's target/classes (no mvn install, no uber-jar), with
# -prof gc for allocation per operation and -prof dev.kida.bench.CpuShareProfiler for the CPU each
# fork was given (the 2-thread tables show it: issue 13, docs/performance.md). Results:
# kida-bench/target/bench/*.json; the report is also left in kida-bench/target/bench/report.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=kida-bench/target/bench
mkdir -p "$out"

# A JDK 25 to run JMH with: $JAVA_HOME if it is one, else the usual install location.
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/java}
if [[ -z "$java_bin" ]] || ! "$java_bin" -version 2>&1 | grep -q 'version "25'; then
  java_bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi

jmh_opts=${JMH_OPTS:-"-f 1 -wi 3 -w 1s -i 3 -r 1s"}
# JMH refuses to start while another JMH run holds /tmp/jmh.lock; JVM_OPTS="-Djmh.ignoreLock=true"
# overrides that (on a shared machine, at the price of noisier numbers).
# On the class path the simd escaper needs its incubator module and ffi native access; JMH's
# forks inherit these from this JVM.
jvm_opts="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED ${JVM_OPTS:-}"
jmh_extra=${JMH_EXTRA:-}
parts=("$@")
[[ ${#parts[@]} -eq 0 ]] && parts=(render render2t compile suite)

mvn -q compile dependency:build-classpath -pl kida-bench -am \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="kida-bench/target/classes:$(cat kida-bench/target/classpath.txt)"

commands=()
run() {
  local name=$1; shift
  local cmd=(org.openjdk.jmh.Main "$@" $jmh_opts $jmh_extra -prof gc -prof dev.kida.bench.CpuShareProfiler -rf json -rff "$out/$name.json")
  commands+=("java -cp <classpath> ${cmd[*]}")
  "$java_bin" $jvm_opts -cp "$cp" "${cmd[@]}" | tee "$out/$name.log"
}

for part in "${parts[@]}"; do
  case $part in
    render)   run render '.*\.(Kida)?RenderBenchmark\.render' ;;
    # Two threads sharing one template, on the small and the two large pages: the table shows each
    # engine's scaling over its own 1-thread score (from the render part of the same invocation).
    render2t)
      # the three pages unless JMH_EXTRA names the scenarios itself (JMH would run each twice)
      scenarios=(-p scenario=STOCKS,LARGE,ESCAPED)
      [[ $jmh_extra == *scenario=* ]] && scenarios=()
      run render2t -t 2 "${scenarios[@]}" '.*\.(Kida)?RenderBenchmark\.render' ;;
    compile)  run compile '.*\.(Kida)?CompileBenchmark\.compile' ;;
    suite)    run suite '.*\.KidaSuiteBenchmark\.render' ;;
    *) echo "unknown part: $part (render, render2t, compile, suite)" >&2; exit 2 ;;
  esac
done

header="$out/header.md"
{
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)."
  echo "JDK: $("$java_bin" -version 2>&1 | head -2 | tail -1)."
  echo "Run on $(date -u +%Y-%m-%d) with \`kida-bench/run-bench.sh ${parts[*]}\` (JMH_OPTS=\"$jmh_opts\"${jmh_extra:+, JMH_EXTRA=\"$jmh_extra\"}):"
  echo
  for c in "${commands[@]}"; do echo "    $c"; done
  echo
  echo "Throughput in renders (or compiles) per second, higher is better; ± is JMH's 99.9% error"
  echo "(– with too few iterations). B/op is allocation per operation (\`-prof gc\`, gc.alloc.rate.norm)."
  echo "Every engine renders the same bytes (checked in each benchmark's setup and by SameOutputTest)."
} > "$header"

jsons=()
for part in "${parts[@]}"; do jsons+=("$out/$part.json"); done
"$java_bin" -cp "$cp" dev.kida.bench.report.BenchReport "$header" "${jsons[@]}" > "$out/report.md"
"$java_bin" -cp "$cp" dev.kida.bench.report.BenchReport "$header" "${jsons[@]}" --update docs/performance.md
echo "Report: $out/report.md (and docs/performance.md)"
