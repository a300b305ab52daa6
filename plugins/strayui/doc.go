package strayui

const pluginDoc = `strayui finds page furniture left inside an article's body by scrapers and
syndication feeds: comment forms, share and like widgets, related-article links,
advertising labels, site footers, and UI text in a language other than the
article's. Every finding offers a fix that deletes the line; it is applied only
when the user asks (--fix or an editor action).

Known strings live in the embedded data/chrome.txt (English and 26 other
languages; its header names the sources); add more with the plugin option
chrome. Furniture that carries no label phrase (related-story headlines,
menus) is found by its shape and place: see furniture-run. Lines that are not known
strings are judged by cheap signals first, and only the few that look like UI
text are passed to a language identifier (lingua-go, low-accuracy mode), which
is loaded on first use.`

const uiChromeDoc = `Reports a whole line that is a known CMS or widget string: WordPress comment
forms ("Leave a Reply", "Your email address will not be published. Required
fields are marked *", "Post Comment"), Jetpack share and like widgets ("Share
this:", "Like this:", "Click to share on X"), read-more and related-post
headings, newsletter and cookie prompts, advertising and image labels
("Advertisement", "Sponsored", "Image copyright"), in English and 25 other
languages.

Only whole lines are matched, so the same words inside a sentence are never
reported. Lines are matched tolerant of counts and separators: "Comments (12)", "12
Comments", "Share | Tweet | Email". Lines of navigation items joined by
separators ("News | Sport | Weather", "Home » Politics »") and widget time
stamps and counters ("2h ago", "5 min read", "3 of 12") are reported too.

A single everyday word ("Comment", "Website", "Reply") is reported
only at the end of the article (after the last story paragraph) or next to
other chrome, because mid-story it could be a subhead; a single word in
another language ("Skomentuj") is reported mid-story too when the language
identifier agrees it is not in the article's language.

Options (plugin-wide): chrome adds entries in data/chrome.txt's format,
e.g. chrome = ["de | comment | Kommentar schreiben"].`

const foreignDoc = `Reports a short line in another language than the article's: a comment form or
widget in a language data/chrome.txt does not list.

Cheap signals pick the few lines worth identifying: a short line with UI
vocabulary (data/ui-words.txt: stems such as koment, publi, e-mail, udostęp in
26 languages), or one written in another script than the article's. Lines in
a script none of the identifier's languages use (Japanese, Arabic, Hebrew...)
are reported by script.

The article's language is the article_language option, else the language the
host set on the article (CMS field, configuration or identification), else
it is taken from the copy's function words when it is plainly English, and
otherwise identified from its longest paragraphs. A host language the
identifier does not know (not in languages) turns the rule off for that
article. URLs, e-mail addresses (also "name(at)example.com"), @handles,
hashtags and code-like tokens are removed before a line is judged, and a line
that is mostly such tokens is left alone; a line with four or more words in
lower case is identified by those alone, so that names do not lend it their
language. A line is a
candidate only when it is short (at most 20 words), not a quotation, not a
credit line or dateline, has almost no English function words, does not read
as an English sentence, and is not a name: lines whose words are all
capitalised ("Wang Yi", "Bundestag") or repeat names used elsewhere in the
article (a garbled byline) are left alone. Candidates go to the language
identifier, and the line is reported when the identifier gives the article's
language less than max_confidence (0.1) and prefers another language.

Options (plugin-wide): languages (the identifier's candidates, ISO 639-1),
article_language (skip identification of the copy), max_confidence.`

const relatedDoc = `Reports a related-article link injected between paragraphs: a label such as
READ, RELATED, ALSO READ, "Read more:" or "See also:" (or its translation),
followed on the same line or the next by a headline-shaped line.

Upper-case labels may be followed by spaces alone ("READ\u00a0 Storm closes
ports"); mixed-case ones need a colon, bar or dash ("Related: ..."), so a
sentence that starts "Read the report..." is never taken for a link.`

const footerDoc = `Reports site footer and standards boilerplate after the last story
paragraph ("Our Standards: The Thomson Reuters Trust Principles.", a bare
"Thomson Reuters" line), and a site's copyright notice anywhere: a short line
with a © sign or "All rights reserved" (or its translation). A wire's plain
"Copyright 1999 The New York Times Co." credit line has neither and is left
alone. Its severity is info; turn it off or raise it in rules.toml
([strayui.rules.site-footer]). Add footers of other sites with the chrome
option, kind footer.`

const runDoc = `Reports page furniture that carries no label phrase: a run of two or more
lines in a row that are headline-shaped (title or sentence case, no closing
full stop, at most 20 words: related-story links) or short items (at most four
words: menu entries, network names, section names, counts) or known chrome,
standing before the story's first paragraph or after its last one. Between
paragraphs a run is reported only when it opens or closes with known chrome
that is more than one everyday word ("Most read", "More from the desk").

The article's own material stays silent: credit lines, datelines, bylines and
author bios, quotations, list items (a bullet, a dash, "1.", or a run after a
line that ends in a colon), wire list entries ("ACTRESS, DRAMA: ..."), lists
whose lines share their make-up (three in four start or end with a figure, or
have a colon or a spaced dash inside: schedules, results), a title and air
time above a "Written and directed by" credit, the story's own title repeated
above it, clipped or wrapped sentences (a line ending in "of", "the"...), and
sentences, which end in a full stop. Before the story, a run's last
headline-shaped lines are left out (the story's title, deck or photo caption).

The story is the heaviest cluster of prose lines (gaps of at most 40 other
lines), so reader comments or a footer blurb further down a page do not move
its end. One finding covers the whole run, and its fix deletes it.`
