package fix

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "story.txt")
	old := []byte("The the end.\n")
	if err := os.WriteFile(p, old, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Preflight(p, old); err != nil {
		t.Fatalf("preflight: %v", err)
	}
	if err := WriteFile(p, old, []byte("The end.\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "The end.\n" {
		t.Errorf("content %q", got)
	}
	st, _ := os.Stat(p)
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o640 {
		t.Errorf("permissions %v, want 0640 kept", st.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*copydesk*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestWriteFileRefusesAChangedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "story.txt")
	checked := []byte("The the end.\n")
	saved := []byte("The the end, edited meanwhile.\n")
	os.WriteFile(p, saved, 0o644)
	var ce *ChangedError
	if err := Preflight(p, checked); !errors.As(err, &ce) {
		t.Errorf("preflight: got %v, want a ChangedError", err)
	}
	err := WriteFile(p, checked, []byte("The end.\n"))
	if !errors.As(err, &ce) || ce.Path != p {
		t.Fatalf("got %v, want a ChangedError naming %s", err, p)
	}
	if got, _ := os.ReadFile(p); string(got) != string(saved) {
		t.Errorf("the changed file was overwritten: %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*copydesk*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestWriteFileRefusesAReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "story.txt")
	old := []byte("The the end.\n")
	os.WriteFile(p, old, 0o444)
	var ro *ReadOnlyError
	if err := Preflight(p, old); !errors.As(err, &ro) {
		t.Errorf("preflight: got %v, want a ReadOnlyError", err)
	}
	// Even the superuser, who may open it, must leave it alone.
	if err := WriteFile(p, old, []byte("x")); !errors.As(err, &ro) {
		t.Fatalf("got %v, want a ReadOnlyError", err)
	}
	if got, _ := os.ReadFile(p); string(got) != string(old) {
		t.Errorf("read-only file was written: %q", got)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o444 {
		t.Errorf("permissions changed to %v", st.Mode().Perm())
	}
}

func TestWriteFileFollowsSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "real.txt")
	link := filepath.Join(dir, "link.txt")
	old := []byte("a a\n")
	os.WriteFile(real, old, 0o644)
	if err := os.Symlink("real.txt", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, old, []byte("a\n")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "a\n" {
		t.Errorf("target holds %q", got)
	}
}
