package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// newTestServer starts the sandbox on an httptest server; both are cleaned
// up with the test.
func newTestServer(t testing.TB, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	srv, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
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

// authFunc decorates a request with credentials.
type authFunc func(*http.Request)

func basicAuth(user, password string) authFunc {
	return func(r *http.Request) { r.SetBasicAuth(user, password) }
}

func asAdmin(r *http.Request) { r.SetBasicAuth(DefaultUsername, DefaultPassword) }

func bearer(token string) authFunc {
	return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) }
}

func noAuth(*http.Request) {}

// response is a fully read answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

// call sends a request to ts. body is sent as is when it is a string,
// JSON-encoded otherwise, and omitted when nil.
func call(t testing.TB, ts *httptest.Server, auth authFunc, method, path string, body any) response {
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
	return send(t, ts, req)
}

// send sends req with ts's client and reads the whole answer.
func send(t testing.TB, ts *httptest.Server, req *http.Request) response {
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
	return response{status: resp.StatusCode, header: resp.Header, body: data}
}

// tokenRequest asks prefix's OAuth endpoint for a token with Basic client
// credentials (none when id is empty) and the given grant type (none when
// empty).
func tokenRequest(t testing.TB, ts *httptest.Server, prefix, id, secret, grant string) response {
	t.Helper()
	form := url.Values{}
	if grant != "" {
		form.Set("grant_type", grant)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+prefix+"/rest/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if id != "" {
		req.SetBasicAuth(id, secret)
	}
	return send(t, ts, req)
}

// accessToken obtains a bearer token from prefix's OAuth endpoint.
func accessToken(t testing.TB, ts *httptest.Server, prefix string) string {
	t.Helper()
	r := tokenRequest(t, ts, prefix, DefaultClientID, DefaultClientSecret, "client_credentials")
	wantStatus(t, r, http.StatusOK)
	var tok jama.TokenResponse
	if err := json.Unmarshal(r.body, &tok); err != nil {
		t.Fatalf("decode token %s: %v", r.body, err)
	}
	if tok.AccessToken == "" || tok.TokenType != "bearer" || tok.ExpiresIn != 3600 || tok.Scope != "read write" {
		t.Fatalf("unexpected token response %+v", tok)
	}
	return tok.AccessToken
}

// envelope decodes a Jama envelope.
func envelope[T any](t testing.TB, r response) jama.Envelope[T] {
	t.Helper()
	var env jama.Envelope[T]
	if err := json.Unmarshal(r.body, &env); err != nil {
		t.Fatalf("decode envelope %q: %v", r.body, err)
	}
	return env
}

// wantStatus fails the test unless r has the status.
func wantStatus(t testing.TB, r response, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body: %s", r.status, status, r.body)
	}
}

// wantError checks an error envelope: status, meta.status and a message
// containing every fragment.
func wantError(t testing.TB, r response, status int, fragments ...string) {
	t.Helper()
	wantStatus(t, r, status)
	env := envelope[json.RawMessage](t, r)
	if env.Meta.Status != http.StatusText(status) {
		t.Errorf("meta.status = %q, want %q", env.Meta.Status, http.StatusText(status))
	}
	if env.Meta.Timestamp == "" {
		t.Error("meta.timestamp is empty")
	}
	for _, f := range fragments {
		if !strings.Contains(env.Meta.Message, f) {
			t.Errorf("meta.message = %q, want it to contain %q", env.Meta.Message, f)
		}
	}
}
