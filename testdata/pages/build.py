#!/usr/bin/env python3
"""Build the labelled page texts of ../shared/corpus/pages at run time.

    python3 testdata/pages/build.py [PAGES_DIR] [OUT_DIR]
    (defaults: ../shared/corpus/pages and /tmp/copydesk-pages)

The texts stay out of the repository (the pages belong to their publishers);
this script makes them into OUT_DIR:

  OUT_DIR/text/<id>.txt   the text a careless import leaves: the page's
                          headline, then every text line of the page from
                          BEFORE lines above the first line of the article
                          body to AFTER lines below its last one, each line a
                          paragraph of its own -- so share bars, related
                          headlines, comment forms, newsletter boxes,
                          copyright lines and menus next to the body stay
                          where they sit.
  OUT_DIR/html/<id>.html  the raw page, decoded and re-encoded as UTF-8.
  OUT_DIR/labels.json     {id: [{"line", "label", "kind", "text_start",
                          "src_start", "src_end"}]}: each line of the text
                          file, labelled "headline" (line 1), "body" (it
                          occurs in the person-marked articleBody) or
                          "furniture" ("table" for a table's cells inside
                          the story, which are content, counted apart), "element"
                          (inside aside/nav/footer/header/form: the open ones, outermost first, as
                          "nav" or "footer>form", after "article>" inside an <article>;
                          "" outside them), with a rough kind for furniture
                          (see kind()) and its byte range in the HTML file.

A line is body when its normalised text occurs in the normalised articleBody
and it has at least 4 words or is a whole paragraph of it; a longer line
that does not occur verbatim is body when half of its word 5-grams do.
Standard library only.
"""
import gzip
import json
import os
import re
import sys
import unicodedata
from html.parser import HTMLParser

BEFORE = 10  # lines kept above the first body line
AFTER = 30   # lines kept below the last body line

SKIP = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "canvas", "select", "datalist", "head"}
BLOCK = set("""p h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote figure figcaption caption table
thead tbody tfoot tr td th aside nav footer header form div section article main body html pre hr
title address details summary fieldset legend button label option br""".split())
FURN = set("aside nav footer header form".split())  # copydesk's HTML reader makes these Aside blocks
VOID = set("area base br col embed hr img input link meta source track wbr param".split())


