package host

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/protocol"
	"github.com/copydesk/copydesk/core/protocol/pb"
)

// timeToExit is how long a broken stream waits for the process to be gone
// before deciding it did not crash.
const timeToExit = time.Second

// maxReopen bounds how often CheckAll opens a fresh stream after one broke
// while the process lived on (an answer too large for gRPC, say).
const maxReopen = 3

// CheckAll checks articles over one CheckStream: every article is sent
// without waiting and the plugin answers each by id. len(result) ==
// len(articles), in the same order.
//
// A plugin that sends nothing for CheckTimeout while articles are
// outstanding is hung: it is stopped and the unanswered articles get Err. A
// process that dies fails the unanswered articles the same way. Articles
// already answered keep their findings.
func (p *Plugin) CheckAll(ctx context.Context, articles []*article.Article) []Result {
	if len(articles) == 1 {
		// One article (a server request, an editor's file): a unary call
		// costs both processes less than opening a stream for it, and
		// fails the same way (Check: hang, crash, cancel, garbage).
		return []Result{p.Check(ctx, articles[0])}
	}
	results := make([]Result, len(articles))
	pending := make([]int, 0, len(articles))
	for i, a := range articles {
		if err := p.sendable(a); err != nil {
			results[i].Err = err
			continue
		}
		if r := p.rulesFor(a); r != nil && len(r) == 0 {
			continue // no rule of the plugin reads the article's language
		}
		pending = append(pending, i)
	}
	failRest := func(err error) {
		for _, i := range pending {
			results[i].Err = err
		}
	}
	for attempt := 0; len(pending) > 0; attempt++ {
		pr, err := p.current()
		if err != nil {
			failRest(err)
			break
		}
		var sErr error
		pending, sErr = p.stream(ctx, pr, articles, pending, results)
		if sErr == nil || len(pending) == 0 {
			break
		}
		switch {
		case ctx.Err() != nil:
			p.abandon(pr, ctx.Err())
			failRest(fmt.Errorf("plugin %s: check cancelled: %w", p.spec.Name, ctx.Err()))
			return results
		case errors.Is(sErr, errHung):
			err := p.hung()
			pr.stop(err)
			failRest(err)
			return results
		}
		err = p.streamFailure(ctx, pr, sErr)
		if pr.brokenErr() != nil || attempt >= maxReopen {
			failRest(err)
			return results
		}
		// The process lives: the article it was on is the culprit (it
		// answers in order); blame that one and go on with the rest.
		results[pending[0]].Err = err
		pending = pending[1:]
	}
	return results
}

var errHung = errors.New("hung")

// abandon stops a process whose caller gave up (a server's --timeout, a
// client that went away, an interrupt) while it was still working on the
// caller's articles. A rule cannot be interrupted, and the plugin checks one
// article at a time, so leaving it to finish would make every later check
// wait behind work nobody reads: the process is stopped instead, and a
// long-running caller restarts it (runner.Engine.KeepWarm).
func (p *Plugin) abandon(pr *process, why error) {
	pr.stop(fmt.Errorf("its check was abandoned (%v) while it was still working", why))
}

// sendable refuses an article that protobuf would refuse: its text must be
// UTF-8, and one bad article must not break the stream for the others.
func (p *Plugin) sendable(a *article.Article) error {
	if a == nil {
		return fmt.Errorf("plugin %s: no article", p.spec.Name)
	}
	if !utf8.ValidString(a.Text) {
		return fmt.Errorf("plugin %s: the article's text is not valid UTF-8, so it cannot be sent", p.spec.Name)
	}
	return nil
}

// stream sends the pending articles over one stream and fills results as
// answers arrive. It returns the articles still unanswered and why the
// stream ended early (nil when all were answered).
func (p *Plugin) stream(ctx context.Context, pr *process, articles []*article.Article, pending []int, results []Result) ([]int, error) {
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	st, err := pr.rpc.CheckStream(p.call(sctx))
	if err != nil {
		return pending, err
	}
	waiting := make(map[uint64]bool, len(pending))
	for _, i := range pending {
		waiting[uint64(i)] = true
	}

	max := int64(p.host.opts.MaxFindings)
	sendDone := make(chan struct{})
	go func() {
		defer close(sendDone)
		for _, i := range pending {
			req := &pb.CheckRequest{Id: uint64(i), Article: protocol.ArticleToWire(articles[i]), MaxFindings: max, Rules: p.rulesFor(articles[i])}
			if st.Send(req) != nil {
				return // the receive side sees why
			}
		}
		_ = st.CloseSend()
	}()

	type answer struct {
		resp *pb.CheckResponse
		err  error
	}
	answers := make(chan answer)
	recvDone := make(chan struct{})
	go func() {
		defer close(recvDone)
		for {
			resp, err := st.Recv()
			select {
			case answers <- answer{resp, err}:
			case <-sctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	defer func() {
		cancel()
		<-sendDone
		<-recvDone
	}()

	// The watchdog measures progress, not each article's time in the
	// queue: with hundreds of articles in flight, only a plugin that
	// answers nothing for CheckTimeout is hung.
	watchdog := time.NewTimer(p.host.opts.CheckTimeout)
	defer watchdog.Stop()
	remaining := func() []int {
		var out []int
		for _, i := range pending {
			if waiting[uint64(i)] {
				out = append(out, i)
			}
		}
		return out
	}
	for len(waiting) > 0 {
		select {
		case <-ctx.Done():
			return remaining(), ctx.Err()
		case <-watchdog.C:
			return remaining(), errHung
		case a := <-answers:
			if a.err != nil {
				if errors.Is(a.err, io.EOF) {
					a.err = fmt.Errorf("the plugin ended the stream with %d articles unanswered", len(waiting))
				}
				return remaining(), a.err
			}
			id := a.resp.Id
			if !waiting[id] {
				p.host.opts.Logger.Warn("plugin answered an article it was not asked about", "plugin", p.spec.Name, "id", id)
				continue
			}
			delete(waiting, id)
			results[id] = p.result(a.resp, articles[id])
			if !watchdog.Stop() {
				select {
				case <-watchdog.C:
				default:
				}
			}
			watchdog.Reset(p.host.opts.CheckTimeout)
		}
	}
	return nil, nil
}
