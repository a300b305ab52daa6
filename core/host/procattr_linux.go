//go:build linux

package host

import (
	"os/exec"
	"syscall"
)

// setProcAttr makes the kernel SIGKILL the plugin when copydesk dies, however
// it dies (SIGKILL, SIGPIPE from `copydesk check | head`), so no plugin
// outlives a run even when Close never runs.
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// processExists reports whether pid names a process (of any user).
func processExists(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
