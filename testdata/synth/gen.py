#!/usr/bin/env python3
"""Synthetic copydesk cases, for measuring how rules generalise beyond the dev set.

    python3 testdata/synth/gen.py SEED OUTDIR
    python3 ../shared/eval-public/score.py --cmd "copydesk check --format json" --cases OUTDIR

Injects the dev set's defect subtypes (and a few the eval README names but the
dev set lacks: weekday mismatch, U.S./US, UK/U.K., Mr/Mr., British/American
spelling) into the clean articles of ../shared/eval-public/articles, read at
run time, with wording, names, UI strings, headlines and templates of our own.
The articles are never copied into this repository; OUTDIR should be outside it.
Not run by CI: a measurement tool. Numbers from it are in the issue notes.

Fragment labels (split-noun-phrase, split-subordinate-clause) come from cutting
one sentence in two at a preposition or subordinator; the line is labelled
because one of the halves is a fragment. One kind of cut leaves two whole
sentences and is not made: a cut inside the subject of a clause reported
without "that" ("Wilson said large inflows | of capital into Canada are a
major reason" gives "Wilson said large inflows." and "Capital into Canada are
a major reason.", both grammatical). A cut is skipped when the words before it
end in a verb of saying or thinking and its noun phrase, with no "that" or
comma between, and the words after it hold that clause's verb; the next
candidate cut in the list is taken instead, so the random stream, and every
other case of a seed, stays as it was.
"""
import os, re, json, random, glob, sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
SEED = int(sys.argv[1])
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(os.environ.get('SHARED', os.path.join(HERE, '..', '..', '..', 'shared')), 'eval-public', 'articles')
OUT = sys.argv[2]
N_DEF, N_CTRL = 340, 64

# ---------------------------------------------------------------- pools
FIRST_F = ['Ingrid', 'Aiko', 'Elena', 'Sunita', 'Astrid', 'Marisol', 'Ruth', 'Oksana', 'Chiara', 'Amara',
           'Helga', 'Yasmin', 'Beatrix', 'Noor', 'Lucia', 'Margit', 'Thandiwe', 'Keiko', 'Renata', 'Isolde']
FIRST_M = ['Tomasz', 'Kwame', 'Pablo', 'Mehmet', 'Anders', 'Rafael', 'Dmitri', 'Joaquim', 'Felix', 'Ibrahim',
           'Stellan', 'Hiroshi', 'Cormac', 'Emeka', 'Lorenzo', 'Teodor', 'Vikram', 'Bastian', 'Olusegun', 'Henrik']
SURN = ['Okafor', 'Rivera', 'Brandt', 'Lindqvist', 'Sorensen', 'Dubois', 'Kowalski', 'Hartmann', 'Mwangi',
        'Takahashi', 'Villanueva', 'Novak', 'Achterberg', 'Fitzgerald', 'Moreau', 'Petrenko', 'Quintero',
        'Andersson', 'Oyelaran', 'Rasmussen', 'Kapoor', 'Whitfield', 'Esposito', 'Gallagher', 'Horvath',
        'Nakagawa', 'Pellegrini', 'Sandoval', 'Thorsen', 'Abernathy', 'Ekström', 'Wojcik', 'MacLeod',
        'Delacroix', 'Baptiste', 'Oduya', 'Szabo', 'Kristiansen', 'Montgomery', 'Varga']
CITIES = ['Lagos', 'Buenos Aires', 'Copenhagen', 'Manila', 'Johannesburg', 'Lisbon', 'Seoul', 'Vienna',
          'Mumbai', 'Ottawa', 'Santiago', 'Jakarta', 'Oslo', 'Cairo', 'Bangkok', 'Zurich', 'Athens', 'Lima']
BEATS = ['agriculture and commodities', 'public health', 'climate policy', 'shipping and ports',
         'technology and telecoms', 'sport', 'courts and crime', 'mining', 'the arts', 'migration',
         'banking', 'elections and parliament', 'defence procurement', 'retail and consumer trends']
SCHOOLS = ['University of Edinburgh', 'Sciences Po', 'Columbia University', 'University of Cape Town',
           'University of Sydney', 'McGill University', 'Trinity College Dublin', 'University of Bologna']
OUTLET = {'bbc': 'the BBC', 'reuters': 'Reuters', 'wikinews': 'Wikinews'}

BIO_T = [
    '{n} has reported on {beat} from {c1} since {y}. {P} previously worked on the {c2} desk.',
    '{n} is a {c1}-based journalist covering {beat} for {o}.',
    '{n} joined {o} in {y} and writes about {beat}. Before that {p} was a freelance reporter in {c2}.',
    '{n} covers {beat} and is based in {c1}. {P} graduated from the {sch}.',
    '{n} is {o}\'s {beat} correspondent. {P} has been posted to {c1} and {c2}.',
    '{n} writes on {beat} from {c1}, where {p} moved in {y} after a spell in {c2}.',
]

