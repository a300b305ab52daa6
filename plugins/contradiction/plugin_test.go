package contradiction

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// copyText builds a plain-text article: a headline, then one paragraph per
// argument, so paragraph i sits on line 3+2i.
func copyText(paras ...string) string {
	return "A headline for the test\n\n" + strings.Join(paras, "\n\n") + "\n"
}

type tableCase struct {
	name  string
	text  string
	rule  string // "" when the plugin must stay silent
	line  int
	match string // a substring of the message
}

func runTable(t *testing.T, cfg sdktest.Config, cases []tableCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sdktest.CheckText(t, Plugin, cfg, article.FormatText, c.text)
			if c.rule == "" {
				for _, r := range got {
					t.Errorf("unexpected finding %s", r)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("want one finding of %s on line %d, got %v", c.rule, c.line, got)
			}
			r := got[0]
			if r.Rule != c.rule || r.Line != c.line || r.Category != sdk.CategoryContradiction {
				t.Errorf("want %s on line %d, got %s", c.rule, c.line, r)
			}
			if !strings.Contains(r.Message, c.match) {
				t.Errorf("message %q does not mention %q", r.Message, c.match)
			}
			if len(r.Related) == 0 {
				t.Errorf("finding %s points at only one side", r)
			}
			for _, rel := range r.Related {
				if rel.Span.End <= rel.Span.Start || rel.Message == "" {
					t.Errorf("related span %+v is empty or unexplained", rel)
				}
			}
		})
	}
}

