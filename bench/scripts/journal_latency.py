#!/usr/bin/env python3
"""Per reject command of the last run in an actuation journal: frame complete -> decided -> sent.

Usage: journal_latency.py var/journal/station-1.jsonl [N]
Prints the N slowest commands (default 12): ms from the frame complete to the decision, from the
decision to the journal's DECIDED line, and from the frame complete to SENT; then p50 / p99 / max of
frame complete -> SENT over the commands from frames (furnace excursion commands are timed from
their reading, not a frame, and are left out of the percentiles).
"""
import collections, json, sys
from datetime import datetime

def t(s):
    s = s.rstrip('Z')
    head, _, frac = s.partition('.')
    return datetime.fromisoformat(head).timestamp() + float('0.' + (frac or '0'))

def main():
    if len(sys.argv) < 2:
        print(__doc__); sys.exit(2)
    lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    run = lines[-1]['run']
    lines = [l for l in lines if l['run'] == run]
    cmd, ev = {}, collections.defaultdict(dict)
    for l in lines:
        if l.get('command'):
            cmd[l['commandId']] = l['command']
        ev[l['commandId']].setdefault(l['outcome'], t(l['at']))
    rows = []
    for cid, c in cmd.items():
        fc, dec, e = t(c['frameCompleteAt']), t(c['decidedAt']), ev[cid]
        sent = e.get('SENT')
        rows.append((cid.split('/', 2)[2], 1000 * (dec - fc), 1000 * (e.get('DECIDED', dec) - dec),
                     1000 * (sent - fc) if sent else float('nan')))
    rows.sort(key=lambda r: -(r[3] if r[3] == r[3] else -1))
    print('run', run, 'commands', len(rows), dict(collections.Counter(o for x in ev.values() for o in x)))
    print('%-45s %9s %9s %9s' % ('command', 'decide', 'journal', 'sent'))
    for r in rows[:int(sys.argv[2]) if len(sys.argv) > 2 else 12]:
        print('%-45s %9.0f %9.0f %9.0f' % r)
    s = sorted(r[3] for r in rows if '/furnace/' not in '/' + r[0] and r[3] == r[3])
    if s:
        print('frame commands %d, frame complete -> sent: p50 %.0f ms, p99 %.0f ms, max %.0f ms'
              % (len(s), s[len(s) // 2], s[min(len(s) - 1, int(0.99 * len(s)))], s[-1]))

if __name__ == '__main__':
    main()
