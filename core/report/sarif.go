package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// SARIF prints a SARIF 2.1.0 log, the format GitHub code scanning (and most
// code-review tools) import. One run carries every rule the running plugins
// declare (with their documentation, so an alert explains itself), every
// finding with its span, related places and suggested fixes, and the files
// and plugins that could not be checked as tool notifications.
//
// Columns count Unicode code points, as copydesk's do everywhere, which
// SARIF spells run.columnKind = "unicodeCodePoints" (its default would be
// UTF-16 code units, which differ for characters outside the BMP).
type SARIF struct {
	Options Options
}

// sarifSchema is where the log says its schema lives.
const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// Only the SARIF objects copydesk writes are modelled; field names follow
// the specification exactly.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Artifacts   []sarifArtifact   `json:"artifacts,omitempty"`
		Results     []sarifResult     `json:"results"`
		ColumnKind  string            `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string         `json:"id"`
		Name                 string         `json:"name,omitempty"`
		ShortDescription     *sarifMessage  `json:"shortDescription,omitempty"`
		FullDescription      *sarifMessage  `json:"fullDescription,omitempty"`
		Help                 *sarifMessage  `json:"help,omitempty"`
		DefaultConfiguration sarifRuleConf  `json:"defaultConfiguration"`
		Properties           map[string]any `json:"properties,omitempty"`
	}
	sarifRuleConf struct {
		Enabled bool   `json:"enabled"`
		Level   string `json:"level"`
	}
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifArtifact struct {
		Location sarifArtifactLocation `json:"location"`
		Encoding string                `json:"encoding,omitempty"`
	}
	sarifArtifactLocation struct {
		URI   string `json:"uri"`
		Index *int   `json:"index,omitempty"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           *int              `json:"ruleIndex,omitempty"`
		Level               string            `json:"level"`
		Message             sarifMessage      `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
		Properties          map[string]any    `json:"properties,omitempty"`
	}
	sarifLocation struct {
		ID               *int                   `json:"id,omitempty"`
		PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
		LogicalLocations []sarifLogical         `json:"logicalLocations,omitempty"`
		Message          *sarifMessage          `json:"message,omitempty"`
	}
	// sarifLogical is the element of a WordPress post or an ANS story a
	// finding is in: its JSON Pointer and a readable name.
	sarifLogical struct {
		Name               string `json:"name"`
		FullyQualifiedName string `json:"fullyQualifiedName"`
		Kind               string `json:"kind"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifRegion struct {
		StartLine   int           `json:"startLine"`
		StartColumn int           `json:"startColumn,omitempty"`
		EndLine     int           `json:"endLine,omitempty"`
		EndColumn   int           `json:"endColumn,omitempty"`
		Snippet     *sarifMessage `json:"snippet,omitempty"`
	}
	sarifFix struct {
		Description     *sarifMessage         `json:"description,omitempty"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
	}
)

func (s *SARIF) Report(w io.Writer, r *runner.Result) error {
	rules, index := s.rules()
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "copydesk", Version: s.Options.Version, InformationURI: "https://github.com/copydesk/copydesk", Rules: rules}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	artifactIndex := map[string]int{}
	artifact := func(path string) sarifArtifactLocation {
		uri := sarifURI(path)
		i, ok := artifactIndex[uri]
		if !ok {
			i = len(run.Artifacts)
			artifactIndex[uri] = i
			run.Artifacts = append(run.Artifacts, sarifArtifact{Location: sarifArtifactLocation{URI: uri}, Encoding: "utf-8"})
		}
		return sarifArtifactLocation{URI: uri, Index: &i}
	}
	for _, f := range r.Files {
		if f == nil {
			continue
		}
		if f.Error != "" {
			inv.ExecutionSuccessful = false
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level: "error", Message: sarifMessage{Text: f.Error},
				Locations: []sarifLocation{{PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: sarifURI(f.Path)}}}},
			})
			continue
		}
		loc := artifact(f.Path)
		for _, d := range f.Diagnostics {
			res := sarifResult{
				RuleID:  d.Rule,
				Level:   sarifLevel(d.Severity),
				Message: sarifMessage{Text: d.Message},
				Locations: []sarifLocation{{PhysicalLocation: &sarifPhysicalLocation{
					ArtifactLocation: loc, Region: sarifSpan(d.Line, d.Column, d.EndLine, d.EndColumn),
				}}},
				Properties: map[string]any{"category": d.Category},
			}
			if i, ok := index[d.Rule]; ok {
				res.RuleIndex = &i
			}
			if l := d.Location; l != nil {
				res.Locations[0].LogicalLocations = []sarifLogical{{Name: l.String(), FullyQualifiedName: l.Pointer, Kind: "element"}}
			}
			if f.Article != nil {
				src := f.Article.Source()
				if d.Offset >= 0 && d.Offset <= d.EndOffset && d.EndOffset <= len(src) {
					res.Locations[0].PhysicalLocation.Region.Snippet = &sarifMessage{Text: string(src[d.Offset:d.EndOffset])}
				}
				res.PartialFingerprints = map[string]string{"copydeskFinding/v1": sarifFingerprint(d, f.Article.SourceLine(d.Line), src)}
			}
			for k, rel := range d.Related {
				id := k + 1
				res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
					ID:               &id,
					PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: loc, Region: sarifSpan(rel.Line, rel.Column, rel.EndLine, rel.EndColumn)},
					Message:          &sarifMessage{Text: rel.Message},
				})
			}
			for _, sg := range d.Suggestions {
				desc := sg.Description
				if desc == "" {
					if sg.Replacement == "" {
						desc = "Delete it"
					} else {
						desc = fmt.Sprintf("Replace with %q", sg.Replacement)
					}
				}
				rep := sarifReplacement{DeletedRegion: *sarifSpan(sg.Line, sg.Column, sg.EndLine, sg.EndColumn)}
				if sg.Replacement != "" {
					rep.InsertedContent = &sarifMessage{Text: sg.Replacement}
				}
				res.Fixes = append(res.Fixes, sarifFix{
					Description:     &sarifMessage{Text: desc},
					ArtifactChanges: []sarifArtifactChange{{ArtifactLocation: loc, Replacements: []sarifReplacement{rep}}},
				})
			}
			run.Results = append(run.Results, res)
		}
	}
	for _, fl := range r.Failures {
		inv.ExecutionSuccessful = false
		n := sarifNotification{Level: "error", Message: sarifMessage{Text: fmt.Sprintf("plugin %s failed, so its findings are missing: %s", fl.Plugin, firstLine(fl.Error))}}
		if fl.Path != "" {
			n.Locations = []sarifLocation{{PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: sarifURI(fl.Path)}}}}
		}
		inv.Notifications = append(inv.Notifications, n)
	}
	run.Invocations = []sarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// rules builds tool.driver.rules from the plugins' declarations (for the
// documentation) and the effective rule table (for severity and whether the
// rule is on), and returns each rule's index for results' ruleIndex.
func (s *SARIF) rules() ([]sarifRule, map[string]int) {
	info := map[string]runner.RuleInfo{}
	for _, ri := range s.Options.Rules {
		info[ri.ID] = ri
	}
	out := []sarifRule{}
	index := map[string]int{}
	add := func(r sarifRule) {
		if _, dup := index[r.ID]; dup {
			return
		}
		index[r.ID] = len(out)
		out = append(out, r)
	}
	for _, p := range s.Options.Declarations {
		if p == nil {
			continue
		}
		for _, rule := range p.Rules {
			id := p.Name + "/" + rule.Name
			sev, enabled := rule.Severity, !rule.Disabled
			if ri, ok := info[id]; ok {
				sev, enabled = ri.Severity, ri.Enabled
			}
			sr := sarifRule{
				ID:                   id,
				Name:                 rule.Name,
				DefaultConfiguration: sarifRuleConf{Enabled: enabled, Level: sarifLevel(sev)},
				Properties:           map[string]any{"category": rule.Category, "tags": []string{rule.Category, "copy-editing"}},
			}
			if rule.Summary != "" {
				sr.ShortDescription = &sarifMessage{Text: rule.Summary}
			}
			if doc := strings.TrimSpace(rule.Doc); doc != "" {
				sr.FullDescription = &sarifMessage{Text: doc}
			}
			if h := ruleHelp(id, rule); h != nil {
				sr.Help = h
			}
			add(sr)
		}
	}
	// Rules known only from the table (a reporter built without
	// declarations) still get their summary and severity.
	var rest []runner.RuleInfo
	for _, ri := range s.Options.Rules {
		if _, ok := index[ri.ID]; !ok {
			rest = append(rest, ri)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].ID < rest[j].ID })
	for _, ri := range rest {
		sr := sarifRule{ID: ri.ID, DefaultConfiguration: sarifRuleConf{Enabled: ri.Enabled, Level: sarifLevel(ri.Severity)},
			Properties: map[string]any{"category": ri.Category, "tags": []string{ri.Category, "copy-editing"}}}
		if ri.Summary != "" {
			sr.ShortDescription = &sarifMessage{Text: ri.Summary}
		}
		add(sr)
	}
	return out, index
}

// ruleHelp is the help GitHub shows beside an alert: the documentation and
// the rule's example, in plain text and Markdown.
func ruleHelp(id string, r *sdk.Rule) *sarifMessage {
	doc := strings.TrimSpace(r.Doc)
	if doc == "" {
		doc = r.Summary
	}
	if doc == "" && r.Example.Before == "" {
		return nil
	}
	text, md := doc, doc
	if r.Example.Before != "" {
		text += "\n\nFlagged: " + r.Example.Before
		md += "\n\n**Flagged:**\n\n> " + strings.ReplaceAll(r.Example.Before, "\n", "\n> ")
		if r.Example.After != "" {
			text += "\nFixed: " + r.Example.After
			md += "\n\n**Fixed:**\n\n> " + strings.ReplaceAll(r.Example.After, "\n", "\n> ")
		}
	}
	text += "\n\nRun `copydesk explain " + id + "` for the rule's options."
	md += "\n\nRun `copydesk explain " + id + "` for the rule's options."
	return &sarifMessage{Text: text, Markdown: md}
}

func sarifLevel(s sdk.Severity) string {
	switch s {
	case sdk.Error:
		return "error"
	case sdk.Warning:
		return "warning"
	}
	return "note"
}

// sarifSpan is a region; SARIF requires positive numbers and an end that
// does not come before the start.
func sarifSpan(line, col, endLine, endCol int) *sarifRegion {
	line, col = max(line, 1), max(col, 1)
	if endLine < line {
		endLine, endCol = line, col
	}
	if endLine == line && endCol < col {
		endCol = col
	}
	return &sarifRegion{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: max(endCol, 1)}
}

// sarifURI turns a path as copydesk names it into a URI reference: relative
// paths stay relative (code scanning resolves them against the repository
// root), absolute ones become file URIs.
func sarifURI(path string) string {
	slash := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slash, "/") {
			slash = "/" + slash // C:/x on Windows
		}
		return (&url.URL{Scheme: "file", Path: slash}).String()
	}
	slash = strings.TrimPrefix(slash, "./")
	return (&url.URL{Path: slash}).String()
}

// sarifFingerprint identifies a finding by its rule, the text under it and
// its line's text, not its line number, so code scanning keeps tracking an
// alert when copy is inserted above it (the same key as a baseline).
func sarifFingerprint(d runner.Diagnostic, line string, src []byte) string {
	h := sha256.New()
	var under string
	if d.Offset >= 0 && d.Offset <= d.EndOffset && d.EndOffset <= len(src) {
		under = string(src[d.Offset:d.EndOffset])
	}
	fmt.Fprintf(h, "%s\x00%s\x00%s", d.Rule, under, strings.TrimSpace(line))
	return hex.EncodeToString(h.Sum(nil))[:32]
}