FOREIGN = {
    'de': ['Schreibe einen Kommentar', 'Antworten abbrechen', 'Kommentar abschicken',
           'Deine E-Mail-Adresse wird nicht veröffentlicht.', 'Erforderliche Felder sind mit * markiert',
           'Teilen mit:', 'Gefällt mir Wird geladen …', 'Ähnliche Beiträge', 'Neuen Kommentar hinzufügen',
           'Weiterlesen', 'Kommentare werden geladen …', 'Beitragsnavigation'],
    'es': ['Deja una respuesta', 'Cancelar la respuesta', 'Publicar el comentario',
           'Tu dirección de correo electrónico no será publicada.', 'Los campos obligatorios están marcados con *',
           'Comparte esto:', 'Me gusta esto:', 'Relacionado', 'Añadir nuevo comentario', 'Leer más',
           'Navegación de entradas'],
    'it': ['Lascia un commento', 'Annulla risposta', 'Invia commento',
           'Il tuo indirizzo email non sarà pubblicato.', 'I campi obbligatori sono contrassegnati *',
           'Condividi:', 'Mi piace:', 'Correlati', 'Leggi tutto', 'Navigazione articoli'],
    'pt': ['Deixe um comentário', 'Cancelar resposta', 'Publicar comentário',
           'O seu endereço de email não será publicado.', 'Campos obrigatórios marcados com *',
           'Partilhar isto:', 'Gosto disto:', 'Relacionado', 'Ler mais', 'Navegação de artigos'],
    'fr': ['Laisser un commentaire', 'Annuler la réponse', 'Publier le commentaire',
           'Votre adresse e-mail ne sera pas publiée.', 'Les champs obligatoires sont indiqués avec *',
           'Partager :', 'J’aime ça :', 'Articles similaires', 'Lire la suite', 'Navigation des articles'],
    'nl': ['Geef een reactie', 'Reactie annuleren', 'Reactie plaatsen',
           'Je e-mailadres wordt niet gepubliceerd.', 'Vereiste velden zijn gemarkeerd met *',
           'Delen:', 'Vind ik leuk:', 'Gerelateerd', 'Lees verder', 'Berichtnavigatie'],
    'tr': ['Bir yanıt yazın', 'Yanıtı iptal et', 'Yorum gönder', 'E-posta adresiniz yayınlanmayacak.',
           'Gerekli alanlar * ile işaretlenmişlerdir', 'Bunu paylaş:', 'Bunu beğen:', 'İlgili',
           'Devamını oku', 'Yazı dolaşımı'],
    'cs': ['Napsat komentář', 'Zrušit odpověď', 'Vaše e-mailová adresa nebude zveřejněna.',
           'Vyžadované informace jsou označeny *', 'Sdílet:', 'Líbí se mi:', 'Související', 'Číst dále'],
    'sv': ['Lämna ett svar', 'Avbryt svar', 'Publicera kommentar', 'Din e-postadress kommer inte publiceras.',
           'Obligatoriska fält är märkta *', 'Dela detta:', 'Gilla detta:', 'Relaterade', 'Läs mer',
           'Inläggsnavigering'],
    'pl': ['Dodaj komentarz', 'Anuluj pisanie odpowiedzi', 'Opublikuj komentarz',
           'Twój adres e-mail nie zostanie opublikowany.', 'Wymagane pola są oznaczone *', 'Udostępnij to:',
           'Polub to:', 'Podobne', 'Czytaj dalej'],
    'ru': ['Добавить комментарий', 'Отменить ответ', 'Отправить комментарий',
           'Ваш адрес email не будет опубликован.', 'Поделиться:', 'Нравится:', 'Похожее'],
    'da': ['Skriv en kommentar', 'Annuller svar', 'Send kommentar', 'Din e-mailadresse vil ikke blive publiceret.',
           'Del dette:', 'Synes godt om:', 'Relateret'],
}
ENGLISH = ['Share this article', 'Advertisement', 'Sign up for our newsletter', 'Most read',
           'Related Articles', 'Share this:', 'Click to share on Facebook (Opens in new window)',
           'Post navigation', 'Continue reading', 'Comments are closed.', 'Follow us on Twitter',
           'Print this page', 'Email this story', 'You may also like', 'Previous article', 'Next article',
           'Report this ad', 'Cancel reply', 'Post Comment', 'Notify me of new posts by email.',
           'Save my name, email, and website in this browser for the next time I comment.',
           'Loading...', 'Tags:', 'Skip to content', 'Subscribe now', 'Top stories', 'Read more',
           'Story continues below advertisement', 'Comments', 'Share on WhatsApp']
MID_CHROME = ['Advertisement', 'Story continues below advertisement', 'Most read', 'Read more',
              'Related Articles', 'You may also like', 'Sign up for our newsletter', 'Top stories']
