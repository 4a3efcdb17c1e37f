package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
)

func TestDoRetriesRetryableStatusesForGET(t *testing.T) {
	for _, status := range []int{429, 502, 503, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			srv, hits := scriptedServer(t, status, status, http.StatusOK)
			c := newTestClient(t, nil)

			resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if resp.StatusCode != http.StatusOK {
				t.Errorf("status = %d, want 200", resp.StatusCode)
			}
			if got := hits.Load(); got != 3 {
				t.Errorf("server hits = %d, want 3", got)
			}
		})
	}
}

func TestDoGivesUpAfterMaxRetries(t *testing.T) {
	srv, hits := scriptedServer(t, http.StatusServiceUnavailable)
	c := newTestClient(t, func(cfg *Config) { cfg.Product = "Jama"; cfg.MaxRetries = 5 })

	_, err := c.Do(context.Background(), &Request{
		Method:    http.MethodGet,
		URL:       srv.URL + "/rest/v1/users/5",
		Operation: "read user",
	})
	if err == nil {
		t.Fatal("Do succeeded, want error")
	}
	if got := hits.Load(); got != 6 {
		t.Errorf("server hits = %d, want 6", got)
	}
	want := fmt.Sprintf("Jama GET %s/rest/v1/users/5 (read user): giving up after 6 attempts: 503 Service Unavailable", srv.URL)
	if err.Error() != want {
		t.Errorf("error = %q\nwant    %q", err, want)
	}
	reqErr := asRequestError(t, err)
	if !reqErr.Exhausted || reqErr.Attempts != 6 {
		t.Errorf("Exhausted = %v, Attempts = %d; want true, 6", reqErr.Exhausted, reqErr.Attempts)
	}
	var statusErr *StatusError
	if !errors.As(err, &statusErr) || statusErr.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("error does not wrap a 503 *StatusError: %v", err)
	}
}

func TestDoNoRetryWhenMaxRetriesIsZero(t *testing.T) {
	srv, hits := scriptedServer(t, http.StatusServiceUnavailable)
	c := newTestClient(t, func(cfg *Config) { cfg.MaxRetries = 0 })

	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	if err == nil || !strings.Contains(err.Error(), "giving up after 1 attempt: ") {
		t.Errorf("error = %v, want one given-up attempt", err)
	}
	if got := hits.Load(); got != 1 {
		t.Errorf("server hits = %d, want 1", got)
	}
}

func TestDoRetriesIdempotentMethods(t *testing.T) {
	for _, method := range []string{http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			srv, hits := scriptedServer(t, http.StatusServiceUnavailable, http.StatusNoContent)
			c := newTestClient(t, nil)

			resp, err := c.Do(context.Background(), &Request{Method: method, URL: srv.URL, Body: []byte("x")})
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if resp.StatusCode != http.StatusNoContent || hits.Load() != 2 {
				t.Errorf("status = %d, hits = %d; want 204, 2", resp.StatusCode, hits.Load())
			}
		})
	}
}

func TestDoDoesNotRetryOtherStatuses(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409, 500, 501} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			srv, hits := scriptedServer(t, status, http.StatusOK)
			c := newTestClient(t, nil)

			// A POST: only 429 (and failures before sending) would be retried.
			resp, err := c.Do(context.Background(), &Request{Method: http.MethodPost, URL: srv.URL})
			if err != nil {
				t.Fatalf("Do: %v (an HTTP status must not be a Go error)", err)
			}
			if resp.StatusCode != status {
				t.Errorf("status = %d, want %d", resp.StatusCode, status)
			}
			if string(resp.Body) != http.StatusText(status) {
				t.Errorf("body = %q, want %q", resp.Body, http.StatusText(status))
			}
			if got := hits.Load(); got != 1 {
				t.Errorf("server hits = %d, want 1", got)
			}
		})
	}
}