class Lines(HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.starts = [0]
        for m in re.finditer("\n", text):
            self.starts.append(m.end())
        self.skip = []
        self.lines = []  # (text, char_start, char_end)
        self.cur = []
        self.cur_start = None
        self.title = ""
        self.in_title = False
        self.table = 0  # open <table> elements
        self.furn = []  # open aside/nav/footer/header/form elements
        self.article = 0  # open <article> elements

    def off(self):
        ln, col = self.getpos()
        return self.starts[ln - 1] + col

    def flush(self):
        if self.cur:
            t = re.sub(r"\s+", " ", "".join(self.cur)).strip()
            if t:
                where = ("article>" if self.article else "") + ">".join(self.furn) if self.furn else ""
                self.lines.append((t, self.cur_start, self.off(), self.table > 0, where))
        self.cur, self.cur_start = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in SKIP and tag not in VOID:
            self.skip.append(tag)
        if not self.skip and tag in BLOCK:
            self.flush()
        if not self.skip and tag == "table":
            self.table += 1
        if not self.skip and tag in FURN:
            self.furn.append(tag)
        if not self.skip and tag == "article":
            self.article += 1

    def handle_startendtag(self, tag, attrs):
        if not self.skip and tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.skip and tag in SKIP:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if not self.skip and tag in BLOCK:
            self.flush()
        if not self.skip and tag == "table" and self.table > 0:
            self.table -= 1
        if not self.skip and tag == "article" and self.article > 0:
            self.article -= 1
        if not self.skip and tag in self.furn:
            while self.furn and self.furn.pop() != tag:
                pass

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.skip:
            return
        if self.cur_start is None:
            if not data.strip():
                return
            self.cur_start = self.off()
        self.cur.append(data)


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    s = s.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-", "—": "-"}))
    return re.sub(r"\s+", " ", s).strip()


def words(s):
    return re.findall(r"\w+", s)


def decode(raw):
    for enc in ("utf-8", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace")


COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright|all rights reserved|alle rechte vorbehalten|tous droits", re.I)
DATEISH = re.compile(r"\b(19|20)\d\d\b|\b\d{1,2}:\d\d\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\b(updated|published|posted)\b|\bago\b", re.I)
SEP = re.compile(r"\s[|•·/»>]\s|\s[|•·]|[|•·]\s")


def kind(text, where):
    """A rough kind of a furniture line, for recall by kind.

    where is "before" (above the first body line), "inside" or "after"."""
    n = len(words(text))
    if COPYRIGHT.search(text):
        return "copyright"
    if where == "before" or (n <= 12 and re.match(r"(?i)by\s|photo|image|credit|\(?(ap|reuters|afp|getty)", text)):
        if re.match(r"(?i)by\s", text) or DATEISH.search(text) or re.search(r"(?i)photo|getty|credit|image", text):
            return "byline-date-caption"
    if SEP.search(text) and n <= 25:
        return "joined-labels"
    if n <= 4:
        return "label"
    if n <= 20 and not text.rstrip().endswith("."):
        return "headline" if where != "before" else "nav-or-header"
    return "other"


def build(pages, out):
    truth = json.load(open(os.path.join(pages, "ground-truth.json"), encoding="utf-8"))
    os.makedirs(os.path.join(out, "text"), exist_ok=True)
    os.makedirs(os.path.join(out, "html"), exist_ok=True)
    labels = {}
    for pid in sorted(truth):
        path = os.path.join(pages, "html", pid + ".html.gz")
        if not os.path.exists(path):
            continue
        text = decode(gzip.open(path).read())
        body = truth[pid]["articleBody"]
        bnorm = norm(body)
        paras = {norm(p) for p in re.split(r"\n+", body) if p.strip()}
        grams = set()
        bw = words(bnorm)
        for i in range(len(bw) - 4):
            grams.add(tuple(bw[i:i + 5]))
        p = Lines(text)
        p.feed(text)
        p.close()
        p.flush()
        lab = []
        for t, s, e, _, _ in p.lines:
            nt = norm(t)
            w = words(nt)
            isbody = False
            if nt in paras:
                isbody = True
            elif len(w) >= 4 and nt in bnorm:
                isbody = True
            elif len(w) >= 8:
                g = [tuple(w[i:i + 5]) for i in range(len(w) - 4)]
                isbody = sum(x in grams for x in g) * 2 >= len(g)
            lab.append(isbody)
        # The body's extent is set by its lines of 6 words or more: a short
        # line such as the story's title also recurs in menus and lists.
        idx = [i for i, b in enumerate(lab) if b and len(words(p.lines[i][0])) >= 6]
        if not idx:
            print(f"{pid}: no body line found, skipped", file=sys.stderr)
            continue
        first, last = idx[0], idx[-1]
        for i in range(len(lab)):
            if lab[i] and not first <= i <= last:
                lab[i] = False
        lo, hi = max(0, first - BEFORE), min(len(lab), last + AFTER + 1)
        # UTF-8 byte offsets of the character offsets the parser gives.
        enc = text.encode("utf-8")
        headline = re.sub(r"\s+", " ", p.title).strip() or "Untitled"
        out_lines = [headline]
        recs = [{"line": 1, "label": "headline", "kind": "", "where": "", "src_start": -1, "src_end": -1}]
        for i in range(lo, hi):
            t, s, e, intable, infurn = p.lines[i]
            where = "before" if i < first else ("after" if i > last else "inside")
            lineno = 2 * len(out_lines) + 1
            out_lines.append(t)
            label = "body" if lab[i] else "furniture"
            if intable and where == "inside":
                label = "table"  # a table in the story: content the person left out, not furniture
            recs.append({"line": lineno, "label": label,
                         "kind": kind(t, where) if label == "furniture" else "", "where": where, "element": infurn,
                         "src_start": s, "src_end": e})
        # char offsets -> byte offsets, in one pass
        marks = sorted({r["src_start"] for r in recs if r["src_start"] >= 0} | {r["src_end"] for r in recs if r["src_end"] >= 0})
        m, pos, acc = {}, 0, 0
        for c in marks:
            acc += len(text[pos:c].encode("utf-8"))
            pos = c
            m[c] = acc
        for r in recs:
            if r["src_start"] >= 0:
                r["src_start"], r["src_end"] = m[r["src_start"]], m[r["src_end"]]
        with open(os.path.join(out, "text", pid + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(out_lines) + "\n")
        with open(os.path.join(out, "html", pid + ".html"), "wb") as f:
            f.write(enc)
        labels[pid] = recs
    with open(os.path.join(out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f)
    nb = sum(r["label"] == "body" for v in labels.values() for r in v)
    nf = sum(r["label"] == "furniture" for v in labels.values() for r in v)
    print(f"{len(labels)} pages, {nb} body lines, {nf} furniture lines -> {out}", file=sys.stderr)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    pages = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "shared", "corpus", "pages")
    out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/copydesk-pages"
    build(pages, out)
