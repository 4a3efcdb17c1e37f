package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// exchange is the state of one call of Client.Do across its attempts. Its
// methods are the hooks of a go-retryablehttp client made for that call;
// they run one after another, never concurrently.
type exchange struct {
	client     *Client
	ctx        context.Context // caller's context with the log subsystem
	req        *Request
	method     string
	header     http.Header // request header as sent
	replayable bool

	attempts int
	started  time.Time
	// sent becomes true once the current attempt may have reached the
	// server. It is set from the HTTP client's trace callbacks, which can
	// run on other goroutines.
	sent atomic.Bool

	// Outcome of the latest attempt.
	status     int
	respHeader http.Header
	respBody   []byte
	err        error
	retry      bool
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

// newRetryableRequest builds the request, with a trace that records whether
// the request was written.
func (x *exchange) newRetryableRequest() (*retryablehttp.Request, error) {
	markSent := func() { x.sent.Store(true) }
	trace := &httptrace.ClientTrace{
		WroteHeaders:         markSent,
		WroteRequest:         func(httptrace.WroteRequestInfo) { markSent() },
		GotFirstResponseByte: markSent,
	}
	ctx := httptrace.WithClientTrace(x.ctx, trace)

	var body any // a nil []byte in an interface would send an empty body
	if x.req.Body != nil {
		body = x.req.Body
	}
	rreq, err := retryablehttp.NewRequestWithContext(ctx, x.method, x.req.URL, body)
	if err != nil {
		return nil, err
	}
	rreq.Header = x.header.Clone()
	return rreq, nil
}

// beforeAttempt starts an attempt (a go-retryablehttp RequestLogHook).
func (x *exchange) beforeAttempt(_ retryablehttp.Logger, _ *http.Request, _ int) {
	x.attempts++
	x.started = time.Now()
	x.sent.Store(false)
}

// afterAttempt reads the answer of an attempt, logs the attempt and decides
// whether to retry (a go-retryablehttp CheckRetry).
func (x *exchange) afterAttempt(ctx context.Context, resp *http.Response, err error) (bool, error) {
	x.status, x.respHeader, x.respBody, x.err, x.retry = 0, nil, nil, nil, false
	if err != nil {
		// A response alongside an error has its body closed already.
		x.err = unwrapURLError(err)
	} else if resp != nil {
		x.status, x.respHeader = resp.StatusCode, resp.Header
		x.respBody, x.err = readBody(resp, x.client.cfg.MaxBodyBytes)
	}

	logAttempt(x.ctx, attemptLog{
		attempt:         x.attempts,
		duration:        time.Since(x.started),
		status:          x.status,
		err:             x.err,
		requestHeader:   x.header,
		requestBody:     x.req.Body,
		responseHeader:  x.respHeader,
		responseBody:    x.respBody,
		responseStarted: x.respHeader != nil,
	})

	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	outcome := attemptOutcome{status: x.status, err: x.err, sent: x.sent.Load()}
	if x.err != nil {
		outcome.status = 0
	}
	x.retry = shouldRetry(x.replayable, outcome)
	return x.retry, nil
}

// backoff returns the wait before the next attempt (a go-retryablehttp
// Backoff). It is called only when a retry follows.
func (x *exchange) backoff(_, _ time.Duration, retry int, resp *http.Response) time.Duration {
	status, header := 0, http.Header(nil)
	if resp != nil && x.err == nil {
		status, header = resp.StatusCode, resp.Header
	}
	wait := x.client.waits.wait(retry, status, header, time.Now(), x.client.rand.Int64N)
	logRetry(x.ctx, x.attempts, wait)
	return wait
}

// result turns the state after the last attempt into the outcome of Do.
// doErr is the error go-retryablehttp returned.
func (x *exchange) result(doErr error) (*Response, error) {
	if doErr == nil && x.err == nil && !x.retry && x.attempts > 0 && x.respHeader != nil {
		return &Response{StatusCode: x.status, Header: x.respHeader, Body: x.respBody}, nil
	}
	fail := func(exhausted bool, cause error) (*Response, error) {
		return nil, x.client.requestError(x.req, x.method, x.attempts, exhausted, cause)
	}
	switch {
	case x.ctx.Err() != nil:
		return fail(false, x.ctx.Err())
	case x.err != nil:
		return fail(x.retry, x.err)
	case x.retry:
		return fail(true, &StatusError{StatusCode: x.status, Header: x.respHeader, Body: x.respBody})
	case doErr != nil:
		return fail(false, unwrapURLError(doErr))
	}
	return fail(false, errors.New("no response received"))
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
	// go-retryablehttp drains the body before a retry; leave it readable.
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return body, nil
}
