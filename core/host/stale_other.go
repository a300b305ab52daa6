//go:build !unix

package host

import "os"

// Without flock, claimed directories are never taken for stale: a run's
// directory is only removed by its own Close (or the system's temp cleaner).
func lockFile(*os.File) error { return nil }

func tryLockFile(*os.File) (bool, error) { return false, nil }