func TestSelfReference(t *testing.T) {
	runTable(t, sdktest.Config{}, []tableCase{
		{"demonym and capital", copyText("German officials said they would seek talks with Berlin on the matter."), "self-reference", 3, `"German" and "Berlin"`},
		{"capital and country", copyText("Beijing has repeatedly rejected talks with China over the issue."), "self-reference", 3, "China"},
		{"government building", copyText("The Kremlin said it had received no response from Moscow."), "self-reference", 3, `"Kremlin" and "Moscow"`},
		{"agent after by", copyText("The decision was seen as a snub to Paris by the French government."), "self-reference", 3, "France"},
		{"country and capital", copyText("Japan imposed fresh sanctions on Tokyo after the vote."), "self-reference", 3, "Japan"},
		{"between", copyText("The talks between Ankara and Turkey ended without agreement."), "self-reference", 3, "Turkey"},
		{"transitive verb", copyText("Canadian officials have accused Ottawa of stalling."), "self-reference", 3, "Canada"},
		{"possessive actor", copyText("Spain's foreign ministry said relations with Madrid were at a low point."), "self-reference", 3, "Spain"},
		{"second paragraph", copyText("The minister arrived on Monday.", "For years the US has resisted holding regular talks with Washington, despite many attempts."), "self-reference", 5, `"US" and "Washington"`},

		{"coordinated", copyText("Sweden and Stockholm signed a new trade agreement on Friday."), "self-reference", 3, "Sweden"},
		{"closing attribution", copyText("Relations with Sweden have rarely been worse, the Swedish foreign minister said."), "self-reference", 3, "Sweden"},
		{"passive", copyText("Swedish diplomats were summoned by Stockholm on Tuesday."), "self-reference", 3, "Stockholm"},
		{"between with a demonym", copyText("The dispute between the Swedish government and Stockholm deepened."), "self-reference", 3, "Stockholm"},
		{"organisation of a country", copyText("Stockholm's ambassador to Sweden was recalled."), "self-reference", 3, "Sweden"},

		{name: "person before relation", text: copyText("Biden has refused talks with China, Chinese officials said.")},
		{name: "subject and speaker differ", text: copyText("The US has refused talks with China, the Chinese foreign ministry said.")},
		{name: "two coordinated states", text: copyText("Sweden and Norway signed a new trade agreement on Friday.")},
		{name: "possessive in coordination", text: copyText("China and Beijing's allies met in Geneva.")},
		{name: "ambassador recalled home", text: copyText("The Swedish ambassador to Norway was recalled to Stockholm.")},
		{"demonym counterpart of a foreign relation", copyText("The decision was a snub to the Swedish leadership by Stockholm."), "self-reference", 3, "Sweden"},
		{"archive state", copyText("West German officials said they had received no reply from Bonn."), "self-reference", 3, "West Germany"},
		{name: "a state accuses its own officials", text: copyText("Beijing accused Chinese officials of corruption.")},
		{"proposal of the same state", copyText("Sweden has rejected Stockholm's proposal for a new border regime."), "self-reference", 3, "Sweden"},
		{"war on itself", copyText("Ukraine declared war on Kyiv, the statement said."), "self-reference", 3, "Ukraine"},
		{"consulted", copyText("Japanese officials said they had not consulted Tokyo on the release."), "self-reference", 3, "Japan"},
		{"informed", copyText("The Italian government said it had informed Rome of the decision."), "self-reference", 3, "Italy"},
		{"press", copyText("Danish officials said they would press Copenhagen for more time."), "self-reference", 3, "Denmark"},
		{"complaint with the government", copyText("A spokesman said Lisbon had filed a complaint with the Portuguese government."), "self-reference", 3, "Portugal"},
		{"accept its own terms", copyText("Diplomats said Oslo would not accept the Norwegian conditions as drafted."), "self-reference", 3, "Norway"},
		{"rejects its own proposal", copyText("The Austrian delegation left the room when Vienna rejected its proposal."), "self-reference", 3, "Austria"},
		{"retaliate against itself", copyText("Tokyo said it would retaliate against Japan if the tariffs were imposed."), "self-reference", 3, "Japan"},
		{"welcomes its own decision", copyText("Madrid welcomed the Spanish decision to reopen the border."), "self-reference", 3, "Spain"},
		{"thanks itself", copyText("The Kenyan president thanked Nairobi for its support during the crisis."), "self-reference", 3, "Kenya"},
		{"requests from itself", copyText("Vietnamese diplomats said Hanoi had ignored repeated requests from Vietnam."), "self-reference", 3, "Vietnam"},
		{"agent after from", copyText("Analysts saw the move as a rebuke to Seoul from the South Korean leadership."), "self-reference", 3, "South Korea"},
		{name: "thanks another state", text: copyText("The Kenyan president thanked Washington for its support during the crisis.")},
		{name: "a letter from a state's people", text: copyText("The letter to Seoul from South Korean farmers asked for aid.")},
		{name: "people meet their government", text: copyText("Danish farmers said they would press the Danish government for aid.")},
		{name: "government building and whole state", text: copyText("The Kremlin held talks with the Russian government on the budget.")},
		{name: "another state's proposal", text: copyText("The Austrian delegation left the room when Rome rejected its proposal.")},
		{name: "own proposal without a subordinate clause", text: copyText("Vienna rejected its proposal, the Austrian minister said.")},
		{name: "accept a demonym's people", text: copyText("Oslo said it would accept Norwegian officials as observers.")},
		{name: "delegation goes home", text: copyText("The Japanese delegation returned to Tokyo for consultations with the government.")},
		{name: "envoy flies home", text: copyText("The Swedish envoy flew back to Stockholm on Friday.")},
		{"relation with modifiers before its preposition", copyText("Chinese officials said talks on trade with Beijing had stalled."), "self-reference", 3, "China"},
		{"asked", copyText("Kenyan officials said they had asked Nairobi for clarification."), "self-reference", 3, "Kenya"},
		{"telephoned", copyText("The Canadian prime minister telephoned Ottawa to discuss the crisis."), "self-reference", 3, "Canada"},
		{"explanation from", copyText("Brazilian authorities have demanded an explanation from Brasilia."), "self-reference", 3, "Brazil"},
		{name: "asked a city's residents", text: copyText("French officials asked Paris residents to stay indoors.")},
		{name: "telephoned another state", text: copyText("The Canadian prime minister telephoned Washington to discuss the crisis.")},
		{name: "explanation from another state", text: copyText("Brazilian authorities have demanded an explanation from Buenos Aires.")},
		{name: "consulted another state", text: copyText("Japanese officials said they had consulted Washington on the release.")},
		{name: "consulted a city's residents", text: copyText("The French government said it had consulted Paris residents on the plan.")},
		{name: "rejects another's proposal", text: copyText("Sweden has rejected Oslo's proposal for a new border regime.")},
		{name: "dismisses its own planners", text: copyText("The Chinese government has dismissed Beijing's city planners.")},
		{name: "officials of a federal state", text: copyText("Mexican state officials clashed with Mexico City over the budget.")},
		{name: "a company named after the country", text: copyText("American Airlines officials held talks with Washington on Monday.")},
		{name: "business leaders are not the state", text: copyText("Russian President Vladimir Putin met with Russian business leaders in Moscow.")},
		{name: "a government meets its own officials", text: copyText("China's president met with Chinese officials in Beijing.")},
		{name: "a president meets his minister", text: copyText("Russia's president held talks with Russia's foreign minister on Friday.")},
		{name: "one-sided capital", text: copyText("Washington said on Tuesday that it would not comment.")},
		{name: "two parties hyphenated", text: copyText("The U.S.-China talks resumed, and talks between Washington and Beijing are expected to continue.")},
		{name: "compound demonym", text: copyText("China's talks with Chinese-American groups have stalled.")},
		{name: "reported speech", text: copyText("Beijing said the US had refused talks with China.")},
		{name: "possessive not the state", text: copyText("China's neighbours have long sought talks with Beijing.")},
		{name: "modifier not the state", text: copyText("US farmers have urged Washington to lift the tariffs.")},
		{name: "citizens not the state", text: copyText("Mexican farmers protested against Mexico City's plans.")},
		{name: "names containing a capital", text: copyText("The Washington Post reported that George Washington University had signed a deal with China.")},
		{name: "sanctions hurt their target", text: copyText("Chinese exporters have been hit by US sanctions on China.")},
		{name: "rebels talk to their capital", text: copyText("Syrian rebels said they had held talks with Damascus.")},
		{name: "two branches", text: copyText("The White House clashed with the Pentagon over the budget.")},
		{name: "locative", text: copyText("Swedish fans travelled to Stockholm for the match against Korea.")},
		{name: "state company", text: copyText("The Mexican government reached an agreement with Mexico's state oil company.")},
		{name: "place name in a sea", text: copyText("India's talks with the Indian Ocean states continued.")},
		{name: "other side", text: copyText("The Chinese side said it was open to talks with Washington.")},
		{name: "a leader visits his own country", text: copyText("The Indian Prime Minister said his visit to India had been a success.")},
		{name: "a visitor's possessive owns the relation", text: copyText("The Kenyan president praised Moldova and said Smirnov's current talks with Nairobi would help.")},
		{"a state's possessive owns the relation", copyText("Officials said Oslo's recent talks with Norway had stalled."), "self-reference", 3, "Norway"},
		{name: "relative clause with another subject", text: copyText("The Arctic Council, which Oslo hopes to lead, is pressing Norway to cut emissions.")},
		{"relative clause closed, same subject before it", copyText("Norway, which Denmark wants to court, is pressing Oslo to cut emissions."), "self-reference", 3, "Norway"},
	})
}

