//go:build !linux

package host

import "os/exec"

// setProcAttr has no portable equivalent of Linux's Pdeathsig; Close and
// go-plugin's own cleanup stop plugins on an orderly exit.
func setProcAttr(*exec.Cmd) {}
