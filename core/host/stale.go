package host

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A run's socket directory holds ownerLockName, a file the run keeps an
// exclusive flock on for as long as it lives. The kernel drops the lock
// when the run dies, however it dies (SIGKILL, OOM killer), and a lock is
// seen across pid namespaces sharing the folder, so the next run can tell a
// dead run's directory from a live one's at once, without trusting pids.
//
// Host.Start sweeps with sweepStaleSocketDirs and claims its own directory
// right after creating it; Host.Close releases it before removing it.
const ownerLockName = ".owner"

// legacyGrace is how old a socket directory without an owner lock (made by
// a copydesk from before the lock, or caught between MkdirTemp and
// claimSocketDir) must be, with its pid gone, to be taken as stale. A pid
// does not prove a live run in another pid namespace dead, so it is only
// trusted together with an age no live run's directory reaches unchanged.
const legacyGrace = 10 * time.Minute

// held maps a claimed directory to its open, locked owner file.
var held sync.Map

// claimSocketDir marks dir as owned by this process until releaseSocketDir
// or exit. The lock is taken on a temporary name and renamed into place, so
// no other run ever sees an owner file that is not locked yet.
func claimSocketDir(dir string) error {
	tmp := filepath.Join(dir, ownerLockName+".new")
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, ownerLockName)); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	held.Store(dir, f)
	return nil
}

// releaseSocketDir drops the lock claimSocketDir took (Close, before it
// removes the directory). Releasing a directory never claimed does nothing.
func releaseSocketDir(dir string) {
	if f, ok := held.LoadAndDelete(dir); ok {
		f.(*os.File).Close()
	}
}

// staleSocketDirs lists the socket directories under base whose run is
// gone: their owner lock is free, or, without one, their pid is gone and
// they are older than legacyGrace.
func staleSocketDirs(base string, now time.Time) []string {
	dirs, _ := filepath.Glob(filepath.Join(base, socketDirPrefix+"*-*"))
	var stale []string
	for _, d := range dirs {
		fi, err := os.Lstat(d)
		if err != nil || !fi.IsDir() {
			continue
		}
		if _, mine := held.Load(d); mine {
			continue
		}
		switch free, err := ownerGone(filepath.Join(d, ownerLockName)); {
		case err == nil && free:
			stale = append(stale, d)
		case err == nil:
			// a live run holds it
		case os.IsNotExist(err):
			pidStr, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(d), socketDirPrefix), "-")
			pid, perr := strconv.Atoi(pidStr)
			if perr == nil && pid > 0 && !processExists(pid) && now.Sub(fi.ModTime()) > legacyGrace {
				stale = append(stale, d)
			}
		}
		// any other error (a directory of another user): leave it alone
	}
	return stale
}

// ownerGone reports whether nobody holds the owner lock at path. It takes
// the lock for a moment to find out.
func ownerGone(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	return tryLockFile(f)
}

// sweepStaleSocketDirs removes the socket directories of runs that are
// gone (see staleSocketDirs).
func sweepStaleSocketDirs(base string) {
	for _, d := range staleSocketDirs(base, time.Now()) {
		_ = os.RemoveAll(d)
	}
}
