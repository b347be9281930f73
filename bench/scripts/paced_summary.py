#!/usr/bin/env python3
"""One line per paced demo run (the JSON documents paced-seeds.sh leaves in a folder).

Usage: paced_summary.py DIR
Per run: injected and rejected-in-time defects, late commands, false rejects, frame-command latency
p50 / p99 / max (ms), the sintered stage's p50 and max, the coating stage's p99, the inspection pool's
busy fraction, the largest frame-queue depth, "behind the line" alarms, renderer frames late, and
cracks rejected / injected. Ends with the largest p99 and the total of late commands.
"""
import glob, json, os, sys

def main():
    if len(sys.argv) != 2:
        print(__doc__); sys.exit(2)
    worst, late, runs = 0.0, 0, 0
    for f in sorted(glob.glob(os.path.join(sys.argv[1], 'paced*.json'))):
        try:
            d = json.load(open(f))
        except ValueError as e:
            print('%-20s not a run summary: %s' % (os.path.basename(f), e)); continue
        if 'error' in d:
            print('%-20s failed: %s' % (os.path.basename(f), d['error'])); continue
        st = d.get('stages', {})
        s = st.get('sintered', {}).get('latencyMs', {})
        c = st.get('coating', {}).get('latencyMs', {})
        h = d['headroom']
        print('%-20s injected %3d rejected %3d late %d falseRejects %d | p50 %5.1f p99 %6.1f max %6.1f | sintered p50 %5.1f max %6.1f'
              ' | coating p99 %6.1f | busy %.3f queue %d behind %d rendererLate %d | cracks %d/%d' % (
                  os.path.basename(f), d['injectedDefects'], d['rejectedInjected'], d['lateCommands'], d['falseRejects'],
                  d['latencyMs']['p50'], d['latencyMs']['p99'], d['latencyMs']['max'], s.get('p50', 0), s.get('max', 0),
                  c.get('p99', 0), h['inspectionBusyFraction'], h['maxFrameQueueDepth'], h['behindAlarms'],
                  h['simulatorLateFrames'], d['cracks']['rejectedCracks'], d['cracks']['injectedCracks']))
        worst = max(worst, d['latencyMs']['p99'])
        late += d['lateCommands']
        runs += 1
    print('%d runs: largest p99 %.1f ms, %d late commands in all' % (runs, worst, late))

if __name__ == '__main__':
    main()
