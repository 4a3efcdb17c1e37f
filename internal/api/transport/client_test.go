package transport

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestDoSendsRequestAndReturnsResponse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.URL.Path != "/items" || r.URL.Query().Get("q") != "1" {
			t.Errorf("got %s %s", r.Method, r.URL)
		}
		if got := r.Header.Get("X-Custom"); got != "yes" {
			t.Errorf("X-Custom = %q", got)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(append([]byte("echo:"), body...))
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, nil)

	resp, err := c.Do(context.Background(), &Request{
		Method: "post",
		URL:    srv.URL + "/items?q=1",
		Header: http.Header{"X-Custom": {"yes"}},
		Body:   []byte(`{"name":"a"}`),
	})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.StatusCode != http.StatusCreated || string(resp.Body) != `echo:{"name":"a"}` ||
		resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("response = %d %q %v", resp.StatusCode, resp.Body, resp.Header)
	}
}

func TestDoWithoutBodySendsNoBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		if r.ContentLength != 0 || len(r.TransferEncoding) != 0 {
			t.Errorf("GET carries a body: length %d, encoding %v", r.ContentLength, r.TransferEncoding)
		}
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, nil)
	if _, err := c.Do(context.Background(), &Request{URL: srv.URL}); err != nil {
		t.Fatalf("Do: %v", err)
	}
}

func TestUserAgent(t *testing.T) {
	tests := []struct {
		version string
		header  http.Header
		want    string
	}{
		{"1.4.0", nil, "terraform-provider-almsync/1.4.0"},
		{"", nil, "terraform-provider-almsync/dev"},
		{"2.0.0", http.Header{"User-Agent": {"curl/8"}}, "terraform-provider-almsync/2.0.0"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			var got atomic.Value
			srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
				got.Store(r.UserAgent())
			}))
			t.Cleanup(srv.Close)
			c := newTestClient(t, func(cfg *Config) { cfg.Version = tt.version })

			if _, err := c.Do(context.Background(), &Request{URL: srv.URL, Header: tt.header}); err != nil {
				t.Fatalf("Do: %v", err)
			}
			if got.Load() != tt.want {
				t.Errorf("Do: User-Agent = %q, want %q", got.Load(), tt.want)
			}

			resp, err := c.HTTPClient().Get(srv.URL)
			if err != nil {
				t.Fatalf("HTTPClient().Get: %v", err)
			}
			_ = resp.Body.Close()
			if got.Load() != tt.want {
				t.Errorf("HTTPClient: User-Agent = %q, want %q", got.Load(), tt.want)
			}
		})
	}
}

func TestHTTPClientDoesNotRetry(t *testing.T) {
	srv, hits := scriptedServer(t, http.StatusServiceUnavailable)
	c := newTestClient(t, func(cfg *Config) { cfg.RequestTimeout = 7 * time.Second })

	hc := c.HTTPClient()
	if hc.Timeout != 7*time.Second {
		t.Errorf("Timeout = %s, want 7s", hc.Timeout)
	}
	resp, err := hc.Get(srv.URL)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || hits.Load() != 1 {
		t.Errorf("status = %d, hits = %d; want 503, 1", resp.StatusCode, hits.Load())
	}

	hc.Timeout = time.Nanosecond
	if c.HTTPClient().Timeout != 7*time.Second {
		t.Error("changing the returned client changed the Client")
	}
}

