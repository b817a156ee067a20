#!/usr/bin/env python3
"""Paired cold-start timing of whole processes: runs each command once per round, in turn
(interleaved, so that load from other work on the machine falls on all of them alike), and
reports the median wall and CPU (user + sys) time of each and the median of the per-round ratios
to the first command. Output of each command goes to /dev/null; a failing command stops the run.

    scripts/coldstart.py [--runs N] [--warmup N] -- 'CMD 1' 'CMD 2' ...

Example (docs/performance.md, "Cold start"):

    scripts/coldstart.py --runs 20 -- \\
      'python3 scripts/jinja2-render.py page.html examples/templates examples/data.json' \\
      './kida render page.html --templates examples/templates --data examples/data.json'
"""
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    before = os.times()
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if result.returncode != 0:
        sys.exit("command failed (%d): %s\n%s" % (result.returncode, shlex.join(argv),
                                                  result.stderr.decode(errors="replace")))
    return wall, cpu


def main(args):
    runs, warmup = 10, 2
    while args and args[0] != "--":
        flag = args.pop(0)
        if flag == "--runs":
            runs = int(args.pop(0))
        elif flag == "--warmup":
            warmup = int(args.pop(0))
        else:
            sys.exit("unknown option " + flag)
    commands = [shlex.split(c) for c in args[1:]]
    if not commands:
        sys.exit(__doc__)
    for _ in range(warmup):
        for c in commands:
            run_once(c)
    walls = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for _ in range(runs):
        for i, c in enumerate(commands):
            w, u = run_once(c)
            walls[i].append(w)
            cpus[i].append(u)
    print("%d paired runs (after %d warm-up rounds); medians" % (runs, warmup))
    print("%-8s %-8s %-10s %-10s  %s" % ("wall s", "cpu s", "wall ratio", "cpu ratio", "command"))
    for i, c in enumerate(commands):
        wall_ratio = statistics.median(w / b for w, b in zip(walls[i], walls[0]))
        cpu_ratio = statistics.median(u / b for u, b in zip(cpus[i], cpus[0]) if b > 0)
        print("%-8.3f %-8.3f %-10.2f %-10.2f  %s" % (statistics.median(walls[i]), statistics.median(cpus[i]),
                                                 wall_ratio, cpu_ratio, shlex.join(c)))


if __name__ == "__main__":
    main(sys.argv[1:])
