package jama_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// request is one request a fake server received.
type request struct {
	method, path, auth string
}

// fakeServer records every request and answers with answer.
type fakeServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []request
}

func newFakeServer(t *testing.T, answer func(w http.ResponseWriter, r *http.Request)) *fakeServer {
	t.Helper()
	f := &fakeServer{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.requests = append(f.requests, request{r.Method, r.URL.Path, r.Header.Get("Authorization")})
		f.mu.Unlock()
		answer(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeServer) received() []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]request(nil), f.requests...)
}

// bridgeAnswer answers like a bridge of the JIRA Connector contract at
// version: the discovery, and a minimal envelope for every other route.
func bridgeAnswer(version string) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasSuffix(r.URL.Path, "/contract"):
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"},"data":{"name":"jama-jira-connector","version":"`+version+`"}}`)
		case r.URL.Path == "/rest/oauth/token":
			_, _ = io.WriteString(w, `{"access_token":"tok","token_type":"bearer","expires_in":3600}`)
		case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/test"):
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"},"data":{"success":true,"message":"Connection succeeded","checkedAt":"2026-01-01T00:00:00Z","durationMs":1,"checks":[]}}`)
		case r.Method == http.MethodPost:
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"meta":{"status":"Created","id":3,"location":"http://x/3"}}`)
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/connections"):
			_, _ = io.WriteString(w, `{"meta":{"status":"OK","pageInfo":{"startIndex":0,"resultCount":1,"totalResults":1}},`+
				`"data":[{"id":3,"jiraUrl":"https://jira.example.com","jiraUsername":"u","jamaUser":"admin","schedule":{"type":"INTERVAL","intervalMinutes":60},"enabled":true,"usePlainText":false}]}`)
		case r.Method == http.MethodGet:
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"},"data":{"id":3,"jiraUrl":"https://jira.example.com","jiraUsername":"u","jamaUser":"admin","schedule":{"type":"INTERVAL","intervalMinutes":60},"enabled":true,"usePlainText":false}}`)
		default:
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"}}`)
		}
	}
}

func transportFor(t *testing.T) *transport.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "Jama", MaxRetries: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return tc
}

// callEveryContractOperation calls each JIRA connection method once.
func callEveryContractOperation(ctx context.Context, c *jama.Client) []error {
	_, err1 := c.GetJiraConnection(ctx, 3)
	_, _, err2 := c.FindJiraConnection(ctx, "https://jira.example.com")
	_, err3 := c.CreateJiraConnection(ctx, jiraConnection("https://new.example.com"))
	err4 := c.UpdateJiraConnection(ctx, 3, jiraConnection("https://jira.example.com"))
	_, err5 := c.TestJiraConnection(ctx, 3, "")
	err6 := c.DeleteJiraConnection(ctx, 3)
	return []error{err1, err2, err3, err4, err5, err6}
}

// Every contract call goes below the contract's prefix, never below Jama's
// /rest/v1, after exactly one discovery that carries no credentials; the
// calls carry the REST API's credentials.
func TestJiraConnectorContract_EveryPathBelowThePrefix(t *testing.T) {
	t.Parallel()
	srv := newFakeServer(t, bridgeAnswer("1.4.2"))
	c, err := jama.New(srv.URL, admin, transportFor(t))
	if err != nil {
		t.Fatal(err)
	}
	for i, err := range callEveryContractOperation(context.Background(), c) {
		if err != nil {
			t.Errorf("operation %d: %v", i, err)
		}
	}
	prefix := contract.JamaJiraConnector.Prefix()
	got := srv.received()
	if len(got) < 7 || got[0].path != contract.JamaJiraConnector.DiscoveryPath() || got[0].auth != "" {
		t.Fatalf("first request %+v, want the discovery without credentials", got)
	}
	for _, r := range got[1:] {
		if !strings.HasPrefix(r.path, prefix+"/") || strings.Contains(r.path, "/rest/v1") {
			t.Errorf("%s %s is not below %s", r.method, r.path, prefix)
		}
		if r.path == contract.JamaJiraConnector.DiscoveryPath() {
			t.Errorf("the discovery was sent again")
		}
		if !strings.HasPrefix(r.auth, "Basic ") {
			t.Errorf("%s %s carried Authorization %q, want the REST API's Basic credentials", r.method, r.path, r.auth)
		}
	}
	if u := c.JiraConnectorContractURL("/connections"); u != srv.URL+prefix+"/connections" {
		t.Errorf("contract URL %q", u)
	}
}