HEADLINES = ['Dockworkers vote to extend strike at northern ports', 'Central bank holds rates as inflation cools',
             'Museum returns looted bronzes after decade-long dispute', 'Heatwave forces schools to close early',
             'Regulator fines airline over refund delays', 'Striker ruled out for season with knee injury',
             'Parliament passes revised data protection bill', 'Coffee prices slip on bumper Brazil harvest',
             'Rescuers search for missing climbers in Alps', 'Chipmaker posts record quarterly profit',
             'Court blocks merger of two regional grocers', 'Festival organisers cancel final night over storms',
             'Ferry operator adds winter routes', 'Opposition leader calls for early election',
             'Wheat futures rise on export curbs', 'City council approves new tram line']
CREDIT_VERB_BAD = [('Reporting by', ['Reportage by', 'Reporting of', 'Report of', 'Reportings by', 'Coverage from']),
                   ('Editing by', ['Edition by', 'Redacting by', 'Editing of', 'Correction by', 'Revision by']),
                   ('Writing by', ['Wording by', 'Writing of', 'Composition by', 'Redaction from'])]
COUNTRIES = [  # name, capital, demonym
    ('Sweden', 'Stockholm', 'Swedish'), ('Mexico', 'Mexico City', 'Mexican'), ('India', 'New Delhi', 'Indian'),
    ('South Korea', 'Seoul', 'South Korean'), ('North Korea', 'Pyongyang', 'North Korean'),
    ('Canada', 'Ottawa', 'Canadian'), ('Australia', 'Canberra', 'Australian'), ('Greece', 'Athens', 'Greek'),
    ('Italy', 'Rome', 'Italian'), ('Japan', 'Tokyo', 'Japanese'), ('Britain', 'London', 'British'),
    ('Taiwan', 'Taipei', 'Taiwanese'), ('Saudi Arabia', 'Riyadh', 'Saudi'), ('Afghanistan', 'Kabul', 'Afghan'),
    ('Tunisia', 'Tunis', 'Tunisian'), ('Belgium', 'Brussels', 'Belgian'), ('Qatar', 'Doha', 'Qatari'),
    ('Germany', 'Berlin', 'German'), ('France', 'Paris', 'French'), ('Brazil', 'Brasilia', 'Brazilian'),
    ('Kuwait', 'Kuwait City', 'Kuwaiti'), ('Iran', 'Tehran', 'Iranian'), ('Egypt', 'Cairo', 'Egyptian'),
    ('Spain', 'Madrid', 'Spanish'), ('Panama', 'Panama City', 'Panamanian'), ('Hungary', 'Budapest', 'Hungarian')]
ALIAS_T = ['{D} officials said they would press {C} for further concessions before the deadline.',
           'The {D} delegation walked out of the meeting after {C} rejected its proposal.',
           'A spokesman said {C} had lodged a formal complaint with the {D} government.',
           '{N} has asked {C} to clarify its position before the talks resume.',
           'Diplomats said {C} was unlikely to accept the {D} terms without changes.',
           '{D} ministers accused {C} of deliberately stalling the negotiations.']
RECAP = ['As noted earlier, ', 'To reiterate, ', 'As reported above, ', 'Once again, ', 'As stated, ',
         'Recapping, ', '']
ORPHAN_T = ['But the {a}, with the {b}.', 'Then over the {a} again.', 'And a {a} for the {b}, then.',
            'Only the {a} near the.', 'There by the {a} so.', 'Or the {a}, of the {b} mostly.',
            'Just the {a} and.', 'So the {a}, the {b} there.']
PREP_NP = ['of', 'with', 'for', 'from', 'including', 'during', 'despite', 'amid', 'near', 'over', 'against', 'in', 'on']
SUBORD = ['when', 'while', 'because', 'although', 'after', 'before', 'since', 'which', 'who', 'where', 'if',
          'unless', 'as', 'though', 'until', 'whereas']
BR2AM = [('organisation', 'organization'), ('labour', 'labor'), ('centre', 'center'), ('favour', 'favor'),
         ('programme', 'program'), ('defence', 'defense'), ('colour', 'color'), ('realise', 'realize'),
         ('recognise', 'recognize'), ('honour', 'honor'), ('analyse', 'analyze'), ('criticise', 'criticize')]
WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

NEED = 3
ABBR = set('mr mrs ms dr st jr sr inc co corp ltd plc bros no vs gen gov sen rep rev lt col capt sgt prof '
           'jan feb mar apr jun jul aug sep sept oct nov dec mt ft'.split())


def split_sents(p):
    """return list of (start,end) spans of sentences in paragraph p"""
    spans, start = [], 0
    for m in re.finditer(r'[.!?]["”’)]?(?=\s+["“„(]?[A-Z0-9])', p):
        tok = re.search(r'(\S+)$', p[start:m.start() + 1])
        w = tok.group(1).lower().strip('"“(') if tok else ''
        core = w.rstrip('.')
        if core in ABBR or re.fullmatch(r'[a-z]', core) or re.fullmatch(r'(?:[a-z]\.){2,}', w):
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(p) and p[start] == ' ':
            start += 1
    spans.append((start, len(p)))
    return spans


