import re, json, os, random
import sys
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'bases.py')).read())
ROOT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/copydesk-sim'
random.seed(11)
def write(out, n, head, paras, labels):
    lines=[head]
    for q in paras: lines+=["",q]
    name="%04d"%n
    open(f'{out}/{name}.txt','w').write("\n".join(lines)+"\n")
    json.dump({"case":name,"control":False,"labels":labels},open(f'{out}/{name}.json','w'))
# repetition
out=os.path.join(ROOT, 'rep'); os.system(f'rm -rf {out}; mkdir -p {out}'); n=0
for key,(head,paras) in BASES.items():
    for pi,p in enumerate(paras):
        words=p.split()
        if len(words)<10: continue
        for trial in range(2):
            k=random.randint(2,6); st=random.randint(0,len(words)-k-1)
            phrase=" ".join(words[st:st+k])
            if re.search(r'[.,;:!?"“”]$', phrase) or '"' in phrase or '“' in phrase: continue
            ins=phrase
            if st==0: ins=phrase[0].lower()+phrase[1:]
            nw=words[:st+k]; nw[-1]=nw[-1]+","; nw+= ins.split()+words[st+k:]
            ps=list(paras); ps[pi]=" ".join(nw)
            n+=1; write(out,n,head,ps,[{"class":"repetition","line":1+2*(pi+1),"text":phrase,"subtype":"dup%d"%k}])
print("rep",n)
# restated figure
out=os.path.join(ROOT, 'fig'); os.system(f'rm -rf {out}; mkdir -p {out}'); n=0
leads=["To recap, ","As mentioned, ","As previously reported, ","As noted earlier, ","Again, "]
for key,(head,paras) in BASES.items():
    for pi,p in enumerate(paras):
        nums=list(re.finditer(r'\b\d[\d,.]*\d\b|\b\d\b', p))
        if not nums or len(p.split())<8 or pi==len(paras)-1: continue
        m=random.choice(nums); v=m.group(0)
        digits=[i for i,c in enumerate(v) if c.isdigit()]
        i=random.choice(digits); nv=v[:i]+str((int(v[i])+random.randint(1,8))%10)+v[i+1:]
        if nv==v: continue
        q=p[:m.start()]+nv+p[m.end():]
        q=random.choice(leads)+q[0].lower()+q[1:] if not q.startswith(('"','“')) and not re.match(r'[A-Z]{2}', q) else random.choice(leads)+q
        at=random.randint(pi+1,len(paras))
        ps=list(paras); ps.insert(at,q)
        n+=1; write(out,n,head,ps,[{"class":"contradiction","line":1+2*(at+1),"text":nv,"subtype":"restated","related_lines":[1+2*(pi+1)]}])
print("fig",n)
# consistency swaps
out=os.path.join(ROOT, 'cons'); os.system(f'rm -rf {out}; mkdir -p {out}'); n=0
swaps=[(r'(?<=\d) pct\b',' pct',['%',' percent',' per cent']),(r'(?<=\d) mln\b',' mln',[' million']),(r'\bdlrs\b','dlrs',['dollars']),
       (r'(?<=\d) per cent\b',' per cent',['%',' percent']),(r'(?<=\d)%','%',[' per cent',' percent']),(r'(?<=\d) percent\b',' percent',['%',' per cent']),
       (r'\bU\.S\.(?=\s)','U.S.',['US']),(r'\bUS\b','US',['U.S.']),(r'\bUK\b','UK',['U.K.']),(r'\bU\.K\.(?=\s)','U.K.',['UK']),
       (r'\bMr\b(?!\.)','Mr',['Mr.']),(r'\bMrs\b(?!\.)','Mrs',['Mrs.']),(r'\bMr\.','Mr.',['Mr']),
       (r'\borganis','organis',['organiz']),(r'\bcentre','centre',['center']),(r'\bneighbour','neighbour',['neighbor']),(r'\bhonour','honour',['honor'])]
for key,(head,paras) in BASES.items():
    text="\n".join(paras)
    for pat,form,repls in swaps:
        ms=list(re.finditer(pat,text))
        if len(ms)<2: continue
        m=random.choice(ms); r=random.choice(repls)
        if form=='dlrs' and not re.search(r'(\d|mln|billion)\s*$', text[:m.start()]): continue
        t2=text[:m.start()]+r+text[m.end():]
        ps=t2.split("\n"); pi=text[:m.start()].count("\n")
        n+=1; write(out,n,head,ps,[{"class":"consistency","line":1+2*(pi+1),"text":r.strip(),"subtype":f"{form.strip()}->{r.strip()} (n={len(ms)})"}])
print("cons",n)