// With contract_url on another host, the contract calls go there with the
// bearer token, and the token and Jama's own API stay on the instance URL.
func TestJiraConnectorContract_OnAnotherHost(t *testing.T) {
	t.Parallel()
	instance := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/rest/oauth/token":
			_, _ = io.WriteString(w, `{"access_token":"tok","token_type":"bearer","expires_in":3600}`)
		case "/rest/v1/users/current":
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"},"data":{"id":1,"username":"admin","licenseType":"NAMED","active":true}}`)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	})
	bridge := newFakeServer(t, bridgeAnswer("1.0.0"))
	c, err := jama.New(instance.URL, jama.Credentials{ClientID: "id", ClientSecret: "secret"}, transportFor(t), jama.WithContractURL(bridge.URL+"/bridge/"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.GetJiraConnection(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatal(err)
	}
	for _, r := range bridge.received() {
		if !strings.HasPrefix(r.path, "/bridge"+contract.JamaJiraConnector.Prefix()+"/") {
			t.Errorf("bridge got %s %s", r.method, r.path)
		}
		if r.path != "/bridge"+contract.JamaJiraConnector.DiscoveryPath() && r.auth != "Bearer tok" {
			t.Errorf("bridge got %s %s with Authorization %q", r.method, r.path, r.auth)
		}
	}
	var paths []string
	for _, r := range instance.received() {
		paths = append(paths, r.path)
	}
	if strings.Join(paths, " ") != "/rest/oauth/token /rest/v1/users/current" {
		t.Errorf("instance got %v, want the token and the current user only", paths)
	}
}

// A server that does not serve the contract gives the absence error,
// before any credentials are sent, never a missing connection; a server of
// another major version names both versions.
func TestJiraConnectorContract_Absent(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		answer func(w http.ResponseWriter, r *http.Request)
		want   []string
	}{
		"404 everywhere": {func(w http.ResponseWriter, _ *http.Request) { http.NotFound(w, nil) }, []string{"nothing serves", "HTTP 404"}},
		"HTML page": {func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = io.WriteString(w, "<html><body>Jama Connect login</body></html>")
		}, []string{"nothing serves", "HTML page"}},
		"version 2": {bridgeAnswer("2.0.0"), []string{"2.0.0", "1.0.0"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := newFakeServer(t, tc.answer)
			c, err := jama.New(srv.URL, jama.Credentials{ClientID: "id", ClientSecret: "secret"}, transportFor(t))
			if err != nil {
				t.Fatal(err)
			}
			for i, err := range callEveryContractOperation(context.Background(), c) {
				if !contract.IsAbsent(err) || errors.Is(err, api.ErrNotFound) {
					t.Errorf("operation %d: %v, want the absence error", i, err)
					continue
				}
				for _, w := range tc.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("operation %d: %q does not say %q", i, err, w)
					}
				}
			}
			if err := c.CheckJiraConnectorContract(context.Background()); !contract.IsAbsent(err) {
				t.Errorf("CheckJiraConnectorContract: %v", err)
			}
			got := srv.received()
			if len(got) != 1 || got[0].path != contract.JamaJiraConnector.DiscoveryPath() {
				t.Errorf("requests %+v, want the one discovery and no token request", got)
			}
		})
	}
}

// A contract URL that is not an absolute http(s) URL is refused.
func TestNew_InvalidContractURL(t *testing.T) {
	t.Parallel()
	if _, err := jama.New("https://acme.jamacloud.com", admin, transportFor(t), jama.WithContractURL("bridge.example.com")); err == nil || !strings.Contains(err.Error(), "contract URL") {
		t.Errorf("error %v, want one naming the contract URL", err)
	}
}
