package protocol

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article/model"
	"github.com/copydesk/copydesk/core/protocol/pb"
	"github.com/copydesk/copydesk/core/sdk"
)

func spanToWire(s model.Span) *pb.Span { return &pb.Span{Start: int64(s.Start), End: int64(s.End)} }

func spanFromWire(s *pb.Span) model.Span {
	if s == nil {
		return model.Span{}
	}
	return model.Span{Start: int(s.Start), End: int(s.End)}
}

// valid makes s fit a protobuf string field, which must be UTF-8: one bad
// byte would fail the whole message and break the stream it travels on.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// ArticleToWire converts an article for sending: text, blocks and metadata.
// The source map stays in the host. The text must be valid UTF-8 (the
// readers guarantee it); a path or metadata value that is not is repaired,
// as plugins only display them.
func ArticleToWire(a *model.Article) *pb.Article {
	w := &pb.Article{Path: valid(a.Path), Format: string(a.Format), Text: a.Text, Meta: a.Meta, Language: valid(a.Language)}
	for k, v := range a.Meta {
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			w.Meta = make(map[string]string, len(a.Meta))
			for k, v := range a.Meta {
				w.Meta[valid(k)] = valid(v)
			}
			break
		}
	}
	w.Blocks = make([]*pb.Block, len(a.Blocks))
	for i, b := range a.Blocks {
		wb := &pb.Block{Kind: string(b.Kind), Element: b.Element, Span: spanToWire(b.Span)}
		if len(b.Sentences) > 0 {
			wb.Sentences = make([]int64, 0, 2*len(b.Sentences))
			for _, s := range b.Sentences {
				wb.Sentences = append(wb.Sentences, int64(s.Span.Start), int64(s.Span.End))
			}
		}
		w.Blocks[i] = wb
	}
	w.Recurrence = recurrenceToWire(a.Recurrence)
	return w
}

// ArticleFromWire rebuilds an article received by a plugin.
func ArticleFromWire(w *pb.Article) *model.Article {
	if w == nil {
		return model.FromWire("", "", "", nil, nil, "")
	}
	blocks := make([]model.Block, len(w.Blocks))
	for i, wb := range w.Blocks {
		b := model.Block{Kind: model.BlockKind(wb.Kind), Element: wb.Element, Span: spanFromWire(wb.Span)}
		if n := len(wb.Sentences) / 2; n > 0 {
			b.Sentences = make([]model.Sentence, n)
			for j := range b.Sentences {
				b.Sentences[j] = model.Sentence{Span: model.Span{Start: int(wb.Sentences[2*j]), End: int(wb.Sentences[2*j+1])}}
			}
		}
		blocks[i] = b
	}
	a := model.FromWire(w.Path, model.Format(w.Format), w.Text, blocks, w.Meta, w.Language)
	a.Recurrence = recurrenceFromWire(w.Recurrence)
	return a
}

// recurrenceToWire converts the cross-file signal (nil: none).
func recurrenceToWire(r *model.Recurrence) *pb.Recurrence {
	if r == nil {
		return nil
	}
	w := &pb.Recurrence{Source: valid(r.Source), GroupFiles: int32(r.GroupFiles), Lines: make([]*pb.RecurringLine, len(r.Lines))}
	for i, l := range r.Lines {
		wl := &pb.RecurringLine{Span: spanToWire(l.Span), Files: int32(l.Files)}
		for _, o := range l.Others {
			wl.Others = append(wl.Others, valid(o))
		}
		w.Lines[i] = wl
	}
	return w
}

// recurrenceFromWire decodes the cross-file signal (nil: none).
func recurrenceFromWire(w *pb.Recurrence) *model.Recurrence {
	if w == nil {
		return nil
	}
	r := &model.Recurrence{Source: w.Source, GroupFiles: int(w.GroupFiles), Lines: make([]model.RecurringLine, len(w.Lines))}
	for i, wl := range w.Lines {
		r.Lines[i] = model.RecurringLine{Span: spanFromWire(wl.Span), Files: int(wl.Files), Others: wl.Others}
	}
	return r
}