func TestRestatedFigure(t *testing.T) {
	first := "Strong buying from exporters pushed copper cathodes above 8,200 dollars a tonne this week, a premium of about 40 dollars."
	runTable(t, sdktest.Config{}, []tableCase{
		{"recap changes a figure", copyText(first, "Stocks are thin.", "As mentioned, strong buying from exporters pushed copper cathodes above 8,700 dollars a tonne this week, a premium of about 40 dollars."), "restated-figure", 7, "8,200 there, 8,700 here"},
		{"no lead-in", copyText(first, "Stocks are thin.", "Strong buying from exporters pushed copper cathodes above 8,300 dollars a tonne this week, a premium of about 40 dollars."), "restated-figure", 7, "8,300"},
		{"figure in words", copyText("Police said the gunmen fired six shots at the crowd outside the station before fleeing on foot.", "Later, the gunmen fired eight shots at the crowd outside the station before fleeing on foot, police said."), "restated-figure", 5, "six there, eight here"},

		{"restated without the dateline", copyText("LONDON, March 26 - The survey puts the ruling party at 41 percent and the opposition at 33 percent.", "Turnout is expected to be high.", "To recap, the survey puts the ruling party at 41 percent and the opposition at 23 percent."), "restated-figure", 7, "33 there, 23 here"},
		{name: "two facts on one template", text: copyText("Sales rose 11% to 292.32 billion yen from 263.07 billion yen.", "Net income surged 31% to 7.63 billion yen from 5.82 billion yen.")},
		{name: "a template for each item of a list", text: copyText("The floating rate class amounts to 60 mln dlrs. It has an average life of 7.11 years and matures 2018.", "The inverse floater totals 4.8 mln dlrs. It has an average life of 13.49 years and matures 2018.", "The fixed-rate tranche totals 35.2 mln dlrs. It has an average life of 3.5 years and matures 2016.")},
		{name: "same figures restated", text: copyText(first, "As mentioned, strong buying from exporters pushed copper cathodes above 8,200 dollars a tonne this week, a premium of about 40 dollars.")},
		{name: "two quantities share a noun", text: copyText("Twelve people were killed and 15 injured in the blast on Tuesday.", "Police said 15 people were injured and taken to hospital in the city.")},
		{name: "update marked", text: copyText("The death toll rose from 12 to 15 on Wednesday, officials in the province said.", "The toll had stood at 12 on Tuesday.")},
		{name: "parallel template", text: copyText("Net profit in the first quarter rose to 5.3 mln dlrs from 4.2 mln dlrs a year earlier.", "Net profit in the second quarter rose to 6.1 mln dlrs from 4.8 mln dlrs a year earlier.")},
		{name: "different endings", text: copyText("The central bank said it had lent the commercial banks 36 billion yen through its window in the morning session.", "The central bank said it had lent the commercial banks 200 billion yen through its window in the afternoon session.")},
		{name: "another month", text: copyText("Exports fell 2.1 pct to 17.9 billion dlrs, the ministry said.", "In January, exports fell 1.2 pct to 18.3 billion dlrs.")},
		{name: "another year", text: copyText("The company said sales rose 12 pct to 1.2 billion dlrs.", "In 1985, the company said sales rose 9 pct to 1.1 billion dlrs.")},
		{"recap of a dated sentence", copyText("In January, exports fell 1.2 pct to 18.3 billion dlrs, the ministry said.", "As reported earlier, in January, exports fell 2.2 pct to 18.3 billion dlrs, the ministry said."), "restated-figure", 5, "1.2 there, 2.2 here"},
		{name: "range", text: copyText("Shares traded between 12 and 15 dollars in a thin session on the exchange, dealers said.")},
	})
}

