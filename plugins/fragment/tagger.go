package fragment

import (
	_ "embed"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Tagging is nearly all of the plugin's cost, and prose's own tagger spends
// most of it on bookkeeping: a map of feature strings per word and a map of
// scores per word, summed over maps of maps. The rules tag with prose's
// averaged-perceptron model, but scored from flat data (see posModel),
// which tags the bench corpus about five times faster. Words are split as
// prose's tokenizer splits them, and tagWords follows prose v2.0.0's
// perceptronTagger.tag step by step, so the tags are prose's; only a tie
// between two tags' scores, which prose breaks by map order (at random),
// is broken by the model's class order instead.
//
// The model is read on first use, once per process, straight from the
// binary: a plugin process that is never given a sentence worth tagging
// (or that only answers `copydesk rules`) does not touch it.
var (
	modelOnce sync.Once
	model     *posModel
	modelLoad time.Duration
)

func tagModel() *posModel {
	modelOnce.Do(func() {
		start := time.Now()
		model, _ = readModel(posModelData)
		modelLoad = time.Since(start)
	})
	return model
}

// ModelLoadTime is how long building the tagger took in this process (zero
// until the first sentence has been tagged). Benchmarks report it.
func ModelLoadTime() time.Duration { return modelLoad }

// token is one tagged word of a sentence.
type token struct {
	Text  string
	Tag   string
	Lower string
}

// tagSentence tokenizes and tags one sentence as prose.NewDocument does
// with segmentation and entity extraction off.
func tagSentence(s string) []token {
	m := tagModel()
	if m == nil {
		return nil
	}
	toks := tokenize(s)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.text
	}
	tags := m.tagWords(words)
	// prose writes each tag into its token object, and its tokenizer
	// hands out one object for every repeat of a whitespace-delimited
	// word within a sentence: a repeated word shows the tag of its last
	// occurrence. The rules were written against those tags, so they get
	// the same.
	for i, t := range toks {
		t.tag = tags[i]
	}
	out := make([]token, len(toks))
	for i, t := range toks {
		out[i] = token{Text: t.text, Tag: t.tag, Lower: strings.ToLower(t.text)}
	}
	return out
}

// proseToken is a token as prose's tokenizer makes it: tokens of a repeated
// span are shared.
type proseToken struct {
	text, tag string
}

// tokenize is prose v2.0.0's iterTokenizer.tokenize (MIT licence), ported
// because prose exposes it only inside NewDocument, whose tokens no longer
// show which of them are shared.
func tokenize(text string) []*proseToken {
	var tokens []*proseToken
	clean, white := proseSanitizer.Replace(text), false
	length := len(clean)
	start, index := 0, 0
	cache := map[string][]*proseToken{}
	for index <= length {
		uc, size := utf8.DecodeRuneInString(clean[index:])
		if size == 0 {
			break
		} else if index == 0 {
			white = unicode.IsSpace(uc)
		}
		if unicode.IsSpace(uc) != white {
			if start < index {
				span := clean[start:index]
				toks, found := cache[span]
				if !found {
					toks = splitSpan(span)
					cache[span] = toks
				}
				tokens = append(tokens, toks...)
			}
			if uc == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index {
		tokens = append(tokens, splitSpan(clean[start:index])...)
	}
	return tokens
}

// splitSpan is prose's doSplit: it peels prefixes, contractions and
// suffixes off a whitespace-delimited span.
func splitSpan(token string) []*proseToken {
	var tokens, suffs []*proseToken
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			tokens = append(tokens, &proseToken{text: s})
		}
	}
	last := 0
	for token != "" && utf8.RuneCountInString(token) != last {
		// proseInternal only matches a token ending in a full stop.
		if emoticons[token] || strings.HasSuffix(token, ".") && proseInternal.MatchString(token) {
			add(token)
			break
		}
		last = utf8.RuneCountInString(token)
		lower := strings.ToLower(token)
		if hasAnyPrefix(token, prosePrefixes) {
			add(string(token[0]))
			token = token[1:]
		} else if idx := hasAnyIndex(lower, []string{"'ll", "'s", "'re", "'m"}); idx > -1 {
			add(token[:idx])
			token = token[idx:]
		} else if idx := hasAnyIndex(lower, []string{"n't"}); idx > -1 {
			add(token[:idx])
			token = token[idx:]
		} else if hasAnySuffix(token, proseSuffixes) {
			suffs = append([]*proseToken{{text: string(token[len(token)-1])}}, suffs...)
			token = token[:len(token)-1]
		} else {
			add(token)
		}
	}
	return append(tokens, suffs...)
}

