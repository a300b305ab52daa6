package host

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"
)

// ProfileEnv names a folder: when it is set, `copydesk serve` and every
// built-in plugin process write a CPU profile there (NAME-PID.pprof), for
// measuring where a request's CPU goes (bench/NOTES.md). A plugin process is
// killed rather than stopped, so each profile covers the first
// ProfileSecondsEnv seconds (default 30) of the process and is written then.
// A debugging knob, not a setting: leave it unset in production.
const (
	ProfileEnv        = "COPYDESK_CPUPROFILE"
	ProfileSecondsEnv = "COPYDESK_CPUPROFILE_SECONDS"
)

// passedEnv are the variables besides PATH, HOME, TMPDIR and LANG that a
// plugin process inherits: the Go runtime's GC knobs (GOGC, GOMEMLIMIT;
// documented in the README's benchmark section) and the profiling switch.
var passedEnv = []string{"GOGC", "GOMEMLIMIT", ProfileEnv, ProfileSecondsEnv}

// StartProfile starts a CPU profile named name when ProfileEnv is set, and
// returns the function that stops and writes it (also called on its own
// after ProfileSecondsEnv seconds; calling it twice is harmless). Without
// ProfileEnv it does nothing.
func StartProfile(name string) (stop func()) {
	dir := os.Getenv(ProfileEnv)
	if dir == "" {
		return func() {}
	}
	secs := 30
	if s, err := strconv.Atoi(os.Getenv(ProfileSecondsEnv)); err == nil && s > 0 {
		secs = s
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%d.pprof", name, os.Getpid()))
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk: %s: %v\n", ProfileEnv, err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "copydesk: %s: %v\n", ProfileEnv, err)
		f.Close()
		return func() {}
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			pprof.StopCPUProfile()
			f.Close()
		})
	}
	time.AfterFunc(time.Duration(secs)*time.Second, stop)
	return stop
}