func optionsToWire(opts []sdk.Option) ([]*pb.Option, error) {
	out := make([]*pb.Option, len(opts))
	for i, o := range opts {
		w := &pb.Option{Name: o.Name, Type: string(o.Type), Doc: o.Doc, Choices: o.Choices}
		if o.Default != nil {
			b, err := json.Marshal(o.Default)
			if err != nil {
				return nil, fmt.Errorf("option %s: default cannot be encoded as JSON: %w", o.Name, err)
			}
			w.DefaultJson = string(b)
		}
		out[i] = w
	}
	return out, nil
}

func optionsFromWire(ws []*pb.Option) ([]sdk.Option, error) {
	if len(ws) == 0 {
		return nil, nil
	}
	out := make([]sdk.Option, len(ws))
	for i, w := range ws {
		o := sdk.Option{Name: w.Name, Type: sdk.OptionType(w.Type), Doc: w.Doc, Choices: w.Choices}
		if w.DefaultJson != "" {
			if err := json.Unmarshal([]byte(w.DefaultJson), &o.Default); err != nil {
				return nil, fmt.Errorf("option %s: default is not JSON: %w", w.Name, err)
			}
		}
		out[i] = o
	}
	return out, nil
}

// DescribeToWire describes a plugin.
func DescribeToWire(p *sdk.Plugin) (*pb.DescribeResponse, error) {
	opts, err := optionsToWire(p.Options)
	if err != nil {
		return nil, err
	}
	w := &pb.DescribeResponse{Name: p.Name, Version: p.Version, Doc: p.Doc, Options: opts}
	for _, r := range p.Rules {
		ropts, err := optionsToWire(r.Options)
		if err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.Name, err)
		}
		w.Rules = append(w.Rules, &pb.Rule{
			Name: r.Name, Category: r.Category, Severity: int32(r.Severity),
			Summary: r.Summary, Doc: r.Doc,
			Example:   &pb.Example{Before: r.Example.Before, After: r.Example.After},
			Options:   ropts,
			Disabled:  r.Disabled,
			Languages: r.Languages,
		})
	}
	return w, nil
}

// DescribeFromWire rebuilds a plugin's description. Its rules have no Check
// and it has no Configure: the code stays in the plugin process.
func DescribeFromWire(w *pb.DescribeResponse) (*sdk.Plugin, error) {
	opts, err := optionsFromWire(w.Options)
	if err != nil {
		return nil, err
	}
	p := &sdk.Plugin{Name: w.Name, Version: w.Version, Doc: w.Doc, Options: opts}
	for _, wr := range w.Rules {
		ropts, err := optionsFromWire(wr.Options)
		if err != nil {
			return nil, fmt.Errorf("rule %s: %w", wr.Name, err)
		}
		r := &sdk.Rule{
			Name: wr.Name, Category: wr.Category, Severity: sdk.Severity(wr.Severity),
			Summary: wr.Summary, Doc: wr.Doc, Options: ropts, Disabled: wr.Disabled,
			Languages: wr.Languages,
		}
		if wr.Example != nil {
			r.Example = sdk.Example{Before: wr.Example.Before, After: wr.Example.After}
		}
		p.Rules = append(p.Rules, r)
	}
	return p, nil
}

