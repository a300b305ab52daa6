#!/usr/bin/env python3
"""Clean newswire for counting false alarms: the Penn Treebank sample that
jdkato/prose v2 ships as test data (Wall Street Journal, 1989; about 3,900
sentences), rebuilt into 323 articles of six two-sentence paragraphs.

    python3 testdata/synth/wsj.py OUTDIR
    copydesk check --format json OUTDIR/*.txt

Read from the Go module cache at run time (`go mod download` of prose v2.0.0
puts it there); nothing is copied into this repository. Every
finding on these files is a false alarm or a real slip in the 1989 copy.
Paragraphs are cut every two sentences regardless of the original story
boundaries, so the orphan rule, which reads a whole article's vocabulary,
is not meaningful here. Quotation marks are rebuilt from the Treebank's ``
and '' tokens and are not reliable either.
"""
import json, os, re, subprocess, sys

if len(sys.argv) != 2:
    sys.exit(__doc__)
out = sys.argv[1]
# prose v2 is no longer a dependency (the plugin uses v3, which does not ship
# the Treebank sample): fetch v2's module, or find it in the cache.
mod = json.loads(subprocess.run(['go', 'mod', 'download', '-json', 'github.com/jdkato/prose/v2@v2.0.0'],
                                capture_output=True, text=True, check=True).stdout)['Dir']
base = os.path.join(mod, 'testdata')
toks = [t['text'] for t in json.load(open(os.path.join(base, 'treebank_tokens.json')))]
tags = json.load(open(os.path.join(base, 'treebank_tags.json')))

sents, cur = [], []
for w, t in zip(toks, tags):
    if t == '-NONE-':
        continue  # traces of the parse, not words
    cur.append(w)
    if t == '.':
        sents.append(cur)
        cur = []


def detok(ws):
    s = ' '.join(ws)
    s = s.replace('-LRB-', '(').replace('-RRB-', ')').replace('-LCB-', '{').replace('-RCB-', '}')
    s = s.replace('`` ', '"').replace(" ''", '"').replace('``', '"').replace("''", '"')
    s = re.sub(r' ([,.;:?!%)])', r'\1', s)
    s = s.replace('( ', '(')
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r'\1', s)
    return re.sub(r'\$ (\d)', r'$\1', s)


sents = [detok(s) for s in sents]
os.makedirs(out, exist_ok=True)
n = 0
for i in range(0, len(sents), 12):
    chunk = sents[i:i + 12]
    paras = [' '.join(chunk[k:k + 2]) for k in range(0, len(chunk), 2)]
    with open(os.path.join(out, 'wsj-%03d.txt' % n), 'w') as f:
        f.write('Wire report %d\n\n' % n + '\n\n'.join(paras) + '\n')
    n += 1
print('%d articles, %d sentences in %s' % (n, len(sents), out))
