package jitterbit_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// admin are the sandbox's default credentials, in its default organization.
var admin = jitterbit.Credentials{Username: sandboxtest.SandboxUser, Password: sandboxtest.SandboxPassword}

// startSandbox serves a fresh sandbox for the test and returns it with its
// base URL.
func startSandbox(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	sb := sandboxtest.Start(t)
	return sb.Server, sb.URL
}

// newClient returns a client of the Harmony API at base that retries fast.
func newClient(t *testing.T, base string, creds jitterbit.Credentials) *jitterbit.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "Jitterbit", MaxRetries: 2,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c, err := jitterbit.New(base, creds, tc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// startFront serves a proxy in front of base: intercept sees every request
// first and answers it itself by returning true; forward passes a request
// on to base, writing the answer to w.
func startFront(t *testing.T, base string, intercept func(w http.ResponseWriter, r *http.Request, forward http.Handler) bool) string {
	t.Helper()
	target, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !intercept(w, r, proxy) {
			proxy.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(front.Close)
	return front.URL
}

// startStub serves h as a stand-in for Harmony and a bridge, and returns
// its URL. The contract's discovery is answered as served; everything else
// goes to h.
func startStub(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == discoveryPath {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, servedDiscovery)
			return
		}
		h(w, r)
	}))
	t.Cleanup(hs.Close)
	return hs.URL
}

// The contract's discovery, and its answer by a bridge of version 1.0.0.
const (
	discoveryPath   = "/almsync/jitterbit-jsm-connections/v1/contract"
	servedDiscovery = `{"success":true,"uri":"x","data":{"name":"jitterbit-jsm-connections","version":"1.0.0"}}`
)

// loginCount is how many logins the sandbox has answered.
func loginCount(srv *sandbox.Server) int64 {
	return srv.Stats().Products["jitterbit"].Routes["POST /login"]
}

// basicConnection is a connection the sandbox accepts.
func basicConnection(project, name string) jitterbit.JSMConnection {
	return jitterbit.JSMConnection{
		EnvironmentID: envDev, ProjectGUID: project, Name: name, AuthScheme: jitterbit.AuthSchemeBasic,
		URL: "https://acme.atlassian.net", User: "sync@acme.example", APIToken: "token-" + name,
	}
}

// The sandbox's seeded environments and projects.
const (
	envDev      = "201"
	envProd     = "202"
	guidJSM     = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001" // JSM Integration, in 201 and 202
	guidSD      = "9a87b6c5-a1b2-34c5-6d7e-123456a7b002" // Service Desk Sync, in 201 only
	guidUnknown = "9a87b6c5-a1b2-34c5-6d7e-123456a7b999"
)
