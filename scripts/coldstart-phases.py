#!/usr/bin/env python3
"""Cold-start phases of a render in a fresh JVM, for: no cache (tiered, so the first render runs
in the evaluator), no cache compiled at load (--mode compiled), a warm on-disk compiled cache,
and precompiled templates (kida compile). Runs the JVM exactly as ./kida does (java binary,
module path, flags and AOT caches from target/kida-launcher/launch.env: the "render" profile's
cache for the first row, the "precompiled" profile's for the last, the "compiled" profile's for
the others; the script runs ./kida first,
which builds what changed and trains a missing cache, and stops if a cache is still missing
rather than measure a start without it), the configurations interleaved, and prints the median
of each phase as the CLI reports it with -Dkida.cli.timings=true:

  jvm          from just before the process is started to main() (KIDA_T0)
  cli+data     argument parsing and reading the JSON data
  environment  Environment.builder()...build(): escaper discovery, built-in filters and tests
  load         getTemplate: read the source and parse it, or read the compiled file
  render       the first render (with the extends/import/include it does)
  write        writing the output
  cpu.PHASE    the main thread's CPU time in that phase (Linux), steadier than wall on a busy machine

    scripts/coldstart-phases.py [RUNS]
"""
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def launch_env():
    """The launch the launcher saved: the java command (with the module path when there is no linked
    image), AOT cache base, its JVM flags and extra options."""
    state = os.path.join(ROOT, "target", "kida-launcher", "launch.env")
    # the launcher keeps an AOT cache per profile: $aot_base-render.aot and $aot_base-compiled.aot
    script = ("source %s; printf '%%s\\n' \"$java\" \"$module_path\" \"$aot_base\" \"${runtime_java:-}\"; "
              "(IFS=$'\\x1f'; printf '%%s\\n' \"${saved_jvm_flags[*]}\" \"${jvm_extra[*]}\")") % shlex.quote(state)
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True).stdout.split("\n")
    flags = [f for f in out[4].split("\x1f") if f]
    if not flags:
        sys.exit("target/kida-launcher/launch.env has no saved_jvm_flags: run ./kida once with this launcher")
    # the linked run-time image's java holds Kida's modules; without one, the JDK's java and the jars
    java = [out[3]] if out[3] else [out[0], "--module-path", out[1]]
    return java, out[2], flags, [e for e in out[5].split("\x1f") if e]


def train():
    """Lets the launcher build what changed and train both profiles' AOT caches if missing."""
    kida = os.path.join(ROOT, "kida")
    common = ["page.html", "--templates", "examples/templates", "--data", "examples/data.json"]
    subprocess.run([kida, "render", *common], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    compiled = tempfile.mkdtemp(prefix="kida-phases-train-")
    subprocess.run([kida, "compile", "--templates", "examples/templates", "--output", compiled], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    try:
        subprocess.run([kida, "render", *common, "--compiled", compiled], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    finally:
        shutil.rmtree(compiled, ignore_errors=True)


def main(argv):
    runs = int(argv[1]) if len(argv) > 1 else 10
    train()
    java, aot_base, jvm_flags, extra = launch_env()
    # exactly the launcher's java and JVM flags (saved by it in launch.env)
    flags = [*java, *jvm_flags, *extra]

    def with_cache(profile):
        aot = "%s-%s.aot" % (aot_base, profile)
        if not aot_base or not os.path.exists(aot):
            sys.exit("no AOT cache %s: the launcher could not train it (see target/kida-launcher/"
                     "aot-training-%s.log)" % (aot, profile))
        return flags + ["-XX:AOTCache=" + aot]

    base = with_cache("compiled")
    plain = with_cache("render")
    precompiled = with_cache("precompiled")
    render = ["-m", "kida.cli/dev.kida.cli.Main", "render", "page.html", "--templates", "examples/templates",
              "--data", "examples/data.json"]
    work = tempfile.mkdtemp(prefix="kida-phases-")
    compiled = os.path.join(work, "compiled")
    cache = os.path.join(work, "cache")
    subprocess.run(base + ["-m", "kida.cli/dev.kida.cli.Main", "compile", "--templates", "examples/templates",
                           "--output", compiled], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    configs = {
        "no cache (tiered)": plain + ["-Dkida.cli.timings=true"] + render,
        "no cache, --mode compiled": base + ["-Dkida.cli.timings=true"] + render + ["--mode", "compiled"],
        "on-disk cache, warm": base + ["-Dkida.cli.timings=true", "-Dkida.cli.compiledCache=" + cache] + render,
        "precompiled": precompiled + ["-Dkida.cli.timings=true"] + render + ["--compiled", compiled],
    }
    # Warms the cache (and the page cache for every configuration).
    for cmd in configs.values():
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    phases = {name: {} for name in configs}
    for _ in range(runs):
        for name, cmd in configs.items():
            env = dict(os.environ, KIDA_T0=str(time.time_ns()))
            before = os.times()
            start = time.perf_counter()
            r = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            wall = time.perf_counter() - start
            after = os.times()
            if r.returncode != 0:
                sys.exit("%s failed:\n%s" % (name, r.stderr))
            refused = [l for l in r.stderr.splitlines() if "[aot" in l or "[cds" in l]
            if refused:
                sys.exit("%s: the JVM did not use its AOT cache as trained:\n%s" % (name, "\n".join(refused)))
            line = [l for l in r.stderr.splitlines() if l.startswith("kida-timings:")][-1]
            for item in line.split()[1:]:
                k, v = item.split("=")
                phases[name].setdefault(k, []).append(int(v) / 1000.0)
            phases[name].setdefault("load+render", []).append(
                phases[name]["load"][-1] + phases[name]["render"][-1])
            if "cpu.load" in phases[name] and "cpu.render" in phases[name]:
                phases[name].setdefault("cpu.load+render", []).append(
                    phases[name]["cpu.load"][-1] + phases[name]["cpu.render"][-1])
            phases[name].setdefault("process wall", []).append(wall * 1000)
            phases[name].setdefault("process cpu", []).append(
                ((after.children_user - before.children_user) + (after.children_system - before.children_system)) * 1000)
    keys = ["jvm", "cli+data", "environment", "load", "render", "write", "load+render", "process wall", "process cpu"]
    # main-thread CPU per phase, where the CLI could read it (Linux)
    keys += [k for k in ("cpu.cli+data", "cpu.environment", "cpu.load", "cpu.render", "cpu.load+render") if all(k in phases[n] for n in configs)]
    print("%d interleaved runs; medians in ms" % runs)
    print("| phase | " + " | ".join(configs) + " |")
    print("|---|" + "---:|" * len(configs))
    for k in keys:
        print("| %s | %s |" % (k, " | ".join("%.1f" % statistics.median(phases[n][k]) for n in configs)))
    for k in ("load+render", "cpu.load+render"):
        if all(k in phases[n] for n in configs):
            ref = statistics.median(phases["no cache (tiered)"][k])
            print("| %s vs no cache | %s |" % (k, " | ".join(
                "%.2fx" % (ref / statistics.median(phases[n][k])) for n in configs)))


if __name__ == "__main__":
    main(sys.argv)
