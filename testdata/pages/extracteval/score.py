#!/usr/bin/env python3
"""Compare main-content extractors on the labelled pages (see README in this folder).

    python3 score.py OUT/extract.json [OUT]     (OUT defaults to /tmp/copydesk-pages)

For each extractor: the share of body lines its text keeps (higher is better)
and the share of furniture lines it keeps (lower is better), by substring
match of the normalised line in the normalised extracted text.
"""
import collections
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from build import norm  # noqa: E402

out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/copydesk-pages"
L = json.load(open(os.path.join(out, "labels.json"), encoding="utf-8"))
X = json.load(open(sys.argv[1], encoding="utf-8"))
for tool in ["trafilatura", "readability"]:
    c = collections.Counter()
    for pid, recs in L.items():
        txt = norm(X.get(pid + ".html", {}).get(tool, ""))
        if not txt:
            c["empty"] += 1
        lines = open(os.path.join(out, "text", pid + ".txt"), encoding="utf-8").read().split("\n")
        for r in recs:
            if r["label"] in ("body", "furniture"):
                c[(r["label"], norm(lines[r["line"] - 1]) in txt)] += 1
    nb = c[("body", True)] + c[("body", False)]
    nf = c[("furniture", True)] + c[("furniture", False)]
    print(f"{tool}: body lines kept {100 * c[('body', True)] / nb:.1f}% ({c[('body', False)]} of {nb} dropped), "
          f"furniture lines kept {100 * c[('furniture', True)] / nf:.1f}% ({c[('furniture', True)]} of {nf}), pages with no text {c['empty']}")
