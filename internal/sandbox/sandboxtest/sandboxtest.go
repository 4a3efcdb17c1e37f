// Package sandboxtest starts a sandbox for one test, on a random loopback
// port, and records every exchange its products answer. When the test ends,
// every exchange is checked against the vendors' published descriptions
// (package contracttest) and each violation fails the test. It is the one
// way tests outside the sandbox start one.
package sandboxtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// Default sandbox credentials, the same on every product.
const (
	SandboxUser     = "admin"
	SandboxPassword = "sandbox"
	SandboxClientID = "sandbox-client"
	SandboxSecret   = "sandbox-secret"
)

// Sandbox is a sandbox serving on a random loopback port for one test.
type Sandbox struct {
	URL    string // e.g. http://127.0.0.1:41234
	Server *sandbox.Server

	mu        sync.Mutex
	exchanges []sandbox.Exchange
}

// Start starts a fresh in-memory sandbox with default options, closed when
// the test ends.
func Start(t testing.TB) *Sandbox {
	t.Helper()
	return StartWith(t, sandbox.Options{})
}

// StartWith starts a sandbox with opts (its Logf and Record are set here),
// closed when the test ends.
func StartWith(t testing.TB, opts sandbox.Options) *Sandbox {
	t.Helper()
	sb := &Sandbox{}
	opts.Logf = t.Logf
	opts.Record = sb.record
	srv, err := sandbox.New(opts)
	if err != nil {
		t.Fatalf("starting sandbox: %v", err)
	}
	hs := httptest.NewServer(srv.Handler())
	// Cleanups run last-registered first: the exchanges are checked once
	// the server below is closed and every request has been answered.
	t.Cleanup(func() { sb.checkContracts(t) })
	t.Cleanup(func() {
		hs.Close()
		if err := srv.Close(); err != nil {
			t.Errorf("closing sandbox: %v", err)
		}
	})
	sb.URL, sb.Server = hs.URL, srv
	return sb
}

func (s *Sandbox) record(e sandbox.Exchange) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.exchanges = append(s.exchanges, e)
}

// Exchanges returns the exchanges the sandbox's products answered so far,
// in the order they were answered.
func (s *Sandbox) Exchanges() []sandbox.Exchange {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]sandbox.Exchange(nil), s.exchanges...)
}

// ProductURL is the base URL of one product, e.g. ProductURL("jama").
func (s *Sandbox) ProductURL(product string) string { return s.URL + "/" + product }

// Call sends one request to the sandbox as the admin user, the way a person
// would change something outside Terraform, and returns the status and
// body. body, when not nil, is sent as JSON.
func (s *Sandbox) Call(t testing.TB, method, path string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatalf("encoding %s %s: %v", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	if err != nil {
		t.Fatalf("building %s %s: %v", method, path, err)
	}
	req.SetBasicAuth(SandboxUser, SandboxPassword)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading %s %s: %v", method, path, err)
	}
	return resp.StatusCode, out
}

// MustCall is Call that fails the test unless the status is want.
func (s *Sandbox) MustCall(t testing.TB, want int, method, path string, body any) []byte {
	t.Helper()
	status, out := s.Call(t, method, path, body)
	if status != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, path, status, want, out)
	}
	return out
}

// Data decodes the data member of a Jama-style envelope into out.
func Data(t testing.TB, body []byte, out any) {
	t.Helper()
	var env struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		t.Fatalf("decoding envelope %s: %v", body, err)
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		t.Fatalf("decoding data %s: %v", env.Data, err)
	}
}

// JitterbitCall sends one request to the sandbox's Harmony API as the admin
// user (logging in first, as Harmony requires), the way a person would
// change something in the UI, and returns the body; the status must be want.
func (s *Sandbox) JitterbitCall(t testing.TB, want int, method, path string, body any) []byte {
	t.Helper()
	login, err := http.NewRequest(http.MethodPost, s.URL+"/jitterbit/login", nil)
	if err != nil {
		t.Fatal(err)
	}
	login.Header.Set("username", SandboxUser)
	login.Header.Set("password", SandboxPassword)
	resp, err := http.DefaultClient.Do(login)
	if err != nil {
		t.Fatalf("jitterbit login: %v", err)
	}
	defer resp.Body.Close()
	var session struct {
		Data struct {
			Token string `json:"authenticationToken"`
			Org   string `json:"defaultOrgId"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&session); err != nil || session.Data.Token == "" {
		t.Fatalf("jitterbit login: %v", err)
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+"/jitterbit"+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("authToken", session.Data.Token)
	req.Header.Set("organizationId", session.Data.Org)
	req.Header.Set("Content-Type", "application/json")
	out, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer out.Body.Close()
	b, err := io.ReadAll(out.Body)
	if err != nil {
		t.Fatal(err)
	}
	if out.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, path, out.StatusCode, want, b)
	}
	return b
}

// AquaCall sends one request to the sandbox's aqua API as the admin user
// (with a token from aqua's token endpoint), the way a person would change
// something outside Terraform, and returns the body; the status must be
// want.
func (s *Sandbox) AquaCall(t testing.TB, want int, method, path string, body any) []byte {
	t.Helper()
	form := url.Values{"grant_type": {"password"}, "username": {SandboxUser}, "password": {SandboxPassword}}
	resp, err := http.PostForm(s.URL+"/aqua/api/token", form)
	if err != nil {
		t.Fatalf("aqua token: %v", err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("aqua token: %v", err)
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+"/aqua"+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	req.Header.Set("Content-Type", "application/json")
	out, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer out.Body.Close()
	b, err := io.ReadAll(out.Body)
	if err != nil {
		t.Fatal(err)
	}
	if out.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, path, out.StatusCode, want, b)
	}
	return b
}
