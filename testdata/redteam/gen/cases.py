import json, os, sys, copy, datetime
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'bases.py')).read())

CASES = []
def case(base, edits=(), tail=(), labels=(), control=False):
    CASES.append(dict(base=base, edits=list(edits), tail=list(tail), labels=list(labels), control=control))

def R(i, old, new): return ("rep", i, old, new)
def INS(i, text): return ("ins", i, text)
def SET(i, text): return ("set", i, text)
def L(cls, sub, text, rel=None, nth=0): return dict(cls=cls, sub=sub, text=text, rel=rel, nth=nth)

def build(c):
    head, paras = BASES[c["base"]]
    paras = list(paras)
    # apply edits in order; ins indexes refer to current list
    for e in c["edits"]:
        if e[0] == "rep":
            idx = [i for i, p in enumerate(paras) if e[2] in p]
            assert idx, (c["base"], e)
            paras[idx[0]] = paras[idx[0]].replace(e[2], e[3], 1)
        elif e[0] == "ins":
            paras.insert(e[1], e[2])
        elif e[0] == "set":
            paras[e[1]] = e[2]
    lines = [head]
    for p in paras + c["tail"]:
        lines += ["", p]
    labels = []
    for l in c["labels"]:
        hits = [i + 1 for i, s in enumerate(lines) if l["text"] in s]
        assert hits, (c["base"], l["text"])
        lab = {"class": l["cls"], "line": hits[l["nth"]], "text": l["text"], "subtype": l["sub"]}
        if l["rel"]:
            rh = [i + 1 for i, s in enumerate(lines) if l["rel"] in s and i + 1 != lab["line"]]
            assert rh, (c["base"], l["rel"])
            lab["related_lines"] = [rh[0]]
        labels.append(lab)
    return "\n".join(lines) + "\n", labels

# ---- credit lines and bios (synthetic names) ----
CR = {
 "W1": "Reporting by Helena Marsh; Editing by Tobias Wren",
 "W3": "Reporting by Diego Alvarez in Madrid; Editing by Ruth Callow",
 "B1": "Reporting by Oliver Pennington; Writing by Sunita Rao; Editing by Mark Ellery",
 "R3": "Reporting by Kenji Morimoto; Editing by Alan Whitfield and Joanna Bell",
 "R4": "Reporting by Claire Dubois in Toronto; Additional reporting by Pavel Novak; Editing by Simon Hart",
}
BIO = {
 "W1": "Helena Marsh is a Wikinews contributor based in Leeds who writes about transport and the environment.",
 "W3": "Diego Alvarez covers Spanish politics and urban affairs from Madrid, where he has been based since 2009.",
 "B1": "Oliver Pennington is a business reporter for the BBC. He previously covered retail and consumer affairs in Manchester.",
 "R3": "Kenji Morimoto is Reuters's economics correspondent in Tokyo. He joined the agency in 1979.",
 "R4": "Claire Dubois has covered mining and metals for Reuters since 1981, with postings in Montreal and Johannesburg.",
}

# ---------------- controls ----------------
for k in BASES:
    if k in CR:
        case(k, tail=[CR[k], BIO[k]], control=True)
    else:
        case(k, control=True)
# extra controls: different credit shapes on other bases
case("W2", tail=["Reporting by Ana Lucia Pereira; Writing by Tom Becker; Editing by Grace Ndlovu",
                 "Ana Lucia Pereira is a science writer in Quito who has reported on biodiversity in the Andes since 2005."], control=True)
case("B4", tail=["Reporting by Fiona MacLeod; Editing by David Okafor",
                 "Fiona MacLeod is a transport correspondent for the BBC, based in Edinburgh. She joined the corporation in 1996."], control=True)
case("R6", tail=["Reporting by Marcus O'Neill in Dallas; Editing by Linda Cho",
                 "Marcus O'Neill covers airlines and aerospace for Reuters from Dallas. He was previously based in Chicago."], control=True)
case("W6", tail=["Reporting by Jean-Pierre Laurent in Paris and Anna Kowalska in Warsaw; Editing by Hugh Barrow",
                 "Jean-Pierre Laurent is a labour and health correspondent in Paris. He studied economics at the University of Lyon."], control=True)
