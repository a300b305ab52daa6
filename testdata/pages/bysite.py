#!/usr/bin/env python3
"""Measure strayui/recurring-line with the pages of ../shared/corpus/pages grouped by site.

    python3 testdata/pages/build.py ../shared/corpus/pages OUT      # first
    python3 testdata/pages/bysite.py --cmd "copydesk check --format json" --out OUT [--config FILE]

The cross-file rule compares the articles of one source (a directory) in one
run, and build.py puts all 93 pages, from 77 sites, in one directory, so a
line must recur across sites to count. This script copies OUT/text/<id>.txt
to OUT/bysite/<site>/<id>.txt (the site is the page URL's host), checks
OUT/bysite in one run, and counts, for recurring-line alone: furniture lines
it finds by kind (and those no other stray-ui rule finds), and body lines it
reports. The corpus has at most two pages per site, so pass a --config that
sets recurring_min_files = 2; with the default 3 nothing can recur.
Standard library only; the texts stay in OUT.
"""
import argparse, collections, json, os, shlex, shutil, subprocess, sys
from urllib.parse import urlparse

ap = argparse.ArgumentParser()
ap.add_argument("--cmd", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--pages", default="../shared/corpus/pages")
ap.add_argument("--config")
ap.add_argument("-v", action="store_true", help="print the body lines reported")
a = ap.parse_args()

gt = json.load(open(os.path.join(a.pages, "ground-truth.json")))
labels = json.load(open(os.path.join(a.out, "labels.json")))
root = os.path.join(a.out, "bysite")
shutil.rmtree(root, ignore_errors=True)
site = {}
for pid, v in gt.items():
    host = urlparse(v["url"]).netloc or "unknown"
    site[pid] = host
    os.makedirs(os.path.join(root, host), exist_ok=True)
    shutil.copy(os.path.join(a.out, "text", pid + ".txt"), os.path.join(root, host, pid + ".txt"))
cmd = shlex.split(a.cmd) + (["--config", a.config] if a.config else []) + [root]
res = json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout)
hit = collections.defaultdict(set)    # pid -> lines recurring-line covers
other = collections.defaultdict(set)  # pid -> lines other stray-ui rules cover
for f in res["files"]:
    pid = os.path.basename(f["path"])[:-4]
    for d in f["diagnostics"]:
        if d["category"] != "stray-ui":
            continue
        lines = range(d["line"], d["end_line"] + 1)
        (hit if d["rule"] == "strayui/recurring-line" else other)[pid].update(lines)
groups = collections.Counter(site.values())
kinds, found, alone = collections.Counter(), collections.Counter(), collections.Counter()
body = bodyhit = 0
for pid, rows in labels.items():
    text = open(os.path.join(a.out, "text", pid + ".txt")).read().split("\n")
    for r in rows:
        if r["label"] == "furniture" and groups[site[pid]] > 1:
            kinds[r["kind"]] += 1
            kinds["ALL"] += 1
            if r["line"] in hit[pid]:
                found[r["kind"]] += 1
                found["ALL"] += 1
                if r["line"] not in other[pid]:
                    alone[r["kind"]] += 1
                    alone["ALL"] += 1
        elif r["label"] == "body":
            body += 1
            if r["line"] in hit[pid]:
                bodyhit += 1
                if a.v:
                    print("body:", pid[:8], r["line"], text[r["line"] - 1][:100])
print(f"sites with 2+ pages: {sum(1 for n in groups.values() if n > 1)} ({sum(n for n in groups.values() if n > 1)} pages)")
print(f"{'kind (those pages)':22} {'found':>6} {'only it':>7} {'lines':>6}")
for k in sorted(kinds, key=lambda k: (k == "ALL", k)):
    print(f"{k:22} {found[k]:6} {alone[k]:7} {kinds[k]:6}")
print(f"body lines reported by recurring-line: {bodyhit} of {body} (all pages) = {1000 * bodyhit / max(body, 1):.2f} per 1,000")