func TestConflictingCount(t *testing.T) {
	runTable(t, sdktest.Config{}, []tableCase{
		{"name then age-before-name", copyText("John Smith, 20, was arrested on Friday.", "The 22-year-old John Smith denies the charge."), "conflicting-count", 5, "22 here but 20"},
		{"surname links to the full name", copyText("Maria Lopez, 34, won the race.", "Lopez (36) said she was delighted."), "conflicting-count", 5, "Maria Lopez"},

		{"casualties", copyText("The explosion killed 12 people in the market on Tuesday.", "Relatives of the 15 people killed gathered outside the hospital."), "conflicting-count", 5, "15 people killed here but 12"},

		{name: "killed and injured", text: copyText("Twelve people were killed and 15 injured in the blast.", "The 12 people killed were all traders.")},
		{name: "toll rose", text: copyText("The explosion killed 12 people in the market.", "The death toll rose to 15 people killed by Wednesday.")},
		{name: "estimate", text: copyText("The explosion killed 12 people in the market.", "At least 15 people were killed, a witness said.")},
		{name: "another event", text: copyText("The explosion killed 12 people in the market.", "In 2019 a similar blast killed 40 people.")},
		{name: "same age twice", text: copyText("John Smith, 20, was arrested on Friday.", "The 20-year-old John Smith denies the charge.")},
		{name: "two people", text: copyText("John Smith, 20, and his brother Tom Smith, 24, were arrested.", "Smith, 20, denies the charge.")},
		{name: "age in the past", text: copyText("John Smith, 40, runs the farm.", "He started it when John Smith, 20, left school.")},
		{name: "a bare surname before the full name is another person", text: copyText("The boat carried Porter, 61, his wife, Ellen Grace Porter, 58, and a crew of two.")},
		{name: "surname earlier, full name later", text: copyText("Porter, 61, was the skipper.", "His daughter, Ellen Porter, 29, was rescued.")},
		{"surname after the full name", copyText("Ellen Porter, 29, was rescued.", "Porter, 31, had sailed alone."), "conflicting-count", 5, "Ellen Porter is 31"},
		{name: "an institution is not a person", text: copyText("The Marsden University, 120, is the oldest in the region.", "Officials at the University, 121, disagreed.")},
		{name: "a people is not a person", text: copyText("Of those questioned, Chinese, 40, and Swiss, 12, said yes.", "Among the Chinese, 41, said no.")},
		{name: "an age given through a relation", text: copyText("Ellen Porter, 58, was rescued.", "The 29-year-old son of Ellen Porter was not aboard.")},
		{"an age given to the name itself", copyText("Ellen Porter, 58, was rescued.", "The 59-year-old sailor Ellen Porter was not hurt."), "conflicting-count", 5, "59 here but 58"},
		{name: "part of a total", text: copyText("Eight workers died in the fire: five workers died in the hall and three outside.", "The five workers killed in the hall were buried on Friday.")},
	})
}

