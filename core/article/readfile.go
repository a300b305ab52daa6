package article

import (
	"fmt"
	"io"
	"os"
)

// DefaultMaxBytes is the largest input file read unless --max-file-size says
// otherwise: far more than any article, small enough that a stray log or
// database dump is refused instead of being linted for minutes.
const DefaultMaxBytes = 4 << 20

// ReadFile reads an input file of at most max bytes (DefaultMaxBytes when max
// is 0 or less). It never reads more than max+1 bytes, so a huge file or an
// endless stream costs nothing, and it refuses anything that is not a regular
// file (directories are the caller's to expand; FIFOs and devices could block
// or never end).
func ReadFile(path string, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		what := "not a regular file"
		switch {
		case st.IsDir():
			what = "a directory"
		case st.Mode()&os.ModeNamedPipe != 0:
			what = "a named pipe"
		case st.Mode()&os.ModeDevice != 0:
			what = "a device"
		case st.Mode()&os.ModeSocket != 0:
			what = "a socket"
		}
		return nil, &InputError{Path: path, Msg: "is " + what + ", not an article file",
			Hint: "pass article files or directories; to check piped text, send it on standard input"}
	}
	if st.Size() > max {
		return nil, tooBig(path, max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max { // the file grew since Stat
		return nil, tooBig(path, max)
	}
	return data, nil
}

func tooBig(path string, max int64) error {
	return &InputError{Path: path, Msg: fmt.Sprintf("file is larger than the %s limit", sizeString(max)),
		Hint: "raise the limit with --max-file-size if this really is one article"}
}

func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}

// ParseFile reads a file (at most max bytes, see ReadFile) and parses it in
// the format its extension names.
func ParseFile(path string, max int64) (*Article, error) {
	format, ok := FormatFromPath(path)
	if !ok {
		return nil, &InputError{Path: path, Msg: "unknown file type",
			Hint: "copydesk reads .txt, .md, .html, .htm and .json files; or pipe it to copydesk check - with --stdin-format"}
	}
	data, err := ReadFile(path, max)
	if err != nil {
		return nil, err
	}
	return Parse(path, format, data)
}
