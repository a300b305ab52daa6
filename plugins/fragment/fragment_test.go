package fragment

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

func TestFixtures(t *testing.T) {
	sdktest.Run(t, sdktest.TestData(), Plugin)
}

// TestFiniteVerbs checks the verb test on sentences whose finite verb is
// unusual, and on fragments that have none.
func TestFiniteVerbs(t *testing.T) {
	finite := []string{
		"Stay home if you can.",                                  // imperative
		"Please read the instructions before voting.",            // imperative after an adverb
		"There is no need to travel.",                            // existential
		"The bridge was closed after the collision.",             // passive
		"The roads cleared, buses resumed their routes by noon.", // absolute construction
		"The storm over, the crews went back to their depots.",   // verbless absolute + main clause
		"This particular event grows in popularity every year.",  // -s verb the tagger reads as a noun
		"The match ended with Sweden winning three points.",      // past tense the tagger reads as a participle
		"Exports grow when the currency weakens.",
		"The request results from a ruling of the court.",
		"They'll save and invest more.",
		"Both sides say their offer is final.",
		"Several analysts said the figures were weak.",
		"Demand for the product grows in winter.",
		"The company earns 1.61 dlrs a share.",
		"In most years the river floods in spring.",                  // an opening phrase, then the subject
		"Reserves for the five new fields total 50 million barrels.", // a verb the tagger makes an adjective
		"Today, PC shipments annually total some $38.3 billion world-wide.",
		"Currently, the government charges nothing for such filings.", // a verb read as a plural noun
	}
	for _, s := range finite {
		if !hasFiniteVerb(tagSentence(s)) {
			t.Errorf("no finite verb found in %q: %v", s, tagSentence(s))
		}
	}
	verbless := []string{
		"Conflicts between the two largest economies.",
		"Specialty steels and an electronics retailer.",
		"After consulting with the island traders association.",
		"And the showdown, for the chance.",
		"Complaints about late sailings and cancelled crossings.",
		"Here north of the town then.",
		"Several times their face value.", // a plural after a quantifier is a noun, not a verb
		"Many times the usual amount.",
		"At larger venues in the UK.",             // the -s noun is the opening preposition's object
		"On auction websites at twice the price.", // likewise
		"From 4.55 billion dlrs a month earlier.", // "dlrs a month" is a rate, not a verb and its object
		"At 10 cts a share, payable to holders of record.",
		"On its copper and zinc operations in Quebec.",
		"Shares outstanding at the end of the year.", // a postpositive adjective, no amount after it
		"For missing drugs tests this summer.",       // a noun and its time, not a verb and its object
	}
	for _, s := range verbless {
		if hasFiniteVerb(tagSentence(s)) {
			t.Errorf("finite verb found in fragment %q: %v", s, tagSentence(s))
		}
	}
}

