#!/usr/bin/env python3
"""CPU time of one test run, per process and per thread group: the launcher JVM and each worker JVM.

Usage: cpu-breakdown.py [--threads] COMMAND...   (the command's output goes to $OUT, default /dev/null)

Runs COMMAND, samples /proc every 20 ms for the command's process and its child processes (junit-xdist's workers are
children of the launcher JVM), and prints the wall time, the CPU time (user + system) of the whole run (from the
kernel's rusage, which counts every reaped child), the launcher's share, each worker's share and when it appeared.
With --threads, also each process's CPU per thread group: the JIT (C1/C2 compiler threads), GC, and the rest
(main, relay, ...). Sampled figures miss at most the last 20 ms of each process. Linux only.
"""
import collections
import os
import re
import subprocess
import sys
import time

HZ = os.sysconf('SC_CLK_TCK')


def cpu(stat_path):
    try:
        with open(stat_path) as f:
            text = f.read()
    except OSError:
        return None
    name = text[text.index('(') + 1:text.rindex(')')]
    fields = text[text.rindex(')') + 2:].split()
    return name, (int(fields[11]) + int(fields[12])) / HZ  # utime + stime


def children(pid):
    found = []
    try:
        for task in os.listdir(f'/proc/{pid}/task'):
            with open(f'/proc/{pid}/task/{task}/children') as f:
                found += [int(child) for child in f.read().split()]
    except OSError:
        pass
    return found


def group(thread):
    if re.match(r'C[12] CompilerThre', thread):
        return 'jit'
    if re.match(r'(GC Thread|G1 |VM Thread|GC |Gang)', thread):
        return 'gc+vm'
    return 'other'


def main(argv):
    threads = argv[:1] == ['--threads']
    command = argv[1:] if threads else argv
    start = time.monotonic()
    with open(os.environ.get('OUT', '/dev/null'), 'w') as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    total_seen, per_thread, appeared = {}, collections.defaultdict(dict), {}
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid == process.pid:
            break
        for proc in [process.pid] + children(process.pid):
            seen = cpu(f'/proc/{proc}/stat')
            if seen is None:
                continue
            total_seen[proc] = seen[1]
            appeared.setdefault(proc, time.monotonic() - start)
            if threads:
                try:
                    for task in os.listdir(f'/proc/{proc}/task'):
                        t = cpu(f'/proc/{proc}/task/{task}/stat')
                        if t:
                            per_thread[proc][task] = t
                except OSError:
                    pass
        time.sleep(0.02)
    wall = time.monotonic() - start
    whole = usage.ru_utime + usage.ru_stime
    workers = {p: c for p, c in total_seen.items() if p != process.pid}
    print(f'exit={os.waitstatus_to_exitcode(status)} wall={wall:.2f}s cpu={whole:.2f}s '
          f'launcher={whole - sum(workers.values()):.2f}s workers={sum(workers.values()):.2f}s '
          + ' '.join(f'[worker from {appeared[p]:.1f}s: {c:.2f}s]' for p, c in workers.items()))
    for proc, tasks in per_thread.items():
        groups = collections.Counter()
        for name, seconds in tasks.values():
            groups[group(name)] += seconds
        role = 'launcher' if proc == process.pid else f'worker {proc}'
        print(f'  {role}: ' + ' '.join(f'{g}={s:.2f}s' for g, s in sorted(groups.items())))
    return os.waitstatus_to_exitcode(status)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
