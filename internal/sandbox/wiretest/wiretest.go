// Package wiretest holds the helpers the sandbox's own tests share: serving
// products on an httptest server, sending requests with credentials, and
// reading the answers. It imports nothing of the provider's clients: tests
// written with it read the wire as the vendors document it.
package wiretest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Serve starts a kernel server with the given products on an httptest
// server; both are closed when the test ends.
func Serve(t testing.TB, opts kernel.Options, products ...kernel.Product) (*kernel.Server, *httptest.Server) {
	t.Helper()
	srv, err := kernel.NewServer(opts, products...)
	if err != nil {
		t.Fatalf("NewServer: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return srv, ts
}

// AuthFunc decorates a request with credentials.
type AuthFunc func(*http.Request)

// BasicAuth sends HTTP Basic credentials.
func BasicAuth(user, password string) AuthFunc {
	return func(r *http.Request) { r.SetBasicAuth(user, password) }
}

// AsAdmin sends the sandbox's default credentials with HTTP Basic.
func AsAdmin(r *http.Request) { r.SetBasicAuth(kernel.DefaultUsername, kernel.DefaultPassword) }

// Bearer sends a bearer token.
func Bearer(token string) AuthFunc {
	return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) }
}

// NoAuth sends no credentials.
func NoAuth(*http.Request) {}

// Response is a fully read answer.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Call sends a request to ts. body is sent as is when it is a string,
// JSON-encoded otherwise, and omitted when nil.
func Call(t testing.TB, ts *httptest.Server, auth AuthFunc, method, path string, body any) Response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatalf("encode body: %v", err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	auth(req)
	return Send(t, ts, req)
}

// Send sends req with ts's client and reads the whole answer.
func Send(t testing.TB, ts *httptest.Server, req *http.Request) Response {
	t.Helper()
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", req.Method, req.URL.Path, err)
	}
	return Response{Status: resp.StatusCode, Header: resp.Header, Body: data}
}

// WantStatus fails the test unless r has the status.
func WantStatus(t testing.TB, r Response, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status = %d, want %d; body: %s", r.Status, status, r.Body)
	}
}

// Decode decodes r's JSON body into a T, failing the test when it does not
// decode.
func Decode[T any](t testing.TB, r Response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.Body, &v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
	return v
}