// TestRules checks each rule on short paragraphs, fragments and negatives.
func TestRules(t *testing.T) {
	// The context is long enough for the orphan rule to judge what the
	// article is about; each case adds one paragraph.
	const lead = "Storm closes schools across the valley\n\n" +
		"Heavy snow closed schools across the valley on Monday, and the county warned drivers to stay off the roads. " +
		"The storm brought more snow than any since 1996.\n\n" +
		"Ploughs worked through the night on the main routes, but side streets were left for later. " +
		"The county said buses would return once the roads were clear. " +
		"Schools in four districts were closed, and parents were told to check the district website.\n\n" +
		"The regional hospital brought in extra staff overnight. " +
		"Crews expect to finish clearing the roads by Wednesday, the county's emergency manager said. " +
		"Forecasters expect more snow overnight and temperatures below freezing.\n\n"
	cases := []struct {
		name, text, rule string // rule "" means no finding
	}{
		{"split noun phrase", "The county manager spoke amid dim prospects for progress on a long list. Complaints about closed roads and late buses.", "verbless"},
		{"noun phrase with relative clause", "The county hired a contractor to clear the roads. A firm from the coast which it pays by the hour.", "verbless"},
		{"relative clause as an aside", "The county hired a contractor to clear the roads. The firm - which controls half the regional market - aims to finish by Wednesday.", ""},
		{"relative clause inside a whole sentence", "The county hired a contractor to clear the roads. The firm that won the contract starts on Tuesday.", ""},
		{"split prepositional tail", "The county closed the mountain road. After checking with the police and the ploughing crews.", "verbless"},
		{"stranded because", "The buses were called off. Because the crews had failed to clear the side streets.", "stranded-clause"},
		{"stranded relative", "A local paper reported that the county had run out of salt. Which the county denies.", "stranded-clause"},
		{"when with relative tail", "At least 12 people were hurt on the roads. When the old bridge closed, the cause of which is unknown.", "stranded-clause"},
		{"orphan", "The county will work with the districts to ensure steady bus service between the towns. There is no spin in collision.", "orphan"},
		{"when with main clause", "The schools will stay shut. When the roads are clear, the buses will return.", ""},
		{"although with main clause", "The county bought more ploughs. Although it has more crews this year, officials asked for patience.", ""},
		{"as without a comma", "The county kept the hall open late. As we entered the manager waved us in from the cold.", ""},
		{"after with that-complement", "The county closed the bridge. After it became known that the ploughs had broken down.", "stranded-clause"},
		{"stranded while with a relative clause", "The county bought more ploughs. While others feared losing crews who drive in from the coast.", "stranded-clause"},
		{"stranded because with a reported clause", "The buses were called off. Because the drivers said they feared the side streets.", "stranded-clause"},
		{"as with a relative clause and a main clause", "The county kept the hall open late. As the crews who had worked all night arrived the manager waved them in.", ""},
		{"wire table row", "The county published its snow budget on Tuesday. Oper net 6,120,000 vs 5,190,000. Oper shr 1.20 dlrs vs 1.01 dlrs.", ""},
		{"wire table with a period label", "Oper shr 42 cts vs 36 cts. Oper net 6,120,000 vs 5,190,000. Nine mths. Oper shr 1.20 dlrs vs 1.01 dlrs.", ""},
		{"since as preposition", "The county kept records of the snow. Since 1996 the valley has seen no storm like it.", ""},
		{"imperative", "The county issued a warning about the roads. Stay home if you can.", ""},
		{"imperative read as a name", "The county asked for patience. Imagine shovelling Riverton out to reach just your own front gate.", ""},
		{"passive", "The hospital was placed on alert. Extra staff were brought in overnight.", ""},
		{"there is", "The county spoke on Monday about the snow. There is no need to travel unless it is an emergency.", ""},
		{"absolute construction", "Snow fell all night. The roads cleared, buses resumed their routes by noon.", ""},
		{"quoted fragment", "The county manager was asked about the roads. \"Not today. Maybe Wednesday.\"", ""},
		{"single-quoted fragment", "The county manager was asked about the roads. 'Not today, and maybe not tomorrow either.'", ""},
		{"stylistic", "Snow is not new here. Not like this.", ""},
		{"answer to question", "Will the schools reopen on Tuesday? Probably not before the weekend.", ""},
		{"short related sentence", "The county hired two more crews for the ploughs. The crews start on Tuesday.", ""},
		{"pronoun reference", "The county approved a new contract for salt on Tuesday. It starts in June.", ""},
		{"caption credit", "Ploughs cleared the ridge road overnight. Photo by Ana Ruiz.", ""},
		{"lone sentence in its paragraph", "Complaints about closed roads and late buses.", ""},
		{"head left behind opens its paragraph", "Delayed shipments from the port to the coast. Because of the strike, exports to the region have fallen.", "verbless"},
		{"broken off on and", "The council approved the plan. Just the binding and.", "broken-off"},
		{"broken off on the", "The council approved the plan. Only the ferry near the.", "broken-off"},
		{"who opens a stranded clause", "The council approved the plan. Who gave it to the press on Monday.", "stranded-clause"},
		{"where opens a stranded clause", "The council approved the plan. Where the mayor and two aides will face the voters.", "stranded-clause"},
		{"that-complement after an adjective", "The council approved the plan. After it became known that he left the papers at home.", "stranded-clause"},
		{"phrase and a relative clause to the end", "The pilgrims were crushed at the bridge. During the 1991 pilgrimage, in which hundreds were trampled.", "verbless"},
		{"preposition, noun and relative clause", "The council approved the plan. After an audit which led to the sacking of the firm.", "verbless"},
		{name: "before that", text: "She joined the paper in 2019. Before that she was a freelance reporter in Lisbon."},
		{name: "since then", text: "The plant opened in 2001. Since then sales have doubled."},
		{"since that opens a clause", "The plant opened in 2001. Since that plant closed in the spring.", "stranded-clause"},
		{"no subject after an opening phrase", "The ministry will publish a white paper on policy. For immigration and asylum is expected to be published on Monday.", "no-subject"},
		{"no subject, a modal", "Investment is welcome, the minister said. From abroad would generate many new jobs in the province.", "no-subject"},
		{"no subject after a comma", "Trade between the two fell sharply. In Europe in the first two months of the year, was resumed with vigour.", "no-subject"},
		{"no subject after a span of years", "The council published its accounts on Monday. In arrears from 2006 to 2009 are under review by the council.", "no-subject"},
		{name: "a span of years, then the subject", text: "The council published its accounts on Monday. From 2006 to 2009 the council ran a deficit."},
		{name: "once again", text: "The council published its accounts on Monday. Once again, The request of the council results from the ruling of the court."},
		{"a noun phrase and its attribution", "The exchange changed its rules on Monday. Member firms, the chairman said in remarks prepared for delivery.", "verbless"},
		{name: "reported speech with its own verb", text: "The exchange changed its rules on Monday. The rules will change again, the exchange said."},
		{name: "an opening phrase before the attribution", text: "The exchange changed its rules on Monday. In the long run, the chairman said, prices will rise."},
		{name: "inversion after a phrase of place", text: "The bus left the road near the bridge. Among the dead were two children from the village."},
		{name: "a date, then the subject", text: "The plant opened in 2001. In 2019 exports rose by a fifth."},
		{name: "a phrase, then the subject", text: "The plant opened in 2001. On Monday the council voted to close it."},
		{name: "a participle, then the main clause", text: "The bank met on Tuesday. In a monthly report prepared for the meeting, the bank found that prices were stable."},
		{"a past form after an article is no verb", "The game looks fine. But the unique, with the intended.", "verbless"},
		{"broken off inside a running quotation", "\"We support them fully, he said. Only the final near the.", "broken-off"},
		{name: "the injured and a verb", text: "The bus left the road near the bridge. The injured were taken to hospital in the town."},
		{name: "all agreed", text: "The council met on Tuesday. All agreed to delay the council vote."},
		{name: "a preposition may end a sentence", text: "The squire was asked about the house. Nothing to complain of. It is anything but."},
		{"a phrase and a dependent clause", "Shells hit the border town on Monday. Weeks after the army left the area.", "stranded-clause"},
		{"a place and a dependent clause", "Shells hit the border on Monday. The village after at least one shell landed near the school.", "stranded-clause"},
		{"a participle and its agent are no verb", "The council approved the plan. A decision welcomed by commuters.", "verbless"},
		{"a reduced relative is no verb", "The bid was raised on Monday. With financial projections made by the bidder in its offer.", "verbless"},
		{name: "a phrase, a clause and the main clause", text: "Shells hit the border on Monday. Two days after the vote, the minister resigned."},
		{name: "a subject, a verb and a clause", text: "Shells hit the border on Monday. The villagers left after the army arrived."},
		{name: "a participle opens the sentence", text: "The bid was raised on Monday. Raised by the bidder in the morning, the bid was raised."},
		{name: "by and an amount", text: "The bid was raised on Monday. As part of the cuts, the council cut by $30 million the bid it had raised."},
		{name: "by and a gerund", text: "Shells hit the border on Monday. The army retaliated by firing dozens of shells at the border."},
		{name: "a reduced relative and the main verb", text: "The bid was raised on Monday. Figures released by the bidder showed the bid was raised."},
		{name: "the WHO is no relative pronoun", text: "The council approved the plan. WHO officials visited the island in 2011 to check the water."},
		{name: "where with its main clause", text: "The council approved the plan. Where the road ends, a new path will begin."},
		{name: "relative aside closed before the main verb", text: "The council approved the plan. In the town, which has 3,000 people, the vote was close."},
		{name: "relative clause inside a whole sentence", text: "The council approved the plan. Among those who voted against were two aides."},
		{name: "a capital letter A", text: "The council approved the plan. The ferry line is rated Class A."},
		{name: "trailing off on purpose", text: "The council approved the plan. And then there was the money and..."},
		{"coordinated verbs after a that-clause's subject", "The board recommended a ban. After concluding that smoke, when confined to a cabin, posed hazards to crews, irritated passengers, and created a risk of fires.", "stranded-clause"},
		{"participles after the clause", "The festival is crowded. As they carry lanterns, given away by the city and bought from vendors at the event.", "stranded-clause"},
		{"the clause's subject listed with commas", "The play is shortlisted. Where Ian Smith, Jean Kalman and Paul Arditti will be up against Ann Green, for Iphigenia, and Paul Brown, for Servant.", "stranded-clause"},
		{name: "main clause with its subject before an aside", text: "The council approved the plan. After the vote, the mayor, a Democrat, said he would resign."},
		{name: "a negative order", text: "The doctor was calm. When you hear hoofbeats, don't think of zebras."},
		{name: "a gerund subject", text: "The car is safe. When it comes to a safe vehicle, driving a Mercedes has been compared to driving a tank."},
		{name: "a participle as an adjective", text: "The virus spreads in summer. After an incubation period of two weeks, infected mosquitoes can then transmit the virus."},
		{name: "main clause without a comma", text: "The sequel came out in May. As the game progresses you swap between the factions, pig and cat, in turn."},
		{name: "an order after the clause", text: "The fair is crowded. If you really want to avoid the crowds, definitely avoid the weekends."},
		{"a participle's phrase after a comma", "The survey shows the Conservatives ahead. With a rating of 37.5 pct, followed by the Alliance with 31.5 pct.", "verbless"},
		{"a participle's object", "The municipalities pay no tax. The town of Livorno asking religious schools to pay property taxes.", "verbless"},
		{"a participle in the opening phrase", "Goodison spoke on Monday. In remarks prepared for delivery in New York.", "verbless"},
		{"a prepositional phrase and a dependent clause", "Prices rose in May. In Tel Aviv and Chicago, when they decided to fly back early.", "stranded-clause"},
		{"a clause's subject, an aside, its verb", "Kenteris won gold in the 200m. In 2000, where Thanou, 29, won silver in the 100m.", "stranded-clause"},
		{name: "a participle qualifying the subject", text: "Prices rose in May. Growing demand fuels the rise."},
		{name: "a participle's aside, then the verb", text: "The bill was amended. The bill, passed by the Senate, goes to the House."},
		{name: "a phrase, a clause, then the main clause", text: "The bill was amended. In 1990, when the wall fell, the city was divided."},
		{"wire capital after U.S.", "The satellite will be moved to cover the entire U.S. Since another satellite failed in orbit in August 1984.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := lead
			switch c.name {
			case "lone sentence in its paragraph":
				text = lead + "\n" + c.text + "\n"
			case "head left behind opens its paragraph":
				text = lead + "\n" + c.text + "\n"
			default:
				text += c.text + "\n"
			}
			got := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, text)
			if c.rule == "" {
				for _, r := range got {
					t.Errorf("unexpected finding %s", r)
				}
				return
			}
			if len(got) != 1 || got[0].Rule != c.rule {
				t.Fatalf("want one %s finding, got %v", c.rule, got)
			}
			last := c.text[strings.LastIndex(strings.TrimRight(c.text, ".\""), ". ")+2:]
			if c.name == "head left behind opens its paragraph" {
				last = c.text[:strings.Index(c.text, ". ")+1] // the head, not its rest
			}
			if got[0].Text != last {
				t.Errorf("finding covers %q, want %q", got[0].Text, last)
			}
		})
	}
}

