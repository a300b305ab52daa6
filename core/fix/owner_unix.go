//go:build unix

package fix

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the fixed copy the original's owner and group. Only the
// superuser may give files away; for anyone else the call fails and the
// fixed file belongs to whoever ran copydesk, as any editor's save would.
func keepOwner(f *os.File, st fs.FileInfo) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		f.Chown(int(s.Uid), int(s.Gid))
	}
}