func TestImpossibleDate(t *testing.T) {
	runTable(t, sdktest.Config{}, []tableCase{
		{"weekday mismatch", copyText("Sunday, June 20, 2023", "The meeting opened in the capital."), "impossible-date", 3, "Tuesday"},
		{"weekday mismatch day first", copyText("The deal was signed on Monday 8 May 2009 in London."), "impossible-date", 3, "Friday"},
		{"weekday mismatch without year", copyText("Friday, May 8, 2009", "The talks resume on Saturday, May 10 in Geneva."), "impossible-date", 5, "Sunday"},
		{"span backwards", copyText("The programme ran from 2015 to 2012, officials said."), "impossible-date", 3, "before it starts"},
		{"day span backwards", copyText("The summit runs on June 19-18 in the capital."), "impossible-date", 3, "before it starts"},
		{"age against birth year", copyText("Friday, May 8, 2009", "Smith, born in 1960, is the 30-year-old son of a farmer."), "impossible-date", 5, "birth year of 1960"},

		{name: "correct dateline", text: copyText("Friday, May 8, 2009", "The meeting opened in the capital.")},
		{name: "weekday without year fits", text: copyText("Friday, May 8, 2009", "The talks resume on Sunday, May 10 in Geneva.")},
		{name: "weekday without year, far from the dateline", text: copyText("Friday, May 8, 2009", "The talks resumed on Sunday, December 10 in Geneva.")},
		{name: "day span forwards", text: copyText("During his June 18-19 visit, he is expected to meet the minister.")},
		{name: "quantity span", text: copyText("Output was cut from 2000 to 1500 tonnes a day.")},
		{name: "dateline dash", text: copyText("LONDON, March 26 - 12 companies said they would bid.")},
		{name: "age fits", text: copyText("Friday, May 8, 2009", "Smith, born in 1960, is the 48-year-old son of a farmer.")},
		{name: "the sentence names the year", text: copyText("Friday, May 5, 2006", "Today is Monday, May 2, the 122nd day of 2005.")},
		{name: "a historical date is not the article's", text: copyText("Some background.", "On May 2, 1922, a bridge was opened.", "The ceremony is on Monday, May 2.")},
		{"the dateline's year without a year in the sentence", copyText("Friday, May 5, 2006", "The ceremony was on Monday, May 2."), "impossible-date", 5, "2 May 2006 was a Tuesday"},
		// Dates in the formats real copy uses (issue 20).
		{"abbreviated weekday, day first", copyText("The vote was held on Wed, 3 March 2015, in the capital."), "impossible-date", 3, "Tuesday"},
		{"abbreviated weekday with a full stop", copyText("Polls close Fri., March 5, 2015, at noon."), "impossible-date", 3, "Thursday"},
		{name: "abbreviated weekday fits", text: copyText("The vote was held on Tue, 3 March 2015, and Thurs., March 5, 2015.")},
		{name: "a newspaper cited with its date", text: copyText("The story ran in The Sun, 3 March 2015, and in the Sun, 12/08/2026.")},
		{name: "an abbreviation without its stop is a word", text: copyText("The Sun 3 March 2015 edition sold out.")},
		{"ISO date, weekday after", copyText("The order was signed on 2019-05-17 (Thursday) in Lima."), "impossible-date", 3, "Friday"},
		{name: "a company after a numeric date", text: copyText("On 12/08/2026, Sun Microsystems said it would cut jobs.")},
		{name: "a weekday's event after a numeric date", text: copyText("The report is dated 2019-05-16, Friday's vote aside.")},
		{"abbreviated weekday in brackets", copyText("The order was signed on 2019-05-17 (Thu) in Lima."), "impossible-date", 3, "Friday"},
		{name: "ISO date, weekday fits", text: copyText("The order was signed on 2019-05-17 (Friday) in Lima.")},
		{"dotted date is day first", copyText("The match is on Monday 9.1.2015 in Graz."), "impossible-date", 3, "9 January 2015 was a Friday"},
		{name: "dotted date fits day first", text: copyText("The match is on Friday 9.1.2015 in Graz.")},
		{name: "slashed date fits one reading", text: copyText("The hearing is set for Wednesday, 12/08/2026.")},
		{"slashed date fits neither reading", copyText("The hearing is set for Thursday, 12/08/2026."), "impossible-date", 3, "either way"},
		{"the article writes day first", copyText("The deadline is 25/12/2026.", "The hearing is set for Tuesday, 12/08/2026."), "impossible-date", 5, "12 August 2026 was a Wednesday"},
		{"the article writes month first", copyText("The deadline is 12/25/2026.", "The hearing is set for Wednesday, 12/08/2026."), "impossible-date", 5, "8 December 2026 was a Tuesday"},
		{"a day the month lacks", copyText("The offer expires on June 31, officials said."), "impossible-date", 3, "no June 31"},
		{"29 February in a common year", copyText("The law took effect on 29 February 2023 after a long debate."), "impossible-date", 3, "February 2023 has 28 days"},
		{"February 30 ends the clause", copyText("The rent is due by February 30."), "impossible-date", 3, "no February 30"},
		{name: "29 February in a leap year", text: copyText("The law took effect on 29 February 2024 after a long debate.")},
		{name: "a month and a count", text: copyText("In April 31 people were hurt and in June 31 more.")},
		{"spaced span backwards", copyText("The festival runs March 12 – 4, 2018, in the old town."), "impossible-date", 3, "ends (4) before it starts (12)"},
		{name: "spaced span forwards", text: copyText("The festival runs March 12 – 14, 2018, in the old town.")},
		{name: "dateline dash before a count", text: copyText("LONDON, March 26 – 12 companies said they would bid.")},
		{"weekday against the dateline despite another year", copyText("WASHINGTON, Friday, May 8, 2009 - The talks resume on Saturday, May 10 in Geneva, after the 1998 accord."), "impossible-date", 3, "Sunday"},
	})
}