// TestBlockKinds checks that only body paragraphs are read: the same
// fragment in a subhead, a list item, a caption or a block quote is left
// alone.
func TestBlockKinds(t *testing.T) {
	const frag = "The county closed the road on Monday. Complaints about closed roads and late buses."
	for _, kind := range []article.BlockKind{article.Paragraph, article.Heading, article.ListItem, article.Caption, article.BlockQuote, article.Aside} {
		t.Run(string(kind), func(t *testing.T) {
			text := "Storm closes schools\n\n" + frag
			b := article.NewBuilder("test.txt", article.FormatText, []byte(text))
			b.Copy(text, 0)
			b.AddBlock(article.Headline, "h1", 0, len("Storm closes schools"))
			b.AddBlock(kind, "", len("Storm closes schools\n\n"), len(text))
			got := sdktest.Check(t, Plugin, sdktest.Config{}, b.Finish())
			want := 0
			if kind == article.Paragraph {
				want = 1
			}
			if len(got) != want {
				t.Errorf("%s block: want %d findings, got %v", kind, want, got)
			}
		})
	}
}

// TestStylisticOption checks that deliberate fragments are reported, as
// info, only when asked for.
func TestStylisticOption(t *testing.T) {
	text := "Headline\n\nSnow is no stranger to the valley in winter. Not like this.\n"
	cfg := sdktest.Config{Rules: map[string]sdk.RuleSettings{"verbless": {Enabled: true, Options: sdk.Options{"stylistic": true}}}}
	got := sdktest.CheckText(t, Plugin, cfg, article.FormatText, text)
	if len(got) != 1 || got[0].Severity != sdk.Info {
		t.Fatalf("want one info finding, got %v", got)
	}
	if got := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, text); len(got) != 0 {
		t.Fatalf("stylistic fragment reported by default: %v", got)
	}
}