class Block:
    def __init__(self, text, kind):
        self.text, self.kind, self.used = text, kind, False


class Case:
    def __init__(self, name, src):
        raw = open(os.path.join(ART, name + '.txt'), encoding='utf-8').read()
        lines = raw.rstrip('\n').split('\n')
        self.name, self.src = name, src
        self.head = lines[0]
        self.blocks = []
        for l in lines[1:]:
            if l.strip():
                kind = 'para'
                if re.fullmatch(r'(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d+, \d{4}', l):
                    kind = 'dateline'
                elif len(l) < 60 and not l.rstrip().endswith('.'):
                    kind = 'subhead'
                self.blocks.append(Block(l, kind))
        self.tail = []          # credit / bio / chrome blocks
        self.labels = []        # (block, cls, subtype, text, related_blocks, extra)
        self.credit = None

    def paras(self, free=True, minlen=80):
        return [b for b in self.blocks if b.kind == 'para' and len(b.text) >= minlen and (not free or not b.used)]

    def text(self):
        out = [self.head]
        for b in self.blocks + self.tail:
            out += ['', b.text]
        return '\n'.join(out) + '\n'

    def lineno(self, blk):
        allb = self.blocks + self.tail
        return 3 + 2 * allb.index(blk)

    def label(self, blk, cls, sub, text, related=(), **extra):
        assert text in blk.text, (text, blk.text)
        self.labels.append((blk, cls, sub, text, list(related), extra))


def person():
    g = R.random() < 0.5
    return (R.choice(FIRST_F if g else FIRST_M) + ' ' + R.choice(SURN)), ('She' if g else 'He')


def bio_for(name, pron, src):
    c1, c2 = R.sample(CITIES, 2)
    return R.choice(BIO_T).format(n=name, P=pron, p=pron.lower(), beat=R.choice(BEATS), c1=c1, c2=c2,
                                  y=R.randint(1996, 2019), o=OUTLET[src], sch=R.choice(SCHOOLS))


def make_credit(case):
    rep, pron = person()
    parts = []
    form = R.random()
    if form < 0.35:
        parts.append('Reporting by ' + rep)
    elif form < 0.6:
        parts.append('Reporting by %s in %s' % (rep, R.choice(CITIES)))
    elif form < 0.8:
        parts.append('Reporting by %s in %s and %s in %s' % (rep, R.choice(CITIES), person()[0], R.choice(CITIES)))
    else:
        parts.append('Reporting by %s and %s' % (rep, person()[0]))
    r = R.random()
    if r < 0.3:
        parts.append('Writing by ' + person()[0])
    elif r < 0.45:
        parts.append('Additional reporting by ' + person()[0])
    eds = [person()[0] for _ in range(R.choice([1, 1, 2]))]
    parts.append('Editing by ' + ' and '.join(eds))
    cb = Block('; '.join(parts), 'credit')
    bb = Block(bio_for(rep, pron, case.src), 'bio')
    case.tail += [cb, bb]
    case.credit = (cb, bb, rep, pron)


def misspell(word):
    w = list(word)
    for _ in range(20):
        op = R.choice(['swap', 'drop', 'double', 'vowel'])
        i = R.randint(1, len(w) - 2)
        v = w[:]
        if op == 'swap':
            v[i], v[i + 1] = v[i + 1], v[i]
        elif op == 'drop':
            del v[i]
        elif op == 'double':
            v.insert(i, v[i])
        else:
            vs = [j for j in range(1, len(w)) if w[j] in 'aeiou']
            if not vs:
                continue
            j = R.choice(vs)
            v[j] = R.choice([c for c in 'aeiou' if c != w[j]])
        s = ''.join(v)
        if s != word:
            return s, op
    return word[:-1], 'drop'


# ---------------------------------------------------------------- injectors
def inj_credit_bio_mismatch(c):
    if not c.credit:
        make_credit(c)
    cb, bb, rep, pron = c.credit
    other, p2 = person()
    while other.split()[1] == rep.split()[1]:
        other, p2 = person()
    bb.text = bio_for(other, p2, c.src)
    c.label(cb, 'byline', 'credit-bio-mismatch', rep, [bb])


def inj_credit_name_misspelt(c):
    if not c.credit:
        make_credit(c)
    cb, bb, rep, pron = c.credit
    first, last = rep.split()
    if R.random() < 0.75:
        bad, op = misspell(last); newname = first + ' ' + bad
    else:
        bad, op = misspell(first); newname = bad + ' ' + last
    cb.text = cb.text.replace(rep, newname, 1)
    c.label(cb, 'byline', 'credit-name-misspelt', newname, [bb], op=op)