case("R2", tail=["Reporting by Peter McAllister; Editing by Susan Grey"], control=True)
case("B6", tail=["Reporting by Rachel Adeyemi; Editing by Ian Forbes",
                 "Rachel Adeyemi is the BBC's education correspondent and a former secondary school teacher."], control=True)
case("W5", tail=["Reporting by Luca De Rosa; Editing by Helen Strand",
                 "Luca De Rosa is a sports reporter who has covered European football for Wikinews since 2012."], control=True)

case("B7", tail=["Reporting by Hannah Price; Compiled by Tom Lewis", "Hannah Price is the BBC's home affairs correspondent."], control=True)
case("R7", tail=["Reporting by Joao Ferreira; Editing by Alan Whitfield"], control=True)

case("R8", control=True)
case("R9", tail=["Reporting by Kim Soo-jin; Editing by Alan Whitfield", "Kim Soo-jin covers the South Korean economy for Reuters from Seoul."], control=True)
case("B8", control=True)
case("W8", control=True)
case("W9", tail=["Reporting by Ingrid Solberg in Oslo; Additional reporting by Erik Lindqvist in Stockholm; Editing by Ruth Callow",
                 "Ingrid Solberg is a Wikinews contributor in Oslo who writes about Nordic politics and the fishing industry."], control=True)
case("B9", tail=["Reporting by José Ángel Núñez; Editing by Siobhán O'Reilly", "José Ángel Núñez is an arts reporter for the BBC. He joined the corporation in 2001 from a regional newspaper."], control=True)


# ---------------- byline ----------------
case("W1", tail=["Reporting by Helena Mrash; Editing by Tobias Wren", BIO["W1"]],
     labels=[L("byline", "credit-name-misspelt", "Helena Mrash", rel="Helena Marsh is")])
case("R4", tail=["Reporting by Claire Dubos in Toronto; Additional reporting by Pavel Novak; Editing by Simon Hart", BIO["R4"]],
     labels=[L("byline", "credit-name-misspelt", "Claire Dubos", rel="Claire Dubois has")])
case("B1", tail=["Reportage by Oliver Pennington; Writing by Sunita Rao; Editing by Mark Ellery", BIO["B1"]],
     labels=[L("byline", "credit-verb", "Reportage by")])
case("R3", tail=["Reporting by Kenji Morimoto; Proofing of Alan Whitfield and Joanna Bell", BIO["R3"]],
     labels=[L("byline", "credit-verb", "Proofing of")])
case("W3", tail=["Reporting by Diego Alvarez in Madrid; Editting by Ruth Callow", BIO["W3"]],
     labels=[L("byline", "credit-verb", "Editting by")])
case("R1", tail=["Reporting by Nathan Greer; Editing by Alan Whitfield", "nathan gerer", "Nathan Greer covers industrial companies for Reuters from Chicago."],
     labels=[L("byline", "garbled-name-line", "nathan gerer")])
case("B3", tail=["Reporting by Imogen Sharpe; Editing by Mark Ellery", "Imogen Sharpe is an arts and entertainment reporter for the BBC, based in London."],
     edits=[], labels=[])  # clean byline within a defective case below? keep as control-ish -> mark control
CASES[-1]["control"] = True
case("W4", tail=["Reporting by Ravi Menon; Editing by Tobias Wren", "Katrin Vogel is a freelance journalist in Denver who covers natural disasters and the climate."],
     labels=[L("byline", "credit-bio-mismatch", "Ravi Menon", rel="Katrin Vogel is")])
case("B5", tail=["Reporting by Sophie Lambert; Editing by Ian Forbes", "Daniel Whitaker is the BBC's transport correspondent. He has reported on the aviation industry since 1994."],
     labels=[L("byline", "credit-bio-mismatch", "Sophie Lambert", rel="Daniel Whitaker is")])

