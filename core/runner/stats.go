package runner

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// PluginStat is what one plugin cost in one Check: the wall time of its
// stream and the peak resident memory of its process so far.
type PluginStat struct {
	Plugin   string
	Articles int
	Elapsed  time.Duration
	PeakRSS  int64 // bytes; 0 when unknown (not Linux, or the process is gone)
}

func (s PluginStat) String() string {
	mem := "?"
	if s.PeakRSS > 0 {
		mem = fmt.Sprintf("%.1f MiB", float64(s.PeakRSS)/(1<<20))
	}
	return fmt.Sprintf("%-14s %5d articles  %9.1f ms  %8.2f ms/article  peak RSS %s",
		s.Plugin, s.Articles, float64(s.Elapsed.Microseconds())/1000,
		float64(s.Elapsed.Microseconds())/1000/float64(max(1, s.Articles)), mem)
}

// peakRSS reads a process's high-water resident memory (VmHWM) from /proc.
func peakRSS(pid int) int64 {
	if pid <= 0 {
		return 0
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