def inj_credit_verb(c):
    if not c.credit:
        make_credit(c)
    cb = c.credit[0]
    opts = [(g, b) for g, bs in CREDIT_VERB_BAD for b in bs if cb.text.startswith(g) or ('; ' + g) in cb.text]
    good, bad = R.choice(opts)
    cb.text = cb.text.replace(good, bad, 1)
    c.label(cb, 'byline', 'credit-verb', bad)


def inj_garbled_name(c):
    if not c.credit:
        make_credit(c)
    cb, bb, rep, pron = c.credit
    first, last = rep.split()
    f2 = misspell(first)[0] if R.random() < 0.6 else first
    l2 = misspell(last)[0]
    style = R.random()
    if style < 0.4:
        g = f2 + ' ' + l2.lower()
    elif style < 0.6:
        g = (f2 + ' ' + l2).lower()
    elif style < 0.8:
        g = f2 + ' ' + l2
    else:
        g = (f2 + ' ' + l2).upper()
    blk = Block(g, 'garbled')
    c.tail.insert(c.tail.index(bb), blk)
    c.label(blk, 'byline', 'garbled-name-line', g, style='%.1f' % style)


def end_insert(c, blk):
    c.tail.append(blk)


def inj_foreign(c):
    lang = R.choice(list(FOREIGN))
    k = R.choice([1, 1, 2, 2, 3])
    for s in R.sample(FOREIGN[lang], k):
        b = Block(s, 'chrome'); end_insert(c, b)
        c.label(b, 'stray-ui', 'foreign-ui:' + lang, s)


def inj_english(c):
    if R.random() < 0.25 and len(c.paras(free=False, minlen=1)) >= 3:
        s = R.choice(MID_CHROME)
        ps = [b for b in c.blocks if b.kind == 'para']
        i = c.blocks.index(R.choice(ps[1:-1] or ps))
        b = Block(s, 'chrome'); c.blocks.insert(i, b)
        c.label(b, 'stray-ui', 'english-chrome', s, where='mid')
        return
    k = R.choice([1, 1, 2])
    for s in R.sample(ENGLISH, k):
        b = Block(s, 'chrome'); end_insert(c, b)
        c.label(b, 'stray-ui', 'english-chrome', s, where='end')


def inj_read(c, other_heads):
    h = R.choice(HEADLINES + other_heads)
    sep = '  ' if R.random() < 0.8 else ' '
    s = 'READ' + sep + h
    ps = [b for b in c.blocks if b.kind == 'para']
    i = c.blocks.index(R.choice(ps[1:] or ps))
    b = Block(s, 'chrome'); c.blocks.insert(i, b)
    c.label(b, 'stray-ui', 'read-link', s, sep=len(sep))


def words_of(c):
    ws = re.findall(r'\b[a-z]{5,10}\b', ' '.join(b.text for b in c.blocks if b.kind == 'para'))
    stop = {'which', 'their', 'there', 'would', 'could', 'about', 'after', 'before', 'should', 'these', 'those',
            'where', 'while', 'since', 'other', 'being', 'because', 'although', 'against', 'between'}
    return [w for w in ws if w not in stop] or ['matter']


def inj_orphan(c):
    p = R.choice(c.paras())
    ws = words_of(c)
    s = R.choice(ORPHAN_T).format(a=R.choice(ws), b=R.choice(ws))
    if R.random() < 0.8:
        p.text = p.text + ' ' + s
    else:  # insert between sentences
        sp = split_sents(p.text)
        if len(sp) >= 2:
            k = sp[R.randint(1, len(sp) - 1)][0]
            p.text = p.text[:k] + s + ' ' + p.text[k:]
        else:
            p.text = p.text + ' ' + s
    p.used = True
    c.label(p, 'fragment', 'garbled-orphan', s)


# verbs that take a reported clause without "that" ("said prices are ...")
SAYING = set('said says say told tells believe believes believed think thinks thought argued argues added adds '
             'noted notes reported reports estimated estimates expects expected predicted predicts '
             'warned warns insisted insists claimed claims acknowledged admitted suggested suggests'.split())
# determiners and quantifiers that open a noun phrase
NP_OPEN = set('a an the this that these those its their his her our my your some many much more most few '
              'several all both any no large small'.split())
FINITE = set('is are was were has have had will would can could may might must shall should does did do'.split())


def two_whole_sentences(toks, i):
    """A cut at toks[i] inside the subject of a clause reported without
    "that": the head ends in a verb of saying and the start of its noun
    phrase (at most four words, no comma, no "that"), and the tail holds
    the clause's verb before any comma-free stretch ends (an auxiliary or
    copula within its first twelve words)."""
    j = i - 1
    while j >= 0 and i - j <= 4 and toks[j].lower() not in SAYING:
        if toks[j].endswith((',', ';', ':')) or toks[j].lower() == 'that':
            return False
        j -= 1
    if j < 0 or i - j > 4 or toks[j].lower() not in SAYING or j + 1 >= i:
        return False
    if not (toks[j + 1].lower() in NP_OPEN or toks[j + 1][:1].isupper() or toks[j + 1][:1].isdigit()):
        return False
    depth = 0
    for t in toks[i:i + 13]:
        w = t.lower().strip(',.;:"()')
        if w in FINITE and depth == 0:
            return True
        if t.lower().strip('"(').startswith(('which', 'who', 'that')):
            depth = 1  # a relative clause's own verb is not the clause's
        if t.endswith(',') and depth:
            depth = 0
    return False


