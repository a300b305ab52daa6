package host

import (
	"sync/atomic"

	"github.com/hashicorp/go-hclog"
)

// killLogger is the logger a plugin's go-plugin client writes to. When the
// host kills the plugin on purpose (Close, a hang), go-plugin still reports
// the process's end as an error and the kill as a failed graceful exit;
// those lines would greet the user after every clean run. They are demoted
// to debug once the kill is ours. A crash is still an error.
type killLogger struct {
	hclog.Logger
	killed *atomic.Bool
}

var expectedOnKill = map[string]bool{
	"plugin process exited":            true,
	"plugin failed to exit gracefully": true,
	"error closing client during Kill": true,
}

func (l killLogger) demote(msg string) bool { return l.killed.Load() && expectedOnKill[msg] }

func (l killLogger) Error(msg string, args ...any) {
	if l.demote(msg) {
		l.Logger.Debug(msg, args...)
		return
	}
	l.Logger.Error(msg, args...)
}

func (l killLogger) Warn(msg string, args ...any) {
	if l.demote(msg) {
		l.Logger.Debug(msg, args...)
		return
	}
	l.Logger.Warn(msg, args...)
}

func (l killLogger) Named(name string) hclog.Logger {
	return killLogger{Logger: l.Logger.Named(name), killed: l.killed}
}
