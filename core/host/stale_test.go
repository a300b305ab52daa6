//go:build unix

package host

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// deadPid is the pid of a process that has exited and been reaped.
func deadPid(t *testing.T) int {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	return cmd.Process.Pid
}

func mkdir(t *testing.T, base, name string, age time.Duration) string {
	d := filepath.Join(base, name)
	if err := os.Mkdir(d, 0o700); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-age)
	if err := os.Chtimes(d, old, old); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestStaleSocketDirs(t *testing.T) {
	base := t.TempDir()
	dead := strconv.Itoa(deadPid(t))
	live := strconv.Itoa(os.Getpid())

	// Claimed by a run that is alive (this one), then by a run that died:
	// the kernel drops a dead run's flock, which closing the file does too.
	claimed := mkdir(t, base, socketDirPrefix+dead+"-1", 0)
	if err := claimSocketDir(claimed); err != nil {
		t.Fatal(err)
	}
	f, _ := held.Load(claimed)
	other := mkdir(t, base, socketDirPrefix+dead+"-2", 0)
	if err := claimSocketDir(other); err != nil {
		t.Fatal(err)
	}
	otherOwner, _ := held.LoadAndDelete(other) // as if another live run held it

	// Without an owner lock (an older copydesk): pid and age decide.
	oldDead := mkdir(t, base, socketDirPrefix+dead+"-3", 2*legacyGrace)
	newDead := mkdir(t, base, socketDirPrefix+dead+"-4", 0)
	oldLive := mkdir(t, base, socketDirPrefix+live+"-5", 2*legacyGrace)
	notOurs := mkdir(t, base, "copydesk-other-"+dead+"-6", 2*legacyGrace)
	badPid := mkdir(t, base, socketDirPrefix+"x-7", 2*legacyGrace)
	if err := os.WriteFile(filepath.Join(base, socketDirPrefix+dead+"-8"), nil, 0o600); err != nil {
		t.Fatal(err)
	}

	got := staleSocketDirs(base, time.Now())
	if want := []string{oldDead}; !slices.Equal(got, want) {
		t.Fatalf("stale while both owners live: %v, want %v", got, want)
	}

	// The other run dies: its directory is stale at once, whatever its age.
	releaseSocketDir(other) // not ours: does nothing
	if got = staleSocketDirs(base, time.Now()); slices.Contains(got, other) {
		t.Fatalf("releasing a directory not ours dropped its lock: %v", got)
	}
	otherOwner.(*os.File).Close()
	got = staleSocketDirs(base, time.Now())
	if want := []string{other, oldDead}; !slices.Equal(got, want) {
		t.Fatalf("after the other run died: %v, want %v", got, want)
	}

	// Our own directory is never stale; released, it is.
	releaseSocketDir(claimed)
	if _, still := held.Load(claimed); still || f == nil {
		t.Fatal("release kept the lock")
	}
	got = staleSocketDirs(base, time.Now())
	if want := []string{claimed, other, oldDead}; !slices.Equal(got, want) {
		t.Fatalf("after release: %v, want %v", got, want)
	}

	sweepStaleSocketDirs(base)
	for _, d := range []string{claimed, other, oldDead} {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("%s not swept: %v", d, err)
		}
	}
	for _, d := range []string{newDead, oldLive, notOurs, badPid, filepath.Join(base, socketDirPrefix+dead+"-8")} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s swept: %v", d, err)
		}
	}
}
