package transport

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"time"
)

// exchange is the state of one call of Client.Do across its attempts.
type exchange struct {
	client     *Client
	ctx        context.Context // caller's context with the log subsystem
	req        *Request
	method     string
	header     http.Header // request header as sent
	replayable bool

	attempts int
	retries  int           // retries spent from Config.MaxRetries
	refused  int           // attempts refused at connect
	limited  time.Duration // time waited for 429 answers so far
	limits   int           // 429 answers so far
	// sent becomes true once the current attempt may have reached the
	// server. It is set from the HTTP client's trace callbacks, which can
	// run on other goroutines.
	sent atomic.Bool

	// Outcome of the latest attempt.
	status     int
	respHeader http.Header
	respBody   []byte
	err        error
}

// newExchange prepares the state of one Do call.
func newExchange(ctx context.Context, c *Client, req *Request, method string) *exchange {
	header := req.Header.Clone()
	if header == nil {
		header = make(http.Header)
	}
	header.Set("User-Agent", c.cfg.userAgent())
	return &exchange{
		client:     c,
		ctx:        logContext(ctx, c.cfg.Product, req.Operation, method, MaskURL(req.URL)),
		req:        req,
		method:     method,
		header:     header,
		replayable: req.Retryable || isIdempotent(method),
	}
}

// run sends attempts until one gives a final answer or the budgets are
// spent. Three budgets apply: 429 answers wait as the server asks, bounded
// in total by Config.RateLimitWait; other retryable failures spend
// Config.MaxRetries; a refused connection is tried at most twice.
func (x *exchange) run() (*Response, error) {
	for {
		if err := x.client.cfg.Pacer.Wait(x.ctx); err != nil {
			return x.fail(false, err)
		}
		x.attempt()
		if err := x.ctx.Err(); err != nil {
			return x.fail(false, err)
		}
		wait, err := x.next()
		if err != nil {
			return nil, err
		}
		if wait < 0 {
			return &Response{StatusCode: x.status, Header: x.respHeader, Body: x.respBody}, nil
		}
		logRetry(x.ctx, x.attempts, wait)
		if err := sleep(x.ctx, wait); err != nil {
			return x.fail(false, err)
		}
	}
}

// next decides after an attempt: a negative wait when its answer is final,
// the wait before the next attempt, or the error that ends the call.
func (x *exchange) next() (time.Duration, error) {
	c := x.client
	if x.err == nil && x.status == http.StatusTooManyRequests {
		// The server's wait, or without one the back-off (Jama's schedule
		// where configured); a "Retry-After: 0" still waits RetryWaitMin,
		// so that a server that keeps answering 429 is not hammered.
		_, hinted := serverHint(x.status, x.respHeader, time.Now())
		wait := c.backoff(x.limits, x.status, x.respHeader)
		if hinted {
			wait = max(wait, c.cfg.RetryWaitMin)
		}
		c.cfg.Pacer.RateLimited(wait)
		x.limits++
		if x.limits > maxRateLimited || x.limited+wait > c.cfg.RateLimitWait {
			return 0, x.statusFailure(&RateLimitError{Answers: x.limits, Waited: x.limited, Budget: c.cfg.RateLimitWait})
		}
		x.limited += wait
		return wait, nil
	}
	if x.err == nil {
		c.cfg.Pacer.Accepted()
	}
	outcome := attemptOutcome{status: x.status, err: x.err, sent: x.sent.Load()}
	if !shouldRetry(x.replayable, outcome) {
		if x.err != nil {
			_, err := x.fail(false, x.err)
			return 0, err
		}
		return -1, nil
	}
	if x.err != nil && IsConnectionRefused(x.err) {
		x.refused++
		if x.refused >= maxRefused {
			_, err := x.fail(true, x.err)
			return 0, err
		}
	}
	if x.retries >= c.cfg.MaxRetries {
		if x.err != nil {
			_, err := x.fail(true, x.err)
			return 0, err
		}
		return 0, x.statusFailure(nil)
	}
	x.retries++
	return c.backoff(x.retries-1, x.status, x.respHeader), nil
}

// statusFailure is the error of a call that ended on a retryable status;
// cause, when set, explains why no retry followed.
func (x *exchange) statusFailure(cause error) error {
	statusErr := &StatusError{StatusCode: x.status, Header: x.respHeader, Body: x.respBody, Cause: cause}
	_, err := x.fail(true, statusErr)
	return err
}

// fail builds the error that ends the call.
func (x *exchange) fail(exhausted bool, cause error) (*Response, error) {
	return nil, x.client.requestError(x.req, x.method, x.attempts, exhausted, cause)
}

// attempt sends the request once and records its outcome.
func (x *exchange) attempt() {
	x.attempts++
	x.sent.Store(false)
	x.status, x.respHeader, x.respBody, x.err = 0, nil, nil, nil
	started := time.Now()

	hreq, err := x.newRequest()
	if err != nil {
		x.err = unwrapURLError(err)
	} else if resp, err := x.client.http.Do(hreq); err != nil {
		x.err = unwrapURLError(err)
	} else {
		x.status, x.respHeader = resp.StatusCode, resp.Header
		x.respBody, x.err = readBody(resp, x.client.cfg.MaxBodyBytes)
	}
	if x.err != nil {
		x.status = 0
	}

	logAttempt(x.ctx, attemptLog{
		attempt:         x.attempts,
		duration:        time.Since(started),
		status:          x.status,
		err:             x.err,
		requestHeader:   x.header,
		requestBody:     x.req.Body,
		responseHeader:  x.respHeader,
		responseBody:    x.respBody,
		responseStarted: x.respHeader != nil,
	})
}

// newRequest builds one attempt's request, with a trace that records
// whether the request was written.
func (x *exchange) newRequest() (*http.Request, error) {
	markSent := func() { x.sent.Store(true) }
	trace := &httptrace.ClientTrace{
		WroteHeaders:         markSent,
		WroteRequest:         func(httptrace.WroteRequestInfo) { markSent() },
		GotFirstResponseByte: markSent,
	}
	ctx := httptrace.WithClientTrace(x.ctx, trace)

	var body io.Reader
	if x.req.Body != nil {
		body = bytes.NewReader(x.req.Body)
	}
	hreq, err := http.NewRequestWithContext(ctx, x.method, x.req.URL, body)
	if err != nil {
		return nil, err
	}
	hreq.Header = x.header.Clone()
	if x.req.Body != nil {
		b := x.req.Body
		hreq.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
	}
	return hreq, nil
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// readBody reads and closes the body of resp, failing with ErrBodyTooLarge
// beyond limit bytes.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	defer resp.Body.Close()
	// A HEAD answer announces the length of a body it does not carry.
	isHead := resp.Request != nil && resp.Request.Method == http.MethodHead
	if !isHead && resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: Content-Length %d exceeds the limit of %d bytes",
			ErrBodyTooLarge, resp.ContentLength, limit)
	}
	readLimit := limit
	if readLimit < math.MaxInt64 {
		readLimit++
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, readLimit))
	if err != nil {
		return nil, fmt.Errorf("reading response body: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrBodyTooLarge, limit)
	}
	return body, nil
}