def inj_split(c, kind):
    cands = []
    words = PREP_NP if kind == 'np' else SUBORD
    for p in c.paras():
        for (a, b) in split_sents(p.text):
            s = p.text[a:b]
            if '"' in s or len(s) < 60:
                continue
            toks = s.split(' ')
            for i, t in enumerate(toks):
                if t in words and 5 <= i <= len(toks) - 4 and not toks[i - 1].endswith((',', ';', ':')) \
                        and toks[i - 1].isalpha():
                    cands.append((p, a, b, i))
    if not cands:
        return False
    k = cands.index(R.choice(cands))
    for p, a, b, i in cands[k:] + cands[:k]:
        if not two_whole_sentences(p.text[a:b].split(' '), i):
            break
    else:
        return False
    toks = p.text[a:b].split(' ')
    head = ' '.join(toks[:i]).rstrip(',') + '.'
    if kind == 'np' and toks[i] == 'of':
        tail = toks[i + 1:]
    else:
        tail = toks[i:]
    tail = [tail[0][0].upper() + tail[0][1:]] + tail[1:]
    tail = ' '.join(tail)
    if not tail.endswith(('.', '!', '?', '."')):
        return False
    p.text = p.text[:a] + head + ' ' + tail + p.text[b:]
    p.used = True
    c.label(p, 'fragment', 'split-noun-phrase' if kind == 'np' else 'split-subordinate-clause', tail,
            word=toks[i])
    return True


def inj_alias(c):
    body = ' '.join(b.text for b in c.blocks)
    present = [t for t in COUNTRIES if re.search(r'\b(%s|%s)\b' % (t[0], t[2]), body)]
    n, cap, dem = R.choice(present) if present else R.choice(COUNTRIES)
    s = R.choice(ALIAS_T).format(N=n, C=cap, D=dem)
    ps = [b for b in c.paras() if n in b.text or dem in b.text] or c.paras()
    p = R.choice(ps)
    sp = split_sents(p.text)
    if len(sp) >= 2 and R.random() < 0.6:
        k = sp[R.randint(1, len(sp) - 1)][0]
        p.text = p.text[:k] + s + ' ' + p.text[k:]
    else:
        p.text = p.text + ' ' + s
    p.used = True
    c.label(p, 'contradiction', 'alias-self-reference', s, country_in_article=bool(present))


NUM_RE = re.compile(r'(?<![\d.,])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?![\d,]*\.\d)(?!\d)')


def inj_number(c):
    paras = [b for b in c.blocks if b.kind == 'para']
    cands = []
    for idx, p in enumerate(paras[:-1]):
        if p.used:
            continue
        for (a, b) in split_sents(p.text):
            s = p.text[a:b]
            if '"' in s:
                continue
            for m in NUM_RE.finditer(s):
                v = m.group(1)
                if re.fullmatch(r'(19|20)\d\d', v):
                    continue
                cands.append((idx, p, s, m))
    if not cands:
        return False
    idx, src, s, m = R.choice(cands)
    v = m.group(1)
    num = float(v.replace(',', ''))
    while True:
        nv = num * R.choice([0.5, 0.7, 0.8, 1.25, 1.5, 2, 3]) + R.choice([0, 1, 2, 3])
        if '.' in v:
            ns = '%.*f' % (len(v.split('.')[1]), nv)
        else:
            ns = str(int(round(nv)))
            if ',' in v:
                ns = '{:,}'.format(int(round(nv)))
        if ns != v:
            break
    new = s[:m.start(1)] + ns + s[m.end(1):]
    pre = R.choice(RECAP)
    if pre:
        first = new.split(' ')[0]
        if R.random() < 0.5 and first in ('The', 'It', 'They', 'He', 'She', 'This', 'A', 'An', 'But', 'In'):
            new = new[0].lower() + new[1:]
        new = pre + new
    later = [p for p in paras[idx + 1:] if not p.used and len(p.text) > 40]
    src.used = True
    if later and R.random() < 0.7:
        t = R.choice(later)
        t.text = t.text + ' ' + new
        t.used = True
    else:
        t = Block(new, 'para'); t.used = True
        pos = c.blocks.index(src) + 1 + R.randint(0, max(0, len(paras) - idx - 2))
        c.blocks.insert(min(pos, len(c.blocks)), t)
    c.label(t, 'contradiction', 'number-restated-differently', new, [src], prefix=pre.strip(', '))
    return True


