//go:build linux

package host

import (
	"os/exec"
	"syscall"
)

// setProcAttr starts the plugin in a process group of its own, so that the
// host can end it together with whatever it started (a plugin launched by a
// shell script is the script's child), and makes the kernel SIGKILL the
// plugin when copydesk dies, however it dies (SIGKILL, SIGPIPE from
// `copydesk check | head`), so no plugin outlives a run even when Close
// never runs. A group of its own also keeps a terminal's Ctrl-C from
// reaching the plugins directly: copydesk stops them itself.
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
}

// killGroup SIGKILLs the process group a plugin leads (setProcAttr): the
// plugin and every process it started that stayed in its group. Without it
// a child holding the plugin's stdout or stderr would keep the host waiting
// for the pipes to close.
func killGroup(pid int) {
	if pid > 0 {
		_ = syscall.Kill(-pid, syscall.SIGKILL)
	}
}

// processExists reports whether pid names a process (of any user).
func processExists(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
