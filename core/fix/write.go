package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ChangedError is a file whose content is no longer what was checked:
// someone saved it during the run. Fixes computed from the old content would
// overwrite their work, so the file is left alone.
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s changed on disk after it was checked; not overwritten (run copydesk again to fix the new version)", e.Path)
}

// ReadOnlyError is a file that may not be written.
type ReadOnlyError struct {
	Path string
	Err  error
}

func (e *ReadOnlyError) Error() string {
	why := "the file is read-only"
	if e.Err != nil {
		why = e.Err.Error()
	}
	return fmt.Sprintf("%s: cannot fix: %s; nothing was written", e.Path, why)
}

func (e *ReadOnlyError) Unwrap() error { return e.Err }

// Preflight checks, without writing anything, that WriteFile(path, checked,
// ...) can succeed: path is a writable regular file (following symbolic
// links) that still holds checked, in a folder where a temporary file can be
// created.
func Preflight(path string, checked []byte) error {
	real, st, err := target(path)
	if err != nil {
		return err
	}
	if err := writable(path, real, st); err != nil {
		return err
	}
	if err := unchanged(path, real, checked); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(real), "."+filepath.Base(real)+".copydesk-*")
	if err != nil {
		return &ReadOnlyError{Path: path, Err: fmt.Errorf("its folder is not writable: %w", err)}
	}
	tmp.Close()
	return os.Remove(tmp.Name())
}

// WriteFile replaces the content of path with data, atomically: data goes
// to a temporary file in the same folder, which takes the file's permission
// bits (and owner, where the platform has them), is synced to disk, and is
// renamed over the file. Just before the rename the file is read again; if
// it no longer holds checked, nothing is replaced and a *ChangedError is
// returned. A symbolic link is followed and its target replaced, so the link
// survives. (Between that last read and the rename lies a window of
// microseconds no portable API can close.)
func WriteFile(path string, checked, data []byte) (err error) {
	real, st, err := target(path)
	if err != nil {
		return err
	}
	if err := writable(path, real, st); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(real), "."+filepath.Base(real)+".copydesk-*")
	if err != nil {
		return &ReadOnlyError{Path: path, Err: fmt.Errorf("its folder is not writable: %w", err)}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("%s: writing the fixed copy: %w", path, err)
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		return fmt.Errorf("%s: keeping the file's permissions: %w", path, err)
	}
	keepOwner(tmp, st)
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: syncing the fixed copy: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: writing the fixed copy: %w", path, err)
	}
	if err := unchanged(path, real, checked); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), real); err != nil {
		return fmt.Errorf("%s: replacing the file: %w", path, err)
	}
	syncDir(filepath.Dir(real))
	return nil
}

func target(path string) (string, fs.FileInfo, error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", path, err)
	}
	st, err := os.Stat(real)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return "", nil, fmt.Errorf("%s: not a regular file; not fixed", path)
	}
	return real, st, nil
}

// writable refuses a file without write permission. The permission bits are
// checked as well as an open for writing, because the superuser may open
// anything: a file someone marked read-only stays untouched even for root.
func writable(path, real string, st fs.FileInfo) error {
	if st.Mode().Perm()&0o200 == 0 {
		return &ReadOnlyError{Path: path}
	}
	f, err := os.OpenFile(real, os.O_WRONLY, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return &ReadOnlyError{Path: path, Err: err}
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

func unchanged(path, real string, checked []byte) error {
	now, err := os.ReadFile(real)
	if err != nil {
		return fmt.Errorf("%s: reading it again before writing: %w", path, err)
	}
	if !bytes.Equal(now, checked) {
		return &ChangedError{Path: path}
	}
	return nil
}

// syncDir makes the rename durable. Not every platform can sync a folder;
// failure costs durability across a power cut, not correctness.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
