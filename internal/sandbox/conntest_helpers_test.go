package sandbox

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

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// closedURL returns an http URL on a loopback port nothing listens on: the
// port was taken and given back.
func closedURL(t testing.TB) string {
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

// startTLSFront serves an https reverse proxy to the sandbox at ts, with
// httptest's self-signed certificate, which no system root trusts. The
// sandbox's paths are the same below the front's URL.
func startTLSFront(t testing.TB, ts *httptest.Server) *httptest.Server {
	t.Helper()
	return startFrontServer(t, ts, nil, true)
}

// startFrontServer serves a reverse proxy to the sandbox at ts, over TLS
// when secure is set. rewrite, when not nil, may change each request before
// it is passed on.
func startFrontServer(t testing.TB, ts *httptest.Server, rewrite func(*http.Request), secure bool) *httptest.Server {
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

// certificatePEM is the PEM of a TLS test server's certificate.
func certificatePEM(srv *httptest.Server) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))
}

// checkNames lists the names of a test's checks, in order.
func checkNames(res api.ConnectionTest) []string {
	names := make([]string, 0, len(res.Checks))
	for _, c := range res.Checks {
		names = append(names, c.Name)
	}
	return names
}

// wantChecks fails the test unless res lists exactly the checks named, in
// that order.
func wantChecks(t testing.TB, res api.ConnectionTest, names ...string) {
	t.Helper()
	if got := checkNames(res); !slices.Equal(got, names) {
		t.Fatalf("checks = %q, want %q; result %+v", got, names, res)
	}
}

// wantCheck fails the test unless res has the check called name, with the
// given outcome and a detail containing every fragment.
func wantCheck(t testing.TB, res api.ConnectionTest, name string, success bool, fragments ...string) {
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

// wantSuccess fails the test unless res succeeded with every check.
func wantSuccess(t testing.TB, res api.ConnectionTest) {
	t.Helper()
	if !res.Success || res.Message != connTestSucceeded {
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

// wantFailure fails the test unless res failed with a message starting
// with prefix.
func wantFailure(t testing.TB, res api.ConnectionTest, prefix string) {
	t.Helper()
	if res.Success || !strings.HasPrefix(res.Message, prefix) {
		t.Fatalf("result = %+v, want a failure whose message starts %q", res, prefix)
	}
}