# ---------------- stray-ui ----------------
case("W2", tail=["Reporting by Ana Lucia Pereira; Editing by Grace Ndlovu", "Ana Lucia Pereira is a science writer in Quito who has reported on biodiversity in the Andes since 2005.", "Schreibe einen Kommentar", "Kommentar abschicken"],
     labels=[L("stray-ui", "foreign-ui:de", "Schreibe einen Kommentar"), L("stray-ui", "foreign-ui:de", "Kommentar abschicken")])
case("B2", tail=["Deja una respuesta", "Publicar el comentario"],
     labels=[L("stray-ui", "foreign-ui:es", "Deja una respuesta"), L("stray-ui", "foreign-ui:es", "Publicar el comentario")])
case("R6", edits=[INS(3, "Laisser un commentaire")],
     labels=[L("stray-ui", "foreign-ui:fr", "Laisser un commentaire")])
case("W6", tail=["Lascia un commento"],
     labels=[L("stray-ui", "foreign-ui:it", "Lascia un commento")])
case("B6", edits=[INS(4, "READ  Airline to cut 1,500 jobs as fuel costs soar")],
     labels=[L("stray-ui", "read-link", "READ  Airline to cut")])
case("R2", edits=[INS(2, "READ  Japan trade surplus narrows in February")],
     labels=[L("stray-ui", "read-link", "READ  Japan trade")])
case("W5", tail=["Share this:", "Click to share on Facebook (Opens in new window)", "Related"],
     labels=[L("stray-ui", "english-chrome", "Share this:"), L("stray-ui", "english-chrome", "Click to share on Facebook"), L("stray-ui", "english-chrome", "Related", nth=-1)])
case("B4", edits=[INS(3, "Advertisement")],
     labels=[L("stray-ui", "english-chrome", "Advertisement")])
case("R5", tail=["Post a Comment", "Comments are closed."],
     labels=[L("stray-ui", "english-chrome", "Post a Comment"), L("stray-ui", "english-chrome", "Comments are closed.")])
case("W3", tail=[CR["W3"], BIO["W3"], "Zostaw komentarz", "Anuluj pisanie odpowiedzi"],
     labels=[L("stray-ui", "foreign-ui:pl", "Zostaw komentarz"), L("stray-ui", "foreign-ui:pl", "Anuluj pisanie")])

# ---------------- contradiction ----------------
case("B5", edits=[R(3, "Unions said they were disappointed", "Swedish ministers called the cuts a blow to Stockholm. Unions said they were disappointed")],
     labels=[L("contradiction", "alias-self-reference", "Swedish ministers called the cuts a blow to Stockholm.")])
case("R3", edits=[R(3, "Ministry officials said", "Japanese officials said they had not consulted Tokyo on the release. Ministry officials said")],
     labels=[L("contradiction", "alias-self-reference", "they had not consulted Tokyo")])
case("W6", edits=[INS(5, "As reported earlier, the union representing nurses, porters and cleaners said about 9,000 of its members took part in the 24-hour strike.")],
     labels=[L("contradiction", "number-restated-differently", "about 9,000 of its members", rel="about 7,000 of its members")])
case("R6", edits=[INS(5, "As previously reported, capacity increased 6.5 pct to 2.12 billion available seat miles.")],
     labels=[L("contradiction", "number-restated-differently", "capacity increased 6.5 pct", rel="Capacity increased 8.5 pct")])
case("B1", edits=[INS(6, "To recap, pre-tax profits rose to £321m in the six months to August, up from £279m a year earlier.")],
     labels=[L("contradiction", "number-restated-differently", "£321m", rel="£312m")])
case("W3", edits=[SET(0, wdate(2016, 5, 4).replace("Wednesday", "Thursday"))],
     labels=[L("contradiction", "weekday-date-mismatch", "Thursday, May 4, 2016")])
case("W1", edits=[R(6, "The operator said", "Repairs are due to begin on Friday, March 22, 2011. The operator said")],
     labels=[L("contradiction", "weekday-date-mismatch", "Friday, March 22, 2011")])
case("B2", edits=[INS(3, "The Labour government's critics said British ministers had not consulted London before announcing the target.")],
     labels=[L("contradiction", "alias-self-reference", "British ministers had not consulted London")])