def inj_weekday(c):
    d = [b for b in c.blocks if b.kind == 'dateline']
    if not d:
        return False
    b = d[0]
    wd = b.text.split(',')[0]
    nw = R.choice([w for w in WEEKDAYS if w != wd])
    b.text = nw + b.text[len(wd):]
    c.label(b, 'contradiction', 'weekday-mismatch', nw)
    return True


def inj_repeat(c):
    p = R.choice(c.paras())
    sp = split_sents(p.text)
    a, b = R.choice(sp)
    s = p.text[a:b]
    toks = s.split(' ')
    if len(toks) < 8:
        return False
    n = R.randint(2, 5)
    i = R.randint(0, len(toks) - n - 2)
    phrase = ' '.join(toks[i:i + n])
    if re.search(r'[,.;:"]$', phrase) or '"' in phrase:
        return False
    second = phrase
    if i == 0:
        second = phrase[0].lower() + phrase[1:]
    sep = ', ' if R.random() < 0.75 else ' '
    rep = phrase + sep + second
    ns = ' '.join(toks[:i]) + (' ' if i else '') + rep + ' ' + ' '.join(toks[i + n:])
    p.text = p.text[:a] + ns + p.text[b:]
    p.used = True
    c.label(p, 'repetition', 'duplicated-phrase', rep, sep='comma' if sep == ', ' else 'space')
    return True


def quote_spans(t):
    return [(m.start(), m.end()) for m in re.finditer(r'"[^"]{15,}?"', t)]


def inj_low_quote(c):
    cands = [(p, s) for p in c.paras() for s in quote_spans(p.text)]
    if not cands:
        return False
    p, (a, b) = R.choice(cands)
    p.text = p.text[:a] + '„' + p.text[a + 1:]
    if R.random() < 0.3:
        p.text = p.text[:b - 1] + '“' + p.text[b:]
        var = 'curly-close'
    else:
        var = 'straight-close'
    p.used = True
    c.label(p, 'quotes', 'low-opening-quote', p.text[a:a + 60], close=var)
    return True


def inj_unclosed(c):
    paras = [b for b in c.blocks if b.kind == 'para']
    cands = []
    for i, p in enumerate(paras):
        if p.used or len(p.text) < 80:
            continue
        nxt = paras[i + 1].text if i + 1 < len(paras) else ''
        for (a, b) in quote_spans(p.text):
            at_end = p.text[b:].strip() == ''
            if at_end and nxt.startswith('"'):
                continue
            cands.append((p, a, b))
    if not cands:
        return False
    p, a, b = R.choice(cands)
    p.text = p.text[:b - 1] + p.text[b:]
    p.used = True
    c.label(p, 'quotes', 'unclosed-quote', p.text[a:a + 60])
    return True


def inj_consistency(c):
    opts = []
    for p in c.paras(minlen=1):
        t = p.text
        allt = ' '.join(b.text for b in c.blocks)
        def add(pat, repl, sub, need):
            if len(re.findall(need, allt)) >= NEED:
                for m in re.finditer(pat, t):
                    opts.append((p, m, repl, sub))
        add(r'(?<=\d) pct\b', '%', 'pct->%', r'\bpct\b')
        add(r'(?<=\d) pct\b', ' percent', 'pct->percent', r'\bpct\b')
        add(r'\bmln\b', 'million', 'mln->million', r'\bmln\b')
        add(r'\bbillion dlrs\b', 'billion dollars', 'dlrs->dollars', r'\bdlrs\b')
        add(r'(?<=\d)%', ' per cent', '%->per cent', r'\d%')
        add(r'(?<=\d)%', ' percent', '%->percent', r'\d%')
        add(r'\bU\.S\.', 'US', 'U.S.->US', r'U\.S\.')
        add(r'\bUS\b', 'U.S.', 'US->U.S.', r'\bUS\b')
        add(r'\bUK\b', 'U.K.', 'UK->U.K.', r'\bUK\b')
        add(r'\bU\.K\.', 'UK', 'U.K.->UK', r'U\.K\.')
        add(r'\bMr\b(?!\.)', 'Mr.', 'Mr->Mr.', r'\bMr\b(?!\.)')
        brall = '|'.join(b for b, a in BR2AM)
        for br, am in BR2AM:
            if len(re.findall(r'\b(%s)' % brall, allt)) >= 2:
                for m in re.finditer(r'\b%s' % br, t):
                    opts.append((p, m, am, 'british->american'))
    if not opts:
        return False
    p, m, repl, sub = R.choice(opts)
    p.text = p.text[:m.start()] + repl + p.text[m.end():]
    p.used = True
    c.label(p, 'consistency', sub, repl.strip())
    return True


