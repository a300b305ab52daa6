// Command benchtool is the measuring half of bench/run.sh:
//
//	benchtool corpus -out DIR -n 1000 SOURCES...   write n articles of 300–1,500 words built from source articles
//	benchtool copies -out DIR -n 10 SOURCES...      write n copies of each source, each with a unique first line
//	benchtool measure -- CMD ARGS...               run a command; print wall seconds and peak RSS of its whole process tree
//	benchtool coldstart -mode split|bundle ARTICLE  a cold check by every built-in ruleset, one process each or one for all
//	benchtool load -url URL -article FILE -clients N -requests M   p50/p90/p99 latency of POST /v1/check
//
// Sources are read at run time (the shared articles are licensed for research
// use and are never copied into the repository).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/copydesk/copydesk/internal/proc"
)

func main() {
	if serveIfAsked(os.Args[1:]) {
		return
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchtool corpus|copies|measure|coldstart|load ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "corpus":
		err = corpus(os.Args[2:])
	case "copies":
		err = copies(os.Args[2:])
	case "measure":
		err = measure(os.Args[2:])
	case "coldstart":
		err = coldstart(os.Args[2:])
	case "load":
		err = load(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtool:", err)
		os.Exit(1)
	}
}

// corpus writes n articles. Each starts from one source article; short ones
// are extended with paragraphs of the next sources until they reach a
// target length drawn between 300 and 1,500 words.
func corpus(args []string) error {
	fs := flag.NewFlagSet("corpus", flag.ExitOnError)
	out := fs.String("out", "", "output folder")
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Int64("seed", 1, "random seed (the corpus is deterministic)")
	fs.Parse(args)
	if *out == "" || fs.NArg() == 0 {
		return fmt.Errorf("corpus needs -out and source files")
	}
	type source struct {
		headline string
		paras    []string
	}
	var sources []source
	for _, p := range fs.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		blocks := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n\n")
		if len(blocks) < 2 {
			continue
		}
		sources = append(sources, source{headline: strings.TrimSpace(blocks[0]), paras: blocks[1:]})
	}
	if len(sources) == 0 {
		return fmt.Errorf("no usable source articles")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(*seed))
	totalWords := 0
	for i := 0; i < *n; i++ {
		target := 300 + rng.Intn(1201)
		s := sources[i%len(sources)]
		var b strings.Builder
		b.WriteString(s.headline + "\n")
		words := len(strings.Fields(s.headline))
		for j := 0; words < target && j < 50*len(sources); j++ {
			src := sources[(i+j/len(s.paras)+j)%len(sources)]
			if j < len(s.paras) {
				src = s
			}
			p := strings.TrimSpace(src.paras[j%len(src.paras)])
			if p == "" {
				continue
			}
			w := len(strings.Fields(p))
			if words+w > 1500 {
				break
			}
			b.WriteString("\n" + p + "\n")
			words += w
		}
		totalWords += words
		if err := os.WriteFile(filepath.Join(*out, fmt.Sprintf("article-%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("%d articles, %d words\n", *n, totalWords)
	return nil
}

// copies writes n copies of each source article. Copy k's first line ends
// with " (k)", so no two files have the same text and no cache keyed on
// content can answer for a copy. It prints the files and words written,
// words counted like wc -w.
func copies(args []string) error {
	fs := flag.NewFlagSet("copies", flag.ExitOnError)
	out := fs.String("out", "", "output folder")
	n := fs.Int("n", 10, "copies of each source")
	fs.Parse(args)
	if *out == "" || fs.NArg() == 0 || *n < 1 {
		return fmt.Errorf("copies needs -out, -n >= 1 and source files")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	files, words := 0, 0
	for _, p := range fs.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		first, rest, _ := strings.Cut(string(data), "\n")
		base := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		for k := 1; k <= *n; k++ {
			text := fmt.Sprintf("%s (%d)\n%s", strings.TrimRight(first, "\r"), k, rest)
			name := filepath.Join(*out, fmt.Sprintf("%s-%02d%s", base, k, filepath.Ext(p)))
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				return err
			}
			files++
			words += len(strings.Fields(text))
		}
	}
	fmt.Printf("%d articles, %d words\n", files, words)
	return nil
}

// measure runs a command and samples the resident memory of it and all its
// descendants every 5 ms, so plugin processes count too.
func measure(args []string) error {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		return fmt.Errorf("measure needs a command")
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = nil, nil
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	var peak, peakPSS int64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for n := 0; ; n++ {
			pids := proc.Tree(cmd.Process.Pid)
			if rss := sum(pids, rss); rss > peak {
				peak = rss
			}
			// PSS makes the kernel walk every mapping: sampled less often
			// so that measuring does not load the measured processes.
			if n%4 == 0 {
				if pss := sum(pids, pss); pss > peakPSS {
					peakPSS = pss
				}
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	err := cmd.Wait()
	elapsed := time.Since(start)
	close(done)
	wg.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		return err
	}
	// CPU time of the whole tree: wait4 counts the descendants the
	// command reaped (the plugin processes). On a shared machine it is
	// steadier than wall time.
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	fmt.Printf("seconds=%.4f cpu=%.4f peak_rss_mib=%.1f peak_pss_mib=%.1f exit=%d\n", elapsed.Seconds(), cpu.Seconds(), float64(peak)/(1<<20), float64(peakPSS)/(1<<20), code)
	return nil
}

func sum(pids []int, size func(int) int64) (total int64) {
	for _, p := range pids {
		total += size(p)
	}
	return total
}

// pss is a process's proportional set size: its private pages plus its
// share of pages mapped by several processes. The plugin processes are
// one binary, whose code and data pages they share; summing RSS counts
// those pages once per process, summing PSS counts them once.
func pss(pid int) int64 {
	return statusField(fmt.Sprintf("/proc/%d/smaps_rollup", pid), "Pss:")
}

func rss(pid int) int64 {
	return statusField(fmt.Sprintf("/proc/%d/status", pid), "VmRSS:")
}

// statusField reads a "Key:   123 kB" line of a /proc file, in bytes.
func statusField(path, key string) int64 {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, key) {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// load posts the same article from N clients, M requests in all, to a
// loopback server and prints latency percentiles. It refuses any address
// that is not loopback.
func load(args []string) error {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	url := fs.String("url", "http://127.0.0.1:8080/v1/check", "server URL (loopback only)")
	articlePath := fs.String("article", "", "plain-text article to send as a CMS JSON body")
	clients := fs.Int("clients", 8, "concurrent clients")
	requests := fs.Int("requests", 400, "requests in all")
	pid := fs.Int("pid", 0, "the server's pid: also print the CPU its whole process tree spent per request")
	fs.Parse(args)
	if !strings.HasPrefix(*url, "http://127.") && !strings.HasPrefix(*url, "http://localhost") && !strings.HasPrefix(*url, "http://[::1]") {
		return fmt.Errorf("load only targets loopback addresses, not %s", *url)
	}
	text, err := os.ReadFile(*articlePath)
	if err != nil {
		return err
	}
	headline, body, _ := strings.Cut(string(text), "\n\n")
	payload, _ := json.Marshal(map[string]string{"id": "bench", "headline": headline, "body": body})
	client := &http.Client{Timeout: 30 * time.Second}
	lat := make([]time.Duration, 0, *requests)
	var mu sync.Mutex
	next := make(chan struct{}, *requests)
	for i := 0; i < *requests; i++ {
		next <- struct{}{}
	}
	close(next)
	failures := 0
	var wg sync.WaitGroup
	cpu0 := treeCPU(*pid)
	start := time.Now()
	for c := 0; c < *clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				t0 := time.Now()
				resp, err := client.Post(*url, "application/json", bytes.NewReader(payload))
				d := time.Since(t0)
				mu.Lock()
				if err != nil || resp.StatusCode != http.StatusOK {
					failures++
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
				if resp != nil {
					resp.Body.Close()
				}
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	cpu1 := treeCPU(*pid)
	if len(lat) == 0 {
		return fmt.Errorf("every request failed")
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	cpuPer := ""
	if *pid > 0 {
		cpuPer = fmt.Sprintf(" cpu_ms_per_req=%.2f", (cpu1-cpu0).Seconds()*1000/float64(len(lat)+failures))
	}
	fmt.Printf("clients=%d requests=%d failures=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f rps=%.1f%s\n",
		*clients, len(lat), failures, pct(0.50), pct(0.90), pct(0.99), float64(len(lat))/wall.Seconds(), cpuPer)
	return nil
}

// treeCPU is the user+system CPU that pid and its live descendants have
// used so far (0 without a pid). A process that exits between two readings
// takes its time with it: read it while nothing restarts.
func treeCPU(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	var ticks int64
	for _, p := range proc.Tree(pid) {
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p))
		if err != nil {
			continue
		}
		// the command may hold spaces: fields count from after its ")"
		s := string(data)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) < 13 {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64) // utime, field 14
		k, _ := strconv.ParseInt(f[12], 10, 64) // stime, field 15
		ticks += u + k
	}
	return time.Duration(ticks) * (time.Second / 100) // USER_HZ is 100 on Linux
}
