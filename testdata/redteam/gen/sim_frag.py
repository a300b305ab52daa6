import re, json, os, subprocess, random
import sys
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'bases.py')).read())
ROOT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/copydesk-sim'
random.seed(7)
out=os.path.join(ROOT, 'frag'); os.system(f'rm -rf {out}; mkdir -p {out}')
n=0; meta={}
SUB=["when","after","because","while","although","before","as","since","unless","if"]
PREP=["of","with","in","for","at","on","from","including","amid","despite"]
for key,(head,paras) in BASES.items():
    for pi,p in enumerate(paras):
        sents=re.split(r'(?<=[.!?])\s+(?=[A-Z"“])', p)
        for si,s in enumerate(sents):
            if s.startswith('"') or s.startswith('“') or '"' in s or '“' in s: continue
            words=s.split()
            for wi,w in enumerate(words[3:-2],3):
                lw=w.lower()
                kind=None
                if lw in SUB: kind="split-subordinate-clause"
                elif lw in PREP: kind="split-noun-phrase"
                if not kind: continue
                first=" ".join(words[:wi]).rstrip(",")+"."
                rest=words[wi:] if kind=="split-subordinate-clause" or lw!="of" else words[wi+1:]
                if len(rest)<2: continue
                tail=" ".join(rest); tail=tail[0].upper()+tail[1:]
                if not tail.endswith(('.', '!', '?')): tail=tail.rstrip(',;')+'.'
                ns=sents[:si]+[first,tail]+sents[si+1:]
                ps=list(paras); ps[pi]=" ".join(ns)
                lines=[head]
                for q in ps: lines+=["",q]
                n+=1; name="%04d"%n
                line=1+2*(pi+1)
                open(f'{out}/{name}.txt','w').write("\n".join(lines)+"\n")
                json.dump({"case":name,"control":False,"labels":[{"class":"fragment","line":line,"text":tail,"subtype":kind+":"+lw}]},open(f'{out}/{name}.json','w'))
                break  # one split per sentence
print(n)

# Not every split leaves a fragment ("...about 10 per cent of | drivers
# admitted..." leaves a sentence). frag-verbless keeps the splits whose tail
# has no verb by a rough word list, the shape the hidden set's splits take.
import glob, shutil
VERBS = set("said says is are was were be been has have had will would could can may might must shall does did do rose fell took made make makes went came gave got led held sold won saw began remain remains runs ran stands stood grew lives live hatches skips play plays hit saved send run drive drives take takes expects expect wants want helped use uses fetched".split())
keep = os.path.join(ROOT, 'frag-verbless'); os.system(f'rm -rf {keep}; mkdir -p {keep}')
k = 0
for j in sorted(glob.glob(os.path.join(out, '*.json'))):
    t = json.load(open(j))['labels'][0]['text']
    words = re.findall(r"[A-Za-z'-]+", t)
    if any(w.lower() in VERBS or (w.lower().endswith('ed') and len(w) > 4) for w in words):
        continue
    k += 1
    for ext in ('.json', '.txt'):
        shutil.copy(j[:-5] + ext, keep)
print(k, "verbless tails")
