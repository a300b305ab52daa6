#!/usr/bin/env python3
"""A fair test of strayui/recurring-line: real furniture, recurring.

    python3 testdata/pages/build.py ../shared/corpus/pages OUT          # first
    python3 testdata/pages/inject.py --cmd "copydesk check --format json" --out OUT [--files 4]

The pages corpus has at most two pages per site, and the clean corpus has no
furniture, so neither shows the cross-file signal at the default threshold
(3 files). This builds what a desk importing several articles from one site
gets: for each site, the furniture a person did not mark as body on its first
page (the lines before the body, and after it) around the bodies of FILES
different articles of ../shared/corpus/clean/en, one directory per site
(OUT/inject/<site>/N.txt, each line a paragraph as build.py writes them),
then checks OUT/inject in one run and counts, for recurring-line alone:
furniture lines it finds, by kind, and clean body lines it reports. It
measures what the rule's heuristics let through when real furniture does
recur, and whether edited copy stays silent; not how often furniture recurs
(bysite.py). The texts stay in OUT. Standard library only.
"""
import argparse, collections, glob, json, os, shlex, shutil, subprocess
from urllib.parse import urlparse

ap = argparse.ArgumentParser()
ap.add_argument("--cmd", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--pages", default="../shared/corpus/pages")
ap.add_argument("--clean", default="../shared/corpus/clean/en")
ap.add_argument("--files", type=int, default=4)
ap.add_argument("-v", action="store_true", help="print missed furniture lines and reported body lines")
a = ap.parse_args()

gt = json.load(open(os.path.join(a.pages, "ground-truth.json")))
labels = json.load(open(os.path.join(a.out, "labels.json")))
clean = sorted(glob.glob(os.path.join(a.clean, "*.txt")))
root = os.path.join(a.out, "inject")
shutil.rmtree(root, ignore_errors=True)
first = {}
for pid in sorted(gt):
    first.setdefault(urlparse(gt[pid]["url"]).netloc or "unknown", pid)
truth = {}  # path -> {line: ("furniture", kind) | ("body", "")}
ci = 0
for site, pid in sorted(first.items()):
    text = open(os.path.join(a.out, "text", pid + ".txt")).read().split("\n")
    head = [(text[r["line"] - 1], r["kind"]) for r in labels[pid] if r["label"] == "furniture" and r.get("where") == "before"]
    tail = [(text[r["line"] - 1], r["kind"]) for r in labels[pid] if r["label"] == "furniture" and r.get("where") == "after"]
    os.makedirs(os.path.join(root, site))
    for n in range(a.files):
        lines = [l.strip() for l in open(clean[ci % len(clean)]).read().split("\n") if l.strip()]
        ci += 1
        out, lab = [lines[0]], {}
        for t, k in head:
            out.append(t); lab[len(out)] = ("furniture", k)
        for t in lines[1:]:
            out.append(t); lab[len(out)] = ("body", "")
        for t, k in tail:
            out.append(t); lab[len(out)] = ("furniture", k)
        path = os.path.join(root, site, f"{n}.txt")
        with open(path, "w") as f:
            f.write("\n\n".join(out) + "\n")  # paragraph i is on line 2i-1
        truth[path] = {2 * i - 1: v for i, v in lab.items()}
res = json.loads(subprocess.run(shlex.split(a.cmd) + [root], capture_output=True, text=True).stdout)
hit, other = collections.defaultdict(set), collections.defaultdict(set)
for f in res["files"]:
    for d in f["diagnostics"]:
        if d["category"] == "stray-ui":
            (hit if d["rule"] == "strayui/recurring-line" else other)[os.path.abspath(f["path"])].update(range(d["line"], d["end_line"] + 1))
kinds, found, alone = collections.Counter(), collections.Counter(), collections.Counter()
body = bodyhit = 0
for path, lab in truth.items():
    src = open(path).read().split("\n")
    h, o = hit[os.path.abspath(path)], other[os.path.abspath(path)]
    for line, (what, kind) in lab.items():
        if what == "body":
            body += 1
            if line in h:
                bodyhit += 1
                if a.v:
                    print("body reported:", path[len(root) + 1:], line, src[line - 1][:90])
            continue
        for k in (kind, "ALL"):
            kinds[k] += 1
            found[k] += line in h
            alone[k] += line in h and line not in o
        if a.v and line not in h and path.endswith("/0.txt"):
            print("missed:", path[len(root) + 1:], line, kind, src[line - 1][:90])
print(f"{len(first)} sites x {a.files} clean articles")
print(f"{'kind':22} {'found':>6} {'only it':>7} {'lines':>6} {'recall':>7}")
for k in sorted(kinds, key=lambda k: (k == "ALL", k)):
    print(f"{k:22} {found[k]:6} {alone[k]:7} {kinds[k]:6} {100 * found[k] / kinds[k]:6.1f}%")
print(f"clean body lines reported by recurring-line: {bodyhit} of {body} = {1000 * bodyhit / max(body, 1):.2f} per 1,000")
