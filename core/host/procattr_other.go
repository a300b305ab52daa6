//go:build !linux

package host

import "os/exec"

// setProcAttr has no portable equivalent of Linux's Pdeathsig; Close and
// go-plugin's own cleanup stop plugins on an orderly exit.
func setProcAttr(*exec.Cmd) {}

// killGroup is Linux-only; elsewhere the plugin process alone is killed.
func killGroup(int) {}

// processExists is conservative where it cannot ask: stale socket
// directories are then left for the system's temp cleaner.
func processExists(int) bool { return true }
