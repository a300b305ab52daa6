#!/usr/bin/env python3
"""Score stray-ui findings on the labelled page texts made by build.py.

    python3 testdata/pages/score.py --cmd "/tmp/cd check --format json" [--out /tmp/copydesk-pages] [--html] [-v]

Runs the command over OUT/text (or, with --html, over the raw pages in
OUT/html) and counts, for the stray-ui category only:
  recall      furniture lines with a finding on them, by kind of furniture;
  false alarms  body lines with a finding, per 1,000 body lines (printed
              verbatim with -v: they are read, never stored in the repository),
              raw and net of reviewed-body.tsv (body lines that are page
              furniture by eye though the person kept them in the articleBody;
              the raw figure is always printed).  -v marks reviewed ones REVIEWED.
With --html a finding is placed by its source byte offsets on the lines build.py
recorded; findings outside the labelled window are counted apart.
"""
import argparse
import collections
import json
import os
import shlex
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--cmd", required=True)
ap.add_argument("--out", default="/tmp/copydesk-pages")
ap.add_argument("--html", action="store_true")
ap.add_argument("-v", action="store_true", help="print false alarms and misses")
ap.add_argument("--misses", action="store_true", help="print missed furniture lines")
ap.add_argument("--category", default="stray-ui")
ap.add_argument("--reviewed", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "reviewed-body.tsv"))
a = ap.parse_args()

reviewed = set()  # (page id, line) judged furniture by eye
for n, ln in enumerate(open(a.reviewed, encoding="utf-8"), 1):
    if ln.startswith("#") or not ln.strip():
        continue
    f = ln.rstrip("\n").split("\t")
    if len(f) != 4 or f[2] != "TRUE" or not f[1].isdigit():
        sys.exit(f"{a.reviewed}:{n}: want page id<TAB>line<TAB>TRUE<TAB>reason")
    reviewed.add((f[0], int(f[1])))

labels = json.load(open(os.path.join(a.out, "labels.json"), encoding="utf-8"))
sub = "html" if a.html else "text"
res = subprocess.run(shlex.split(a.cmd) + [os.path.join(a.out, sub)], capture_output=True, text=True)
if res.returncode not in (0, 1):
    sys.exit(f"command failed ({res.returncode}): {res.stderr[:2000]}")
out = json.loads(res.stdout)

hit = collections.defaultdict(set)  # id -> indexes of labelled lines with a finding
outside = collections.Counter()
rules = collections.Counter()
for f in out["files"]:
    pid = os.path.basename(f["path"]).split(".")[0]
    recs = labels.get(pid)
    if recs is None:
        continue
    for d in f.get("diagnostics") or []:
        if d["category"] != a.category:
            continue
        got = False
        for i, r in enumerate(recs):
            if a.html:
                if r["src_start"] < 0:
                    continue
                if d["offset"] < r["src_end"] and d["end_offset"] > r["src_start"]:
                    hit[pid].add(i); got = True
            elif d["line"] <= r["line"] <= d["end_line"]:
                hit[pid].add(i); got = True
        if got:
            rules[d["rule"]] += 1
        else:
            outside[d["rule"]] += 1

kinds = collections.Counter()
kfound = collections.Counter()
body = bodyhit = bodyrev = table = tablehit = 0
fa, miss = [], []
for pid, recs in labels.items():
    texts = None
    if a.v or a.misses:
        texts = open(os.path.join(a.out, "text", pid + ".txt"), encoding="utf-8").read().split("\n")
    for i, r in enumerate(recs):
        h = i in hit[pid]
        if r["label"] == "furniture":
            kinds[r["kind"]] += 1
            kinds["ALL"] += 1
            if h:
                kfound[r["kind"]] += 1
                kfound["ALL"] += 1
            elif a.misses:
                miss.append((pid[:8], r["line"], r["kind"], texts[r["line"] - 1][:100]))
        elif r["label"] == "body":
            body += 1
            if h:
                bodyhit += 1
                rev = (pid, r["line"]) in reviewed
                bodyrev += rev
                if a.v:
                    fa.append(("FALSE ALARM" + (" (REVIEWED furniture)" if rev else ""), pid[:8], r["line"], texts[r["line"] - 1]))
        elif r["label"] == "table":
            table += 1
            tablehit += h

print(f"variant: {sub}   pages: {len(labels)}")
print(f"{'kind':22} {'found':>6} {'lines':>6} {'recall':>7}")
for k in sorted(kinds, key=lambda k: (k == 'ALL', k)):
    print(f"{k:22} {kfound[k]:6} {kinds[k]:6} {100 * kfound[k] / kinds[k]:6.1f}%")
nb = kinds["ALL"] - kinds["byline-date-caption"]
fb = kfound["ALL"] - kfound["byline-date-caption"]
print(f"{'ALL but byline-date':22} {fb:6} {nb:6} {100 * fb / max(nb, 1):6.1f}%")
if a.html:
    ne = sum(1 for v in labels.values() for r in v if r["label"] == "furniture" and not r.get("element"))
    fe = sum(1 for pid, v in labels.items() for i, r in enumerate(v) if r["label"] == "furniture" and not r.get("element") and i in hit[pid])
    print(f"{'outside aside/nav/...':22} {fe:6} {ne:6} {100 * fe / max(ne, 1):6.1f}%  (furniture the HTML reader does not already mark)")
print(f"body lines with a finding (raw): {bodyhit} of {body} = {1000 * bodyhit / max(body, 1):.2f} per 1,000")
print(f"  net of reviewed-body.tsv: {bodyhit - bodyrev} of {body} = {1000 * (bodyhit - bodyrev) / max(body, 1):.2f} per 1,000"
      f"  ({bodyrev} flagged lines are furniture by eye)")
print(f"table cells with a finding: {tablehit} of {table}")
print("findings on labelled lines by rule:", dict(rules))
if outside:
    print("findings outside the labelled lines by rule:", dict(outside))
for x in fa:
    print(*x)
for x in miss:
    print("MISS", *x)