func TestConflictingTitle(t *testing.T) {
	runTable(t, sdktest.Config{}, []tableCase{
		{"two offices", copyText("Foreign Minister Qin Gang met his counterpart.", "Later, Defence Minister Qin Gang said the talks had gone well."), "conflicting-title", 5, `"Defence Minister"`},

		{name: "former office", text: copyText("Foreign Minister Qin Gang met his counterpart.", "Former Defence Minister Qin Gang also attended.")},
		{name: "spellings of one office", text: copyText("Defense Minister Lloyd Austin spoke first.", "Defence Minister Lloyd Austin then left.")},
		{name: "joint offices", text: copyText("Deputy Prime Minister and Finance Minister Chrystia Freeland spoke.", "Deputy Prime Minister Chrystia Freeland left early.")},
		{name: "different people", text: copyText("Foreign Minister Qin Gang met Defence Minister Li Shangfu.")},
	})
}

func TestFacts(t *testing.T) {
	cfg := sdktest.Config{PluginOptions: sdk.Options{"facts": []any{
		map[string]any{"person": "Qin Gang", "title": "Foreign Minister", "valid_from": "2022-12-30", "valid_to": "2023-07-25"},
		map[string]any{"person": "Qin Gang", "title": "Ambassador", "valid_from": "2021-07-28", "valid_to": "2022-12-30"},
	}}}
	runTable(t, cfg, []tableCase{
		{"title contradicts facts", copyText("Sunday, June 18, 2023", "Defence Minister Qin Gang met the visitors."), "conflicting-title", 5, "Foreign Minister"},
		{"title out of its dates", copyText("Friday, March 4, 2022", "Foreign Minister Qin Gang met the visitors."), "conflicting-title", 5, "Ambassador"},

		{name: "title matches facts", text: copyText("Sunday, June 18, 2023", "Foreign Minister Qin Gang met the visitors.")},
		{name: "former title", text: copyText("Sunday, June 18, 2023", "Former Ambassador Qin Gang met the visitors.")},
		{name: "undated, a title he held", text: copyText("Ambassador Qin Gang met the visitors.")},
	})
}