# ---------------- fragment ----------------
case("R4", edits=[SET(1, "The company said the sale would allow it to concentrate on its copper and zinc operations. In Quebec and the northern part of Ontario.")],
     labels=[L("fragment", "split-noun-phrase", "In Quebec and the northern part of Ontario.")])
case("B3", edits=[R(4, "on auction websites at several times their face value.", "on auction websites. Several times their face value.")],
     labels=[L("fragment", "split-noun-phrase", "Several times their face value.")])
case("W4", edits=[R(5, "The cause of the fire is under investigation.", "The cause of the fire is under investigation. Although lightning was reported in the hills on Monday night.")],
     labels=[L("fragment", "split-subordinate-clause", "Although lightning was reported")])
case("B6", edits=[R(1, "The report, by school inspectors, said that while some schools had made real progress, others had barely changed their menus in a decade.", "The report, by school inspectors, said some schools had made real progress. While others had barely changed their menus in a decade.")],
     labels=[L("fragment", "split-subordinate-clause", "While others had barely changed")])
case("W5", edits=[R(3, "in the 112th minute.", "in the 112th minute. But the lead, for the final then.")],
     labels=[L("fragment", "garbled-orphan", "But the lead, for the final then.")])
case("R1", edits=[R(4, "remained weak.", "remained weak. Then for the pumps and so.")],
     labels=[L("fragment", "garbled-orphan", "Then for the pumps and so.")])
case("W2", edits=[R(3, "where it lives.", "where it lives. Which the survey of the valleys.")],
     labels=[L("fragment", "garbled-orphan", "Which the survey of the valleys.")])

# ---------------- quotes ----------------
case("B3", edits=[R(3, "\"We honestly", "„We honestly")],
     labels=[L("quotes", "low-opening-quote", "„We honestly")])
case("W6", edits=[R(2, "\"We are tired", "„We are tired")],
     labels=[L("quotes", "low-opening-quote", "„We are tired")])
case("R4", edits=[INS(3, "„We see better value in base metals than in gold at current prices,” a company spokesman said.")],
     labels=[L("quotes", "low-opening-quote", "„We see better value")])
case("B2", edits=[R(4, "enough trained staff,\" a spokeswoman said.", "enough trained staff, a spokeswoman said.")],
     labels=[L("quotes", "unclosed-quote", "\"Doctors want shorter waits")])
case("R2", edits=[R(3, "Dealers said the rise", "\"The market is simply waiting for the Fed to show its hand, one dealer said. Dealers said the rise")],
     labels=[L("quotes", "unclosed-quote", "\"The market is simply waiting")])

# ---------------- repetition ----------------
case("W3", edits=[R(4, "pedestrian numbers rise", "pedestrian numbers rise, pedestrian numbers rise")],
     labels=[L("repetition", "duplicated-phrase", "pedestrian numbers rise, pedestrian numbers rise")])
case("R5", edits=[R(1, "compares with its revised estimate", "compares with its revised estimate, compares with its revised estimate")],
     labels=[L("repetition", "duplicated-phrase", "compares with its revised estimate, compares with its revised estimate")])
case("B4", edits=[R(4, "about 10 per cent of drivers", "about 10 per cent of drivers, about 10 per cent of drivers")],
     labels=[L("repetition", "duplicated-phrase", "about 10 per cent of drivers, about 10 per cent of drivers")])
case("W2", edits=[R(1, "the cloud forests", "the cloud forests, the cloud forests")],
     labels=[L("repetition", "duplicated-phrase", "the cloud forests, the cloud forests")])
case("R3", edits=[R(1, "Exports fell", "Exports fell, exports fell")],
     labels=[L("repetition", "duplicated-phrase", "Exports fell, exports fell")])

# ---------------- consistency ----------------
case("B3", edits=[R(1, "across the UK and Ireland", "across the U.K. and Ireland")],
     labels=[L("consistency", "UK->U.K.", "U.K.")])
case("R2", edits=[R(5, "The bills will", "The US Treasury said the bills will")],
     labels=[L("consistency", "U.S.->US", "US Treasury")])
