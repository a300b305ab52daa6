package article

// Temporary until the Markdown, HTML and CMS JSON readers land.
func parseMarkdown(path string, src []byte) (*Article, error) { return parseText(path, src), nil }
func parseHTML(path string, src []byte) (*Article, error)     { return parseText(path, src), nil }
func parseJSON(path string, src []byte) (*Article, error)     { return parseText(path, src), nil }