CORE = ['credit-bio-mismatch', 'credit-name-misspelt', 'credit-verb', 'garbled-name-line', 'foreign-ui',
        'english-chrome', 'read-link', 'garbled-orphan', 'split-noun-phrase', 'split-subordinate-clause',
        'alias-self-reference', 'number-restated-differently', 'duplicated-phrase', 'low-opening-quote',
        'unclosed-quote', 'consistency', 'weekday-mismatch']


def apply(c, sub, heads):
    if sub == 'credit-bio-mismatch':
        if c.credit and any(l[2].startswith('credit') or l[2] == 'garbled-name-line' for l in c.labels): return False
        inj_credit_bio_mismatch(c); return True
    if sub in ('credit-name-misspelt', 'credit-verb', 'garbled-name-line'):
        if any(l[1] == 'byline' for l in c.labels): return False
        {'credit-name-misspelt': inj_credit_name_misspelt, 'credit-verb': inj_credit_verb,
         'garbled-name-line': inj_garbled_name}[sub](c); return True
    if sub == 'foreign-ui': inj_foreign(c); return True
    if sub == 'english-chrome': inj_english(c); return True
    if sub == 'read-link': inj_read(c, heads); return True
    if not c.paras():
        return False
    if sub == 'garbled-orphan': inj_orphan(c); return True
    if sub == 'split-noun-phrase': return inj_split(c, 'np')
    if sub == 'split-subordinate-clause': return inj_split(c, 'sub')
    if sub == 'alias-self-reference': inj_alias(c); return True
    if sub == 'number-restated-differently': return inj_number(c)
    if sub == 'duplicated-phrase': return inj_repeat(c)
    if sub == 'low-opening-quote': return inj_low_quote(c)
    if sub == 'unclosed-quote': return inj_unclosed(c)
    if sub == 'consistency': return inj_consistency(c)
    if sub == 'weekday-mismatch': return inj_weekday(c)
    raise ValueError(sub)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in glob.glob(OUT + '/*'):
        os.remove(f)
    names = sorted(os.path.basename(f)[:-4] for f in glob.glob(ART + '/*.txt'))
    heads = {n: open(os.path.join(ART, n + '.txt'), encoding='utf-8').readline().strip() for n in names}
    qual = [n for n in names if inj_consistency(Case(n, n.split('-')[0]))]
    print('consistency-capable articles:', qual)
    specs = [('def', i) for i in range(N_DEF)] + [('ctrl', i) for i in range(N_CTRL)] + [('cons', i) for i in range(45)]
    R.shuffle(specs)
    # balance: cycle subtypes
    pool = []
    k = 0
    for n, (kind, i) in enumerate(specs, 1):
        name = names[(i * 7 + 3) % len(names)] if kind == 'ctrl' else R.choice(qual if kind == 'cons' else names)
        src = name.split('-')[0]
        while True:
            c = Case(name, src)
            labs_wanted = 0
            if kind == 'ctrl':
                if i % 2 == 0:
                    make_credit(c)
                break
            if R.random() < 0.55:
                make_credit(c)
            labs_wanted = R.choices([1, 2, 3], [8, 6, 4])[0]
            if kind == 'cons':
                inj_consistency(c)
            others = [h for nn, h in heads.items() if nn != name]
            tries = 0
            while len({id(l) for l in c.labels}) == 0 or (len(set(l[2] for l in c.labels)) < labs_wanted and tries < 30):
                tries += 1
                if not pool:
                    pool = CORE[:]; R.shuffle(pool)
                sub = pool.pop()
                if sub in {l[2].split(':')[0] for l in c.labels} or (sub == 'consistency' and any(l[1] == 'consistency' for l in c.labels)):
                    continue
                try:
                    ok = apply(c, sub, others)
                except (IndexError, ValueError):
                    ok = False
                if not ok:
                    pool.insert(0, sub)  # retry later in another case
                    if tries > 20:
                        pool.pop(0)
                if tries >= 30:
                    break
            if c.labels:
                break
        cid = '%04d' % n
        txt = c.text()
        lines = txt.split('\n')
        labs = []
        for blk, cls, sub, t, rel, extra in c.labels:
            ln = c.lineno(blk)
            assert t in lines[ln - 1], (cid, t, lines[ln - 1])
            d = {'class': cls, 'line': ln, 'text': t[:60] if len(t) > 60 else t, 'subtype': sub}
            if rel:
                d['related_lines'] = [c.lineno(r) for r in rel]
            if extra:
                d['variant'] = extra
            labs.append(d)
        meta = {'case': cid, 'article': name, 'control': kind == 'ctrl', 'labels': labs,
                'has_credit': c.credit is not None}
        open(os.path.join(OUT, cid + '.txt'), 'w', encoding='utf-8').write(txt)
        json.dump(meta, open(os.path.join(OUT, cid + '.json'), 'w', encoding='utf-8'), indent=1, ensure_ascii=False)
    print('wrote', len(specs), 'cases')


if __name__ == '__main__':
    main()