case("B5", edits=[R(4, "Mr Henrik Lund", "Mr. Henrik Lund")],
     labels=[L("consistency", "Mr->Mr.", "Mr.")])
case("B6", edits=[R(5, "Head teachers' organisations", "Head teachers' organizations")],
     labels=[L("consistency", "british->american", "organizations")])
case("B1", edits=[R(4, "rose 4 per cent", "rose 4%")],
     labels=[L("consistency", "per cent->%", "4%")])
case("R6", edits=[R(2, "was up 9.8 pct", "was up 9.8 percent")],
     labels=[L("consistency", "pct->percent", "9.8 percent")])
case("R3", edits=[R(2, "was 4.12 billion dlrs", "was 4.12 billion dollars")],
     labels=[L("consistency", "dlrs->dollars", "4.12 billion dollars")])
case("R4", edits=[R(2, "about 60 mln dlrs", "about 60 million dlrs")],
     labels=[L("consistency", "mln->million", "60 million dlrs")])

case("R7", edits=[R(1, "Exports in March last year were 1.18 mln bags", "Exports in March last year were 1.18 million bags")],
     labels=[L("consistency", "mln->million", "1.18 million bags")])
case("W7", edits=[R(2, "The project, which began on Monday, October 7,", "The project, which began on Tuesday, October 7,")],
     labels=[L("contradiction", "weekday-date-mismatch", "Tuesday, October 7")])
case("B7", edits=[R(3, "Downing Street said", "Ministers said the British government had rebuked London over the affair. Downing Street said")],
     labels=[L("contradiction", "alias-self-reference", "the British government had rebuked London")])
case("R7", edits=[R(5, "The IBC said March exports were 1.02 mln bags", "The IBC said March exports were 1.12 mln bags")],
     labels=[L("contradiction", "number-restated-differently", "1.12 mln bags", rel="fell to 1.02 mln")])
case("W7", edits=[R(1, "More than 800 volunteers spent Saturday", "More than 800 volunteers spent Saturday, 800 volunteers spent Saturday")],
     labels=[L("repetition", "duplicated-phrase", "800 volunteers spent Saturday, 800 volunteers spent Saturday")])
case("B7", tail=["Related Internet Links", "The BBC is not responsible for the content of external internet sites"],
     labels=[L("stray-ui", "english-chrome", "Related Internet Links"), L("stray-ui", "english-chrome", "The BBC is not responsible")])
case("W1", edits=[R(4, "\"We have never seen", "“We have never seen"), R(4, "said Margaret Oduya, who runs a bakery near the station. \"The water came right up to the doorstep, and we had to move everything upstairs.\"", "said Margaret Oduya, who runs a bakery near the station. “The water came right up to the doorstep, and we had to move everything upstairs.")],
     labels=[L("quotes", "unclosed-quote", "“The water came right up")])

# defects in the hard copy
case("R9", edits=[R(2, "current account surplus would be", "current account surplus would be, current account surplus would be")],
     labels=[L("repetition", "duplicated-phrase", "current account surplus would be, current account surplus would be")])
case("B8", edits=[R(6, "Shares closed down 6 per cent", "Shares closed down 6%")],
     labels=[L("consistency", "per cent->%", "6%")])
case("W9", edits=[R(3, "The Swedish government had accused Oslo", "The Swedish government had accused Stockholm")],
     labels=[L("contradiction", "alias-self-reference", "The Swedish government had accused Stockholm")])
case("B9", edits=[R(2, "\"I have been doing this job", "„I have been doing this job")],
     labels=[L("quotes", "low-opening-quote", "„I have been doing this job")])
case("W8", tail=["Dodaj komentarz", "Anuluj pisanie odpowiedzi"],
     labels=[L("stray-ui", "foreign-ui:pl", "Dodaj komentarz"), L("stray-ui", "foreign-ui:pl", "Anuluj pisanie")])
case("R9", tail=["Reporting by Kim Soo-jin; Editing by Alan Whitfield", "kim soojn", "Kim Soo-jin covers the South Korean economy for Reuters from Seoul."],
     labels=[L("byline", "garbled-name-line", "kim soojn")])