// TestSeed checks the reference article: both required fragments are
// found and the clean lines stay clean.
func TestSeed(t *testing.T) {
	path := filepath.Join(sdktest.SharedDir(t), "corpus", "seed", "blinken-china-trip.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	a, err := article.Parse(path, article.FormatText, data)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[int]int{}
	for _, r := range sdktest.Check(t, Plugin, sdktest.Config{}, a) {
		lines[r.Line]++
		t.Logf("%s", r)
	}
	for _, l := range []int{3, 7} {
		if lines[l] == 0 {
			t.Errorf("line %d: fragment not reported", l)
		}
	}
	for _, l := range []int{1, 5, 9, 11, 13, 15, 19, 21, 23, 25, 27, 29, 33} {
		if lines[l] != 0 {
			t.Errorf("line %d: clean line reported", l)
		}
	}
}

// TestScore scores the plugin on the shared dev set and the clean source
// articles.
func TestScore(t *testing.T) {
	s := sdktest.Score(t, Plugin, sdktest.Config{}, sdk.CategoryFragment)
	t.Log(s)
	for _, m := range s.Misses {
		t.Log("miss:", m)
	}
	for _, f := range s.FalseAlarms {
		t.Log("false alarm:", f)
	}
	if s.Recall() < 0.8 {
		t.Errorf("recall %.2f < 0.8", s.Recall())
	}
	if s.Precision() < 0.85 {
		t.Errorf("precision %.2f < 0.85", s.Precision())
	}
	controls, clean := 0, 0
	for _, c := range sdktest.EvalCases(t) {
		if c.Control {
			controls += countSentences(t, c.Path)
		}
	}
	for _, p := range sdktest.CleanArticles(t) {
		clean += countSentences(t, p)
	}
	t.Logf("control sentences %d, clean-article sentences %d", controls, clean)
	if rate := 1000 * float64(s.ControlFalsePos) / float64(controls); rate >= 2 {
		t.Errorf("%.2f false positives per 1,000 control sentences, want < 2", rate)
	}
	if rate := 1000 * float64(s.CleanFalsePos) / float64(clean); rate >= 2 {
		t.Errorf("%d findings on the clean articles (%.2f per 1,000 sentences), want < 2 per 1,000", s.CleanFalsePos, rate)
	}
}

func countSentences(t *testing.T, path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(path, article.FormatText, data)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range a.Blocks {
		n += len(b.Sentences)
	}
	return n
}

// TestConcurrent checks articles from several goroutines at once, as a
// plugin server may, and expects the same findings as one at a time.
func TestConcurrent(t *testing.T) {
	var arts []*article.Article
	for _, name := range []string{"defects.txt", "clean.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Parse(name, article.FormatText, data)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	s, err := sdk.NewSession(Plugin, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]int, len(arts))
	for i, a := range arts {
		found, _ := s.Check(a)
		want[i] = len(found)
	}
	if want[0] == 0 {
		t.Fatal("no findings on the defective fixture")
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for n := 0; n < 5; n++ {
				for i, a := range arts {
					c := *a
					found, fails := s.Check(&c)
					if len(fails) > 0 || len(found) != want[i] {
						done <- fmt.Errorf("article %d: %d findings (want %d), failures %v", i, len(found), want[i], fails)
						return
					}
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestExamples checks that each rule reports the example it documents and
// is silent on the fixed version. The orphan rule is let loose on a
// two-sentence article for the purpose.
func TestExamples(t *testing.T) {
	for _, r := range Plugin.Rules {
		t.Run(r.Name, func(t *testing.T) {
			cfg := sdktest.Config{Rules: map[string]sdk.RuleSettings{}}
			for _, o := range Plugin.Rules {
				cfg.Rules[o.Name] = sdk.RuleSettings{Enabled: o == r}
			}
			cfg.Rules[Orphan.Name] = sdk.RuleSettings{Enabled: r == Orphan, Options: sdk.Options{"min-sentences": 0.0}}
			before := sdktest.CheckText(t, Plugin, cfg, article.FormatText, "Headline\n\n"+r.Example.Before+"\n")
			if len(before) != 1 || before[0].Rule != r.Name {
				t.Errorf("Example.Before: want one %s finding, got %v", r.Name, before)
			}
			if after := sdktest.CheckText(t, Plugin, cfg, article.FormatText, "Headline\n\n"+r.Example.After+"\n"); len(after) != 0 {
				t.Errorf("Example.After: want no finding, got %v", after)
			}
		})
	}
}