func optionsJSON(o sdk.Options) (string, error) {
	if len(o) == 0 {
		return "", nil
	}
	b, err := json.Marshal(o)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

func optionsFromJSON(s string) (sdk.Options, error) {
	if s == "" {
		return nil, nil
	}
	var o sdk.Options
	if err := json.Unmarshal([]byte(s), &o); err != nil {
		return nil, err
	}
	return o, nil
}

// ConfigureToWire encodes rules.toml's settings for one plugin. Option values
// travel as JSON, so they arrive as a JSON round trip would leave them
// (numbers as float64), which is what sdk.Options documents.
func ConfigureToWire(pluginOptions sdk.Options, rules map[string]sdk.RuleSettings) (*pb.ConfigureRequest, error) {
	po, err := optionsJSON(pluginOptions)
	if err != nil {
		return nil, fmt.Errorf("plugin options cannot be encoded as JSON: %w", err)
	}
	req := &pb.ConfigureRequest{PluginOptionsJson: po, Rules: map[string]*pb.RuleSettings{}}
	for name, set := range rules {
		oj, err := optionsJSON(set.Options)
		if err != nil {
			return nil, fmt.Errorf("rule %s: options cannot be encoded as JSON: %w", name, err)
		}
		req.Rules[name] = &pb.RuleSettings{Enabled: set.Enabled, Severity: int32(set.Severity), OptionsJson: oj}
	}
	return req, nil
}

// ConfigureFromWire decodes a ConfigureRequest.
func ConfigureFromWire(req *pb.ConfigureRequest) (sdk.Options, map[string]sdk.RuleSettings, error) {
	po, err := optionsFromJSON(req.PluginOptionsJson)
	if err != nil {
		return nil, nil, fmt.Errorf("plugin options are not a JSON object: %w", err)
	}
	rules := make(map[string]sdk.RuleSettings, len(req.Rules))
	for name, w := range req.Rules {
		if w == nil {
			continue
		}
		o, err := optionsFromJSON(w.OptionsJson)
		if err != nil {
			return nil, nil, fmt.Errorf("rule %s: options are not a JSON object: %w", name, err)
		}
		rules[name] = sdk.RuleSettings{Enabled: w.Enabled, Severity: sdk.Severity(w.Severity), Options: o}
	}
	return po, rules, nil
}

// FindingsToWire encodes one article's findings, at most limit+1 of them
// when limit > 0 (the host only needs to see that the limit was passed).
// Texts that are not UTF-8 (a rule that quoted half a character) are
// repaired rather than lose the article's every finding.
func FindingsToWire(found []sdk.Finding, limit int) []*pb.Finding {
	if limit > 0 && len(found) > limit+1 {
		found = found[:limit+1]
	}
	out := make([]*pb.Finding, len(found))
	for i, f := range found {
		w := &pb.Finding{
			Rule: f.Rule, Category: f.Category, Severity: int32(f.Severity),
			Span: spanToWire(f.Span), Message: valid(f.Message),
		}
		for _, s := range f.Suggestions {
			w.Suggestions = append(w.Suggestions, &pb.Suggestion{Span: spanToWire(s.Span), Replacement: valid(s.Replacement), Description: valid(s.Description)})
		}
		for _, r := range f.Related {
			w.Related = append(w.Related, &pb.Related{Span: spanToWire(r.Span), Message: valid(r.Message)})
		}
		out[i] = w
	}
	return out
}

// FindingsFromWire decodes findings. It does not validate them; the host does.
func FindingsFromWire(ws []*pb.Finding) []sdk.Finding {
	if len(ws) == 0 {
		return nil
	}
	out := make([]sdk.Finding, len(ws))
	for i, w := range ws {
		f := sdk.Finding{Rule: w.Rule, Category: w.Category, Diagnostic: sdk.Diagnostic{
			Span: spanFromWire(w.Span), Message: w.Message, Severity: sdk.Severity(w.Severity),
		}}
		for _, s := range w.Suggestions {
			f.Suggestions = append(f.Suggestions, sdk.Suggestion{Span: spanFromWire(s.Span), Replacement: s.Replacement, Description: s.Description})
		}
		for _, r := range w.Related {
			f.Related = append(f.Related, sdk.Related{Span: spanFromWire(r.Span), Message: r.Message})
		}
		out[i] = f
	}
	return out
}

// FailuresToWire encodes rule failures.
func FailuresToWire(fs []sdk.RuleFailure) []*pb.RuleFailure {
	out := make([]*pb.RuleFailure, len(fs))
	for i, f := range fs {
		out[i] = &pb.RuleFailure{Rule: f.Rule, Error: valid(f.Error)}
	}
	return out
}

// FailuresFromWire decodes rule failures.
func FailuresFromWire(ws []*pb.RuleFailure) []sdk.RuleFailure {
	if len(ws) == 0 {
		return nil
	}
	out := make([]sdk.RuleFailure, len(ws))
	for i, w := range ws {
		out[i] = sdk.RuleFailure{Rule: w.Rule, Error: w.Error}
	}
	return out
}