case("B9", tail=["Reporting by José Ángel Nuñes; Editing by Siobhán O'Reilly", "José Ángel Núñez is an arts reporter for the BBC. He joined the corporation in 2001 from a regional newspaper."],
     labels=[L("byline", "credit-name-misspelt", "José Ángel Nuñes", rel="José Ángel Núñez is")])
case("B8", edits=[R(1, "had fallen 1.8 per cent on a like-for-like basis.", "had fallen 1.8 per cent. On a like-for-like basis and across all of its stores.")],
     labels=[L("fragment", "split-noun-phrase", "On a like-for-like basis and across all of its stores.")])

case("W3", edits=[R(3, "Some said they expected more visitors on foot, while others feared", "Some said they expected more visitors on foot. While others feared")],
     labels=[L("fragment", "split-subordinate-clause", "While others feared losing customers")])
case("R5", edits=[R(2, "The Bank bought bills outright", "„We expect the shortage to ease by Friday,” a Bank official said. The Bank bought bills outright")],
     labels=[L("quotes", "low-opening-quote", "„We expect the shortage")])
case("W6", tail=["Reporting by Samira Haddad; Editing by Hugh Barrow", "Jonas Lindberg covers health and labour policy for Wikinews from Stockholm."],
     labels=[L("byline", "credit-bio-mismatch", "Samira Haddad;", rel="Jonas Lindberg covers")])

case("B3", edits=[R(2, "extra dates could be added at larger venues in the UK.", "extra dates could be added. At larger venues in the UK.")],
     labels=[L("fragment", "split-noun-phrase", "At larger venues in the UK.")])
case("R3", edits=[R(2, "was 4.12 billion dlrs, down from 4.55 billion dlrs a month earlier.", "was 4.12 billion dlrs, down. From 4.55 billion dlrs a month earlier.")],
     labels=[L("fragment", "split-noun-phrase", "From 4.55 billion dlrs a month earlier.")])
case("B8", edits=[R(6, "Mr Lister said the company", "Mr. Lister said the company")],
     labels=[L("consistency", "Mr->Mr.", "Mr.")])

# ---------------- multi-defect ----------------
case("W4", edits=[R(2, "\"The wind", "„The wind"), R(1, "The state fire service said", "The state fire service, the state fire service said")],
     tail=["Reporting by Katrin Vogel; Editing by Tobias Wren", "Katrin Vogel is a freelance journalist in Denver who covers natural disasters and the climate.", "Leave a Reply"],
     labels=[L("quotes", "low-opening-quote", "„The wind"), L("repetition", "duplicated-phrase", "the state fire service said"), L("stray-ui", "english-chrome", "Leave a Reply")])
case("R1", edits=[R(0, "rose 18 pct", "rose 18%")], tail=["Reporting by Nathan Greer; Writting by Alan Whitfield", "Nathan Greer covers industrial companies for Reuters from Chicago."],
     labels=[L("consistency", "pct->%", "18%"), L("byline", "credit-verb", "Writting by")])
case("B2", edits=[R(1, "Health Secretary Mr Alan Pearce", "Health Secretary Mr. Alan Pearce"), R(2, "distorted clinical priorities.", "distorted clinical priorities. Which for the waiting and the lists.")],
     labels=[L("consistency", "Mr->Mr.", "Mr."), L("fragment", "garbled-orphan", "Which for the waiting and the lists.")])

if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for i, c in enumerate(CASES, 1):
        name = "%04d" % i
        txt, labels = build(c)
        open(os.path.join(out, name + ".txt"), "w").write(txt)
        d = {"case": name, "article": "redteam-" + c["base"], "control": c["control"], "labels": labels}
        assert c["control"] == (not labels), name
        open(os.path.join(out, name + ".json"), "w").write(json.dumps(d, indent=1, ensure_ascii=False) + "\n")
    print(len(CASES), "cases,", sum(c["control"] for c in CASES), "controls,", sum(len(c["labels"]) for c in CASES), "labels")