func TestDoNonIdempotentAfterGatewayErrors(t *testing.T) {
	tests := []struct {
		method    string
		status    int
		retryable bool
		wantHits  int32
		wantCode  int
	}{
		{http.MethodPost, 502, false, 1, 502},
		{http.MethodPost, 503, false, 1, 503},
		{http.MethodPost, 504, false, 1, 504},
		{http.MethodPatch, 503, false, 1, 503},
		{http.MethodPost, 503, true, 2, 201},
		{http.MethodPatch, 502, true, 2, 201},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %d retryable=%v", tt.method, tt.status, tt.retryable), func(t *testing.T) {
			t.Parallel()
			srv, hits := scriptedServer(t, tt.status, http.StatusCreated)
			c := newTestClient(t, nil)

			resp, err := c.Do(context.Background(), &Request{
				Method: tt.method, URL: srv.URL, Body: []byte(`{}`), Retryable: tt.retryable,
			})
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if resp.StatusCode != tt.wantCode || hits.Load() != tt.wantHits {
				t.Errorf("status = %d, hits = %d; want %d, %d", resp.StatusCode, hits.Load(), tt.wantCode, tt.wantHits)
			}
		})
	}
}

func TestDoPOSTRetriedAfter429(t *testing.T) {
	srv, hits := scriptedServer(t, http.StatusTooManyRequests, http.StatusCreated)
	c := newTestClient(t, nil)

	resp, err := c.Do(context.Background(), &Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{}`)})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.StatusCode != http.StatusCreated || hits.Load() != 2 {
		t.Errorf("status = %d, hits = %d; want 201, 2", resp.StatusCode, hits.Load())
	}
}

func TestDoReplaysBodyOnEveryAttempt(t *testing.T) {
	var (
		mu     sync.Mutex
		bodies []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		first := len(bodies) == 1
		mu.Unlock()
		if first {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, nil)

	_, err := c.Do(context.Background(), &Request{Method: http.MethodPut, URL: srv.URL, Body: []byte("payload")})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(bodies) != 2 || bodies[0] != "payload" || bodies[1] != "payload" {
		t.Errorf("bodies received = %q, want the payload twice", bodies)
	}
}

// dropServer closes the connection of its first request without a complete
// answer: before any byte of the answer, or in the middle of the body. Later
// requests get 200.
func dropServer(t *testing.T, midBody bool) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	hits := new(atomic.Int32)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if hits.Add(1) > 1 {
			_, _ = w.Write([]byte("ok"))
			return
		}
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		defer conn.Close()
		if midBody {
			_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial")
			_ = buf.Flush()
		}
	}))
	t.Cleanup(srv.Close)
	return srv, hits
}

func TestDoConnectionDropped(t *testing.T) {
	tests := []struct {
		name      string
		method    string
		retryable bool
		midBody   bool
		wantRetry bool
	}{
		{"GET before answer", http.MethodGet, false, false, true},
		{"GET mid-body", http.MethodGet, false, true, true},
		{"POST before answer", http.MethodPost, false, false, false},
		{"POST mid-body", http.MethodPost, false, true, false},
		{"PATCH mid-body", http.MethodPatch, false, true, false},
		{"retryable POST mid-body", http.MethodPost, true, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, hits := dropServer(t, tt.midBody)
			c := newTestClient(t, nil)

			resp, err := c.Do(context.Background(), &Request{
				Method: tt.method, URL: srv.URL, Body: []byte(`{"a":1}`), Retryable: tt.retryable,
			})
			if tt.wantRetry {
				if err != nil {
					t.Fatalf("Do: %v", err)
				}
				if resp.StatusCode != http.StatusOK || hits.Load() != 2 {
					t.Errorf("status = %d, hits = %d; want 200, 2", resp.StatusCode, hits.Load())
				}
				return
			}
			if err == nil {
				t.Fatalf("Do succeeded with status %d, want error", resp.StatusCode)
			}
			if got := hits.Load(); got != 1 {
				t.Errorf("server hits = %d, want 1 (request may have been applied)", got)
			}
			if reqErr := asRequestError(t, err); reqErr.Exhausted || reqErr.Attempts != 1 {
				t.Errorf("Exhausted = %v, Attempts = %d; want false, 1", reqErr.Exhausted, reqErr.Attempts)
			}
		})
	}
}

func TestDoConnectionRefused(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPatch} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			url := "http://" + closedAddr(t) + "/api/items"
			c := newTestClient(t, nil)

			_, err := c.Do(context.Background(), &Request{Method: method, URL: url, Body: []byte(`{}`), Operation: "create item"})
			if err == nil {
				t.Fatal("Do succeeded, want error")
			}
			reqErr := asRequestError(t, err)
			// A refused connection is tried twice, whatever MaxRetries allows.
			if !reqErr.Exhausted || reqErr.Attempts != 2 {
				t.Errorf("Exhausted = %v, Attempts = %d; want true, 2 (error %v)", reqErr.Exhausted, reqErr.Attempts, err)
			}
			if !errors.Is(err, syscall.ECONNREFUSED) {
				t.Errorf("error %v does not wrap ECONNREFUSED", err)
			}
			wantPrefix := "Test " + method + " " + url + " (create item): giving up after 2 attempts: "
			if !strings.HasPrefix(err.Error(), wantPrefix) {
				t.Errorf("error = %q, want prefix %q", err, wantPrefix)
			}
		})
	}
}

func TestDoInvalidURLNotSent(t *testing.T) {
	for _, raw := range []string{"", "://missing-scheme", "example.com/path", "ftp://example.com/x", "http:///no-host", "http://exa mple.com/"} {
		t.Run(raw, func(t *testing.T) {
			c := newTestClient(t, nil)
			_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: raw})
			if !errors.Is(err, ErrInvalidURL) {
				t.Fatalf("error = %v, want ErrInvalidURL", err)
			}
			if reqErr := asRequestError(t, err); reqErr.Attempts != 0 {
				t.Errorf("Attempts = %d, want 0", reqErr.Attempts)
			}
		})
	}
}

func TestShouldRetry(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	tests := []struct {
		name       string
		replayable bool
		outcome    attemptOutcome
		want       bool
	}{
		{"idempotent 429", true, attemptOutcome{status: 429, sent: true}, true},
		{"idempotent 503", true, attemptOutcome{status: 503, sent: true}, true},
		{"idempotent 500", true, attemptOutcome{status: 500, sent: true}, true},
		{"non-idempotent 500", false, attemptOutcome{status: 500, sent: true}, false},
		{"idempotent 200", true, attemptOutcome{status: 200, sent: true}, false},
		{"non-idempotent 429", false, attemptOutcome{status: 429, sent: true}, true},
		{"non-idempotent 502", false, attemptOutcome{status: 502, sent: true}, false},
		{"non-idempotent dial error", false, attemptOutcome{err: refused, sent: true}, true},
		{"non-idempotent error before write", false, attemptOutcome{err: io.EOF, sent: false}, true},
		{"non-idempotent error after write", false, attemptOutcome{err: io.ErrUnexpectedEOF, sent: true}, false},
		{"idempotent error after write", true, attemptOutcome{err: io.ErrUnexpectedEOF, sent: true}, true},
		{"canceled", true, attemptOutcome{err: context.Canceled}, false},
		{"body too large", true, attemptOutcome{err: fmt.Errorf("x: %w", ErrBodyTooLarge), sent: true}, false},
		{"redirect loop", true, attemptOutcome{err: errTooManyRedirects, sent: true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shouldRetry(tt.replayable, tt.outcome); got != tt.want {
				t.Errorf("shouldRetry = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDoRetriesServerErrorForIdempotentMethods(t *testing.T) {
	srv, hits := scriptedServer(t, http.StatusInternalServerError, http.StatusOK)
	c := newTestClient(t, nil)

	resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.StatusCode != http.StatusOK || hits.Load() != 2 {
		t.Errorf("status = %d, hits = %d; want 200 after one retry", resp.StatusCode, hits.Load())
	}
}