func TestAliasOption(t *testing.T) {
	cfg := sdktest.Config{PluginOptions: sdk.Options{"aliases": []any{
		map[string]any{"entity": "Acme Corp", "names": []any{"Acme"}, "seats": []any{"Springfield"}},
		map[string]any{"entity": "United States", "bodies": []any{"Oval Office"}},
	}}}
	runTable(t, cfg, []tableCase{
		{"organisation and its seat", copyText("Acme has refused talks with Springfield over the plant."), "self-reference", 3, "Acme Corp"},
		{"extended country", copyText("The Oval Office rejected talks with Washington."), "self-reference", 3, "United States"},
		{name: "organisation and another", text: copyText("Acme has refused talks with Boston over the plant.")},
	})
	for _, bad := range []sdk.Options{
		{"aliases": []any{map[string]any{"names": []any{"Acme"}}}},
		{"facts": []any{map[string]any{"person": "Qin Gang", "title": "Foreign Minister", "valid_from": "30/12/2022"}}},
	} {
		if _, err := sdk.NewSession(Plugin, bad, nil); err == nil {
			t.Errorf("options %v were accepted", bad)
		}
	}
}

// TestAliasData keeps the alias table honest: every country the dev set's
// kind of defect needs resolves, and ambiguous names stay out.
func TestAliasData(t *testing.T) {
	tab, err := loadAliases()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tab.entities); n < 190 {
		t.Errorf("only %d entities: the table should cover (nearly) every country", n)
	}
	for _, pair := range [][2]string{{"US", "Washington"}, {"Sweden", "Stockholm"}, {"Swedish", "Stockholm"}, {"Mexican", "Mexico City"}, {"Kremlin", "Moscow"}, {"Downing Street", "London"}, {"Élysée", "Paris"}, {"Zhongnanhai", "China"}} {
		a, b := tab.byText[pair[0]], tab.byText[pair[1]]
		if a == nil || b == nil || !(mention{alias: a}).sameParty(mention{alias: b}) {
			t.Errorf("%q and %q should be one party", pair[0], pair[1])
		}
	}
	for _, name := range []string{"Korea", "Congo", "Latin America"} {
		if a := tab.byText[name]; a != nil && len(a.entities) > 0 {
			t.Errorf("%q is ambiguous and should not name an entity", name)
		}
	}
}

func TestTokenize(t *testing.T) {
	text := "The U.S.-China talks, China’s 1,200.5 tonnes and 12,15 don't."
	var got []string
	for _, tk := range tokenize(text, 0, len(text)) {
		got = append(got, tk.text)
	}
	want := "The|U.S.|-|China|talks|,|China|’s|1,200.5|tonnes|and|12|,|15|don't|."
	if strings.Join(got, "|") != want {
		t.Errorf("tokenize = %s, want %s", strings.Join(got, "|"), want)
	}
}

