package wiretest

import (
	"encoding/pem"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// ClosedURL returns an http URL on a loopback port nothing listens on: the
// port was taken and given back.
func ClosedURL(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	return "http://" + addr
}

// StartTLSFront serves an https reverse proxy to the sandbox at ts, with
// httptest's self-signed certificate, which no system root trusts. The
// sandbox's paths are the same below the front's URL.
func StartTLSFront(t testing.TB, ts *httptest.Server) *httptest.Server {
	t.Helper()
	return StartFrontServer(t, ts, nil, true)
}

// StartFrontServer serves a reverse proxy to the sandbox at ts, over TLS
// when secure is set. rewrite, when not nil, may change each request before
// it is passed on.
func StartFrontServer(t testing.TB, ts *httptest.Server, rewrite func(*http.Request), secure bool) *httptest.Server {
	t.Helper()
	target, err := url.Parse(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rewrite != nil {
			rewrite(r)
		}
		proxy.ServeHTTP(w, r)
	})
	var front *httptest.Server
	if secure {
		front = httptest.NewTLSServer(h)
	} else {
		front = httptest.NewServer(h)
	}
	t.Cleanup(front.Close)
	return front
}

// CertificatePEM is the PEM of a TLS test server's certificate.
func CertificatePEM(srv *httptest.Server) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))
}

// CheckNames lists the names of a test's checks, in order.
func CheckNames(res ConnTest) []string {
	names := make([]string, 0, len(res.Checks))
	for _, c := range res.Checks {
		names = append(names, c.Name)
	}
	return names
}

// WantChecks fails the test unless res lists exactly the checks named, in
// that order.
func WantChecks(t testing.TB, res ConnTest, names ...string) {
	t.Helper()
	if got := CheckNames(res); !slices.Equal(got, names) {
		t.Fatalf("checks = %q, want %q; result %+v", got, names, res)
	}
}

// WantCheck fails the test unless res has the check called name, with the
// given outcome and a detail containing every fragment.
func WantCheck(t testing.TB, res ConnTest, name string, success bool, fragments ...string) {
	t.Helper()
	c, ok := res.Check(name)
	if !ok {
		t.Fatalf("no %s check in %+v", name, res)
	}
	if c.Success != success {
		t.Errorf("%s success = %t, want %t (detail %q)", name, c.Success, success, c.Detail)
	}
	for _, f := range fragments {
		if !strings.Contains(c.Detail, f) {
			t.Errorf("%s detail = %q, want it to contain %q", name, c.Detail, f)
		}
	}
}

// WantSuccess fails the test unless res succeeded with every check.
func WantSuccess(t testing.TB, res ConnTest) {
	t.Helper()
	if !res.Success || res.Message != ConnTestSucceeded {
		t.Fatalf("test failed: %+v", res)
	}
	for _, c := range res.Checks {
		if !c.Success {
			t.Errorf("check %s failed in a successful test: %q", c.Name, c.Detail)
		}
	}
	if res.CheckedAt.IsZero() || res.DurationMS < 0 {
		t.Errorf("checkedAt %s, durationMs %d", res.CheckedAt, res.DurationMS)
	}
}

// WantFailure fails the test unless res failed with a message starting
// with prefix.
func WantFailure(t testing.TB, res ConnTest, prefix string) {
	t.Helper()
	if res.Success || !strings.HasPrefix(res.Message, prefix) {
		t.Fatalf("result = %+v, want a failure whose message starts %q", res, prefix)
	}
}

// ConnTest is a product's answer to "Test connection" in the contracts'
// camelCase form.
type ConnTest struct {
	Success    bool        `json:"success"`
	Message    string      `json:"message"`
	CheckedAt  time.Time   `json:"checkedAt"`
	DurationMS int64       `json:"durationMs"`
	Checks     []ConnCheck `json:"checks"`
}

// ConnCheck is one check of a connection test.
type ConnCheck struct {
	Name    string `json:"name"`
	Success bool   `json:"success"`
	Detail  string `json:"detail"`
}

// Check returns the check called name, if the test made it.
func (t ConnTest) Check(name string) (ConnCheck, bool) {
	for _, c := range t.Checks {
		if c.Name == name {
			return c, true
		}
	}
	return ConnCheck{}, false
}

// ConnTestSucceeded is the message of a test whose checks all succeeded.
const ConnTestSucceeded = "Connection succeeded"

// ConnTestRequest is the optional body of a test request in the contracts'
// camelCase form: extra CA certificates (PEM) the product trusts for this
// test.
type ConnTestRequest struct {
	TrustedCAPEM string `json:"trustedCaPem,omitempty"`
}