func TestDoBodyLimit(t *testing.T) {
	tests := []struct {
		name    string
		size    int
		chunked bool
		wantErr bool
	}{
		{"at the limit", 10, false, false},
		{"Content-Length over the limit", 11, false, true},
		{"chunked at the limit", 10, true, false},
		{"chunked over the limit", 5000, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var hits atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				hits.Add(1)
				body := []byte(strings.Repeat("x", tt.size))
				if tt.chunked {
					_, _ = w.Write(body[:1])
					w.(http.Flusher).Flush()
					body = body[1:]
				}
				_, _ = w.Write(body)
			}))
			t.Cleanup(srv.Close)
			c := newTestClient(t, func(cfg *Config) { cfg.MaxBodyBytes = 10; cfg.Product = "Jama" })

			resp, err := c.Do(context.Background(), &Request{URL: srv.URL, Operation: "list users"})
			if !tt.wantErr {
				if err != nil || len(resp.Body) != tt.size {
					t.Fatalf("Do = %v; want %d bytes", err, tt.size)
				}
				return
			}
			if !errors.Is(err, ErrBodyTooLarge) {
				t.Fatalf("error = %v, want ErrBodyTooLarge", err)
			}
			if msg := err.Error(); !strings.Contains(msg, "Jama") || !strings.Contains(msg, "(list users)") {
				t.Errorf("error %q does not name product and operation", msg)
			}
			if got := hits.Load(); got != 1 {
				t.Errorf("server hits = %d, want 1", got)
			}
		})
	}
}

// slowFirstServer delays its first answer until the client gives up on it.
func slowFirstServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	hits := new(atomic.Int32)
	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		// Reading the body lets the server notice when the client hangs up.
		_, _ = io.Copy(io.Discard, r.Body)
		if hits.Add(1) == 1 {
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv, hits
}

func TestDoRequestTimeoutPerAttempt(t *testing.T) {
	t.Run("GET is retried", func(t *testing.T) {
		t.Parallel()
		srv, hits := slowFirstServer(t)
		c := newTestClient(t, func(cfg *Config) { cfg.RequestTimeout = 200 * time.Millisecond })

		resp, err := c.Do(context.Background(), &Request{URL: srv.URL})
		if err != nil {
			t.Fatalf("Do: %v", err)
		}
		if resp.StatusCode != http.StatusOK || hits.Load() != 2 {
			t.Errorf("status = %d, hits = %d; want 200, 2", resp.StatusCode, hits.Load())
		}
	})
	t.Run("POST is not retried", func(t *testing.T) {
		t.Parallel()
		srv, hits := slowFirstServer(t)
		c := newTestClient(t, func(cfg *Config) { cfg.RequestTimeout = 200 * time.Millisecond })

		_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, URL: srv.URL, Body: []byte("x")})
		var netErr net.Error
		if !errors.As(err, &netErr) || !netErr.Timeout() {
			t.Fatalf("error = %v, want a timeout", err)
		}
		if got := hits.Load(); got != 1 {
			t.Errorf("server hits = %d, want 1", got)
		}
	})
}

func TestDoCallerContext(t *testing.T) {
	t.Run("cancel during back-off", func(t *testing.T) {
		t.Parallel()
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "30")
			w.WriteHeader(http.StatusServiceUnavailable)
		}))
		t.Cleanup(srv.Close)
		c := newTestClient(t, func(cfg *Config) { cfg.RetryWaitMax = time.Minute })
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(100*time.Millisecond, cancel)

		start := time.Now()
		_, err := c.Do(ctx, &Request{URL: srv.URL})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error = %v, want context.Canceled", err)
		}
		if elapsed := time.Since(start); elapsed > 5*time.Second {
			t.Errorf("Do returned after %s, long after the cancellation", elapsed)
		}
		if reqErr := asRequestError(t, err); reqErr.Exhausted || reqErr.Attempts != 1 {
			t.Errorf("Exhausted = %v, Attempts = %d; want false, 1", reqErr.Exhausted, reqErr.Attempts)
		}
	})
	t.Run("deadline during an attempt is not retried", func(t *testing.T) {
		t.Parallel()
		srv, hits := slowFirstServer(t)
		c := newTestClient(t, nil)
		ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
		defer cancel()

		_, err := c.Do(ctx, &Request{URL: srv.URL})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("error = %v, want context.DeadlineExceeded", err)
		}
		if got := hits.Load(); got != 1 {
			t.Errorf("server hits = %d, want 1", got)
		}
	})
	t.Run("already canceled", func(t *testing.T) {
		t.Parallel()
		srv, hits := scriptedServer(t, http.StatusOK)
		c := newTestClient(t, nil)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()

		_, err := c.Do(ctx, &Request{URL: srv.URL})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error = %v, want context.Canceled", err)
		}
		if got := hits.Load(); got != 0 {
			t.Errorf("server hits = %d, want 0", got)
		}
	})
}