var (
	proseInternal  = regexp.MustCompile(`^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`)
	proseSanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")
	proseSuffixes  = []string{",", ")", `"`, "]", "!", ";", ".", "?", ":", "'"}
	prosePrefixes  = []string{"$", "(", `"`, "["}
)

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if len(s) > len(p) && strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if len(s) > len(x) && strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func hasAnyIndex(s string, subs []string) int {
	for _, x := range subs {
		if i := strings.Index(s, x); i >= 0 && len(s) > len(x) {
			return i
		}
	}
	return -1
}

//go:embed data/emoticons.txt
var emoticonData string

// emoticons is prose's list of emoticons, which it tags SYM.
var emoticons = func() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(emoticonData, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out[line] = true
		}
	}
	return out
}()

// github.com/mingrammer/commonregex's LinkPattern and EmailPattern (v1.0.1,
// MIT licence), which prose tags NN. They are copied rather than imported:
// the package compiles a dozen large regexps at init, in every plugin
// process. These two compile on first use.
var (
	linkRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:(?:https?:\/\/)?(?:[a-z0-9.\-]+|www|[a-z0-9.\-])[.](?:[^\s()<>]+|\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\))+(?:\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\)|[^\s!()\[\]{};:\'".,<>?]))`)
	})
	emailRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)([A-Za-z0-9!#$%&'*+\/=?^_{|.}~-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)`)
	})
)

// prose's patterns for placeholder tokens of the Penn Treebank (tagged
// -NONE-) and for bracket tokens such as -LRB- (tagged as themselves).
var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// tagWords tags a tokenized sentence as prose's perceptronTagger.tag does.
func (m *posModel) tagWords(words []string) []string {
	p1, p2 := "-START-", "-START2-"
	ctx := make([]string, len(words)+4)
	ctx[0], ctx[1] = p1, p2
	for i, w := range words {
		ctx[i+2] = normalizeWord(w)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	tags := make([]string, len(words))
	scores := make([]float64, len(m.classes))
	touched := make([]bool, len(m.classes))
	var key []byte
	for i, word := range words {
		var tag string
		switch {
		case word == "-":
			tag = "-"
		case emoticons[word]:
			tag = "SYM"
		case strings.HasPrefix(word, "@"),
			// Both patterns need a "." or an "@"; most words have neither
			// and skip the (large) regexps.
			strings.Contains(word, ".") && linkRE().MatchString(word),
			strings.Contains(word, "@") && emailRE().MatchString(word):
			tag = "NN"
		// The tests before each regexp are what it needs to match: "0" or
		// a leading "*"; five bytes between hyphens.
		case (word == "0" || word[0] == '*') && noneRE.MatchString(word):
			tag = "-NONE-"
		case len(word) == 5 && word[0] == '-' && keepRE.MatchString(word):
			tag = word
		default:
			var ok bool
			if tag, ok = m.tagMap[word]; !ok {
				tag, key = m.predict(i, ctx, word, p1, p2, scores, touched, key)
			}
		}
		tags[i] = tag
		p2, p1 = p1, tag
	}
	return tags
}

// predict scores the features prose's featurize builds for word i and
// returns the best class. scores, touched and key are scratch space.
func (m *posModel) predict(i int, ctx []string, w, p1, p2 string, scores []float64, touched []bool, key []byte) (string, []byte) {
	clear(scores)
	clear(touched)
	suf := min(len(w), 3)
	i = min(len(ctx)-2, i+2)
	iminus := min(len(ctx[i-1]), 3)
	iplus := min(len(ctx[i+1]), 3)
	add := func(parts ...string) {
		key = key[:0]
		for j, p := range parts {
			if j > 0 {
				key = append(key, ' ')
			}
			key = append(key, p...)
		}
		m.score(key, scores, touched)
	}
	add("bias")
	add("i suffix", w[len(w)-suf:])
	add("i pref1", string(rune(w[0]))) // prose converts the first byte as a rune
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", ctx[i-1][len(ctx[i-1])-iminus:])
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", ctx[i+1][len(ctx[i+1])-iplus:])
	add("i+2 word", ctx[i+2])
	best, max := "", math.Inf(-1)
	for c, s := range scores {
		if touched[c] && s > max {
			best, max = m.classes[c], s
		}
	}
	return best, key
}

// normalizeWord is prose's normalize: the word as a context feature.
func normalizeWord(word string) string {
	if word == "" {
		return word
	}
	first := string(word[0])
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}
