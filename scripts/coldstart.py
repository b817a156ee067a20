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
    # The child's own resource usage from wait4: user + sys of the process and the children it
    # waited for, to the microsecond (os.times() counts in clock ticks of 10 ms).
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("command failed (%d): %s\n%s" % (code, shlex.join(argv), stderr.decode(errors="replace")))
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
    load_before = "%.2f" % os.getloadavg()[0]
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
    print("%d paired runs (after %d warm-up rounds); medians; load average before and after: %s, %s"
          % (runs, warmup, load_before, "%.2f" % os.getloadavg()[0]))
    print("%-8s %-8s %-10s %-10s  %s" % ("wall s", "cpu s", "wall ratio", "cpu ratio", "command"))
    for i, c in enumerate(commands):
        wall_ratio = statistics.median(w / b for w, b in zip(walls[i], walls[0]))
        cpu_ratio = statistics.median(u / b for u, b in zip(cpus[i], cpus[0]) if b > 0)
        print("%-8.3f %-8.3f %-10.2f %-10.2f  %s" % (statistics.median(walls[i]), statistics.median(cpus[i]),
                                                 wall_ratio, cpu_ratio, shlex.join(c)))


if __name__ == "__main__":
    main(sys.argv[1:])
