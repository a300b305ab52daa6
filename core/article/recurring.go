package article

// Recurrence is what the host's cross-file pre-pass found about an article's
// lines in one run (core/runner/recurring.go): a line that recurs verbatim in
// many articles of the same source is page furniture whatever its words.
//
// It is nil when the run gave no cross-file signal: a single-article run
// (one file, standard input, the language server, one request to the hook
// server) or a test that builds one article. Rules must treat nil as "don't
// know", never as "no line recurs".
type Recurrence struct {
	// Source names the group the article was compared within: its
	// "source" or "site" metadata field when it has one (CMS JSON, front
	// matter), else the directory of its file.
	Source string `json:"source"`
	// GroupFiles is how many articles of that source the run checked, this
	// one included.
	GroupFiles int `json:"group_files"`
	// Lines are the article's lines that occur in at least one other
	// article of the group, in text order.
	Lines []RecurringLine `json:"lines,omitempty"`
}

// RecurringLine is one line of the article that recurs in other articles
// of its source, compared after normalisation (trimmed, spaces collapsed,
// case-folded, every run of digits counted as one digit).
type RecurringLine struct {
	// Span is the line in Text, without its surrounding spaces.
	Span Span `json:"span"`
	// Files is how many articles of the group contain the line, this one
	// included (2 or more).
	Files int `json:"files"`
	// Others names up to three of the other articles that contain it, by
	// Path, for messages.
	Others []string `json:"others,omitempty"`
}
