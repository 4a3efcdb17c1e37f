package aqua_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// admin is the sandbox's default login.
var admin = aqua.Credentials{Username: sandbox.DefaultUsername, Password: sandbox.DefaultPassword}

// startSandbox serves a fresh sandbox and returns it with its URL.
func startSandbox(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		hs.Close()
		if err := srv.Close(); err != nil {
			t.Errorf("close sandbox: %v", err)
		}
	})
	return srv, hs.URL
}

// newClient returns a client of the aqua product below root, with quick
// retries.
func newClient(t *testing.T, root string, creds aqua.Credentials) *aqua.Client {
	t.Helper()
	c, err := aqua.New(root+"/aqua", creds, newClientTransport(t))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newClientTransport returns a transport with quick retries.
func newClientTransport(t *testing.T) *transport.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "aqua", MaxRetries: 2,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return tc
}

// interceptor decides how a front server answers a request; it returns
// false to let the request through to the sandbox. body is the request
// body, already read.
type interceptor func(w http.ResponseWriter, r *http.Request, body []byte, forward http.Handler) bool

// startFront serves a proxy to the sandbox at root that lets intercept
// answer requests first, and returns its URL.
func startFront(t *testing.T, root string, intercept interceptor) string {
	t.Helper()
	target, err := url.Parse(root)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if intercept(w, r, body, proxy) {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	return front.URL
}

// routeCount returns how often the sandbox served route of the aqua
// product, e.g. "POST /api/token".
func routeCount(srv *sandbox.Server, route string) int64 {
	return srv.Stats().Products["aqua"].Routes[route]
}

// userReq is a valid user request.
func userReq(name string) aqua.UserRequest {
	return aqua.UserRequest{UserName: name, FirstName: "First", Surname: "Last", Email: name + "@example.com"}
}

// cloudDefinition is a valid Jira Cloud sync definition for project 2.
func cloudDefinition(name string) aqua.SyncDefinition {
	return aqua.SyncDefinition{
		Name: name, AquaProjectID: 2, JiraURL: "https://acme.atlassian.net", JiraProjectKey: "SYNC",
		ConfigurationUser: aqua.JiraAccount{Email: "config@acme.example", APIToken: "config-token"},
		Enabled:           true,
	}
}