// TestSeed checks the team's reference article: the self-reference on line
// 19 is found with both sides named, and the lines it must leave clean are.
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
	found := false
	for _, r := range sdktest.Check(t, Plugin, sdktest.Config{}, a) {
		switch {
		case r.Line == 19 && r.Rule == "self-reference" && len(r.Related) == 1 &&
			a.Slice(r.Related[0].Span) == "US" && r.Text == "Washington":
			found = true
		default:
			t.Errorf("unexpected finding %s", r)
		}
	}
	if !found {
		t.Error("the seed's line 19 (the US ... talks with Washington) was not reported with both sides")
	}
}

// TestDevSet scores the plugin on the shared dev set and clean articles.
func TestDevSet(t *testing.T) {
	sdktest.Score(t, Plugin, sdktest.Config{}, sdk.CategoryContradiction).Require(t, sdk.CategoryContradiction,
		sdktest.Targets{Recall: 0.8, Precision: 0.9, MaxControl: 0, MaxClean: 0})
}

// TestExamples runs every rule's documented example: the Before text is
// flagged by that rule, the After text by none.
func TestExamples(t *testing.T) {
	for _, r := range Plugin.Rules {
		t.Run(r.Name, func(t *testing.T) {
			if r.Summary == "" || r.Doc == "" || r.Example.Before == "" || r.Example.After == "" {
				t.Fatal("rule lacks a summary, doc or example")
			}
			before := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, copyText(strings.Split(r.Example.Before, " ... ")...))
			hit := false
			for _, f := range before {
				hit = hit || f.Rule == r.Name
			}
			if !hit {
				t.Errorf("example %q not flagged by %s: %v", r.Example.Before, r.Name, before)
			}
			if after := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, copyText(strings.Split(r.Example.After, " ... ")...)); len(after) != 0 {
				t.Errorf("fixed example %q still flagged: %v", r.Example.After, after)
			}
		})
	}
}

// TestUnconfigured runs a rule through a pass that carries no state, as a
// host that skips Configure would.
func TestUnconfigured(t *testing.T) {
	a, err := article.Parse("x.txt", article.FormatText, []byte(copyText("Beijing has rejected talks with China.")))
	if err != nil {
		t.Fatal(err)
	}
	var got []sdk.Diagnostic
	SelfReference.Check(sdk.NewPass(a, SelfReference, nil, nil, func(d sdk.Diagnostic) { got = append(got, d) }))
	if len(got) != 1 {
		t.Errorf("want one finding without configuration, got %v", got)
	}
}

// TestFixtures runs the plain-text fixtures in testdata: defects.txt carries
// one defect of each kind (see defects.want), wire-clean.txt is professional
// copy dense with the constructions the rules must leave alone.
func TestFixtures(t *testing.T) {
	sdktest.Run(t, sdktest.TestData(), Plugin)
}

// TestKeywords keeps the prefilter a necessary condition: every sentence a
// date pattern matches carries the keyword that lets the pattern run.
func TestKeywords(t *testing.T) {
	for _, c := range []struct {
		text string
		re   interface{ MatchString(string) bool }
		need keywords
	}{
		{"WASHINGTON, Sunday, June 20, 2023 - The", weekdayMonthFirst, kwWeekday | kwDigit},
		{"on Monday 8th of May, 2009.", weekdayDayFirst, kwWeekday | kwMonth | kwDigit},
		{"(Tuesday, Sept. 19)", weekdayNoYear, kwWeekday | kwMonth},
		{"ran from 2015 to 2012.", yearSpan, kwSpan | kwDigit},
		{"Between 2010 and 2008, sales", yearSpan, kwSpan | kwDigit},
		{"on Jan. 19-18 in", daySpan, kwMonth | kwDigit},
		{"he was born on 3 March 1980", bornRe, kwBorn | kwMonth | kwDigit},
	} {
		if !c.re.MatchString(c.text) {
			t.Errorf("%q: the pattern does not match, fix the case", c.text)
		}
		if got := scanKeywords(c.text); got&c.need != c.need {
			t.Errorf("scanKeywords(%q) = %b, want at least %b", c.text, got, c.need)
		}
	}
	if got := scanKeywords("Mayday, the Octopus fromage"); got != 0 {
		t.Errorf("words that only start with a keyword were taken: %b", got)
	}
}
