#!/usr/bin/env python3
"""CPU seconds per thread of a JFR recording, before and after a moment (e.g. the line start).

Usage: jfr_thread_cpu.py RECORDING.jfr [START_UTC] [CORES]
  RECORDING  made with -XX:StartFlightRecording=filename=...,settings=profile,jdk.ThreadCPULoad#period=1s
             (the profile settings with jdk.ThreadCPULoad every 1 s)
  START_UTC  ISO time (e.g. 2026-11-30T07:33:12.9, from the demo's "warmed up" log line);
             threads are summed separately before and after it. Without it: the whole recording.
  CORES      the machine's cores (default: this machine's); JFR reports each thread's load as a
             fraction of the whole machine, so cpu-s = load x cores x period (1 s).
Thread names are folded (Camel's "thread #N - " and trailing numbers removed). Needs `jfr` (JDK).
"""
import collections, json, os, re, subprocess, sys
from datetime import datetime

def main():
    if len(sys.argv) < 2:
        print(__doc__); sys.exit(2)
    rec = sys.argv[1]
    start = datetime.fromisoformat(sys.argv[2]).timestamp() if len(sys.argv) > 2 else None
    cores = int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count()
    out = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ThreadCPULoad', rec],
                         capture_output=True, text=True, check=True).stdout
    acc = collections.defaultdict(collections.Counter)
    for e in json.loads(out)['recording']['events']:
        v = e['values']
        t = v['eventThread']['javaName'] if v.get('eventThread') else '?'
        t = re.sub(r'\d+$', '#', re.sub(r'thread #\d+ - ', '', t))
        ts = datetime.fromisoformat(v['startTime'][:26].replace('Z', '')).timestamp()
        part = 'whole' if start is None else ('before' if ts < start else 'after')
        acc[part][t] += cores * (v['user'] + v['system'])
    for part, threads in acc.items():
        print('%s: %.1f cpu-s' % (part, sum(threads.values())))
        for name, s in threads.most_common(12):
            print('  %7.2f  %s' % (s, name))

if __name__ == '__main__':
    main()