func TestDoMasksURLInErrors(t *testing.T) {
	c := newTestClient(t, nil)
	url := "http://user:pa55@" + closedAddr(t) + "/x?api_token=tok123&page=2"

	_, err := c.Do(context.Background(), &Request{URL: url})
	if err == nil {
		t.Fatal("Do succeeded, want error")
	}
	for _, secret := range []string{"pa55", "tok123", "user:"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error %q contains %q", err, secret)
		}
	}
	if !strings.Contains(err.Error(), "api_token=***&page=2") {
		t.Errorf("error %q lacks the masked query", err)
	}
}

func TestNewRejectsInvalidConfig(t *testing.T) {
	for _, cfg := range []Config{
		{MaxRetries: -1},
		{RequestTimeout: -time.Second},
		{RetryWaitMin: -1},
		{RetryWaitMax: -1},
		{MaxBodyBytes: -1},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) succeeded, want error", cfg)
		}
	}
}

func TestNewAppliesDefaults(t *testing.T) {
	c, err := New(Config{Product: "Jira"})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if c.cfg.RequestTimeout != 30*time.Second || c.cfg.RetryWaitMin != time.Second ||
		c.cfg.RetryWaitMax != 30*time.Second || c.cfg.MaxBodyBytes != 16<<20 || c.cfg.MaxRetries != 0 {
		t.Errorf("defaults = %+v", c.cfg)
	}
	c, err = New(Config{RetryWaitMin: time.Minute, RetryWaitMax: time.Second})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if c.waits.min != time.Second {
		t.Errorf("RetryWaitMin = %s, want it lowered to RetryWaitMax", c.waits.min)
	}
}

func TestRequestErrorMessage(t *testing.T) {
	cause := errors.New("boom")
	tests := []struct {
		err  RequestError
		want string
	}{
		{RequestError{Product: "Jama", Method: "GET", URL: "https://h/x", Operation: "read user", Attempts: 6, Exhausted: true, Err: &StatusError{StatusCode: 503}},
			"Jama GET https://h/x (read user): giving up after 6 attempts: 503 Service Unavailable"},
		{RequestError{Product: "Jira", Method: "POST", URL: "https://h/y", Attempts: 1, Err: cause},
			"Jira POST https://h/y: boom"},
		{RequestError{Product: "aqua", Method: "PUT", URL: "https://h/z", Operation: "update", Attempts: 3, Err: cause},
			"aqua PUT https://h/z (update): attempt 3: boom"},
		{RequestError{Method: "GET", URL: "u", Attempts: 1, Exhausted: true, Err: &StatusError{StatusCode: 599}},
			"GET u: giving up after 1 attempt: HTTP status 599"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q\nwant      %q", got, tt.want)
		}
	}
	if !errors.Is(&RequestError{Err: cause}, cause) {
		t.Error("RequestError does not unwrap to its cause")
	}
}

func TestDoNilRequest(t *testing.T) {
	c := newTestClient(t, nil)
	if _, err := c.Do(context.Background(), nil); err == nil {
		t.Error("Do(nil) succeeded, want error")
	}
}

func TestDoHeadIgnoresAnnouncedLength(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "1000000")
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, func(cfg *Config) { cfg.MaxBodyBytes = 10 })

	resp, err := c.Do(context.Background(), &Request{Method: http.MethodHead, URL: srv.URL})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.StatusCode != http.StatusOK || len(resp.Body) != 0 {
		t.Errorf("response = %d with %d bytes", resp.StatusCode, len(resp.Body))
	}
}
