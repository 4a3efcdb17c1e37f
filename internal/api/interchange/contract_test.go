package interchange_test

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
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

type seen struct{ method, path, auth string }

// recorder serves answer and records each request.
func recorder(t *testing.T, answer http.HandlerFunc) (*httptest.Server, func() []seen) {
	t.Helper()
	var (
		mu  sync.Mutex
		got []seen
	)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, seen{r.Method, r.URL.Path, r.Header.Get("Authorization")})
		mu.Unlock()
		answer(w, r)
	}))
	t.Cleanup(hs.Close)
	return hs, func() []seen { mu.Lock(); defer mu.Unlock(); return append([]seen(nil), got...) }
}

func bridge(version string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		connector := `{"id":3,"application":"JAMA_CONNECT","name":"Prod","url":"https://acme.jamacloud.com","verifySsl":true,"authType":"basic","username":"svc"}`
		switch {
		case strings.HasSuffix(r.URL.Path, "/contract"):
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"},"data":{"name":"interchange-connectors","version":"`+version+`"}}`)
		case r.URL.Path == "/rest/oauth/token":
			_, _ = io.WriteString(w, `{"access_token":"tok","token_type":"bearer","expires_in":3600}`)
		case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/test"):
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"},"data":{"success":true,"message":"ok","checkedAt":"2026-01-01T00:00:00Z","durationMs":1,"checks":[]}}`)
		case r.Method == http.MethodPost:
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"meta":{"status":"Created","id":3,"location":"http://x/3"}}`)
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/connectors"):
			_, _ = io.WriteString(w, `{"meta":{"status":"OK","pageInfo":{"startIndex":0,"resultCount":1,"totalResults":1}},"data":[`+connector+`]}`)
		case r.Method == http.MethodGet:
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"},"data":`+connector+`}`)
		default:
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"}}`)
		}
	}
}

func newClient(t *testing.T, url string, creds jama.Credentials, opts ...jama.Option) *interchange.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "Interchange", MaxRetries: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c, err := interchange.New(url, creds, tc, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func everyOperation(ctx context.Context, c *interchange.Client) []error {
	conn := interchange.Connector{Name: "Prod", URL: "https://acme.jamacloud.com", VerifySSL: true, AuthType: interchange.AuthBasic, Username: "svc", Password: "p"}
	_, err1 := c.GetConnector(ctx, 3)
	_, _, err2 := c.FindConnector(ctx, "Prod")
	_, err3 := c.CreateConnector(ctx, conn)
	err4 := c.UpdateConnector(ctx, 3, conn)
	_, err5 := c.TestConnector(ctx, 3, "")
	err6 := c.DeleteConnector(ctx, 3)
	return []error{err1, err2, err3, err4, err5, err6}
}

// Every contract call goes below the contract's prefix of the contract
// URL, after one discovery without credentials; OAuth tokens come from the
// Interchange URL.
func TestConnectorContract_EveryPathBelowThePrefix(t *testing.T) {
	t.Parallel()
	instance, instanceGot := recorder(t, bridge("1.0.0"))
	contractHost, contractGot := recorder(t, bridge("1.0.0"))
	c := newClient(t, instance.URL, jama.Credentials{ClientID: "id", ClientSecret: "s"}, jama.WithContractURL(contractHost.URL))
	for i, err := range everyOperation(context.Background(), c) {
		if err != nil {
			t.Errorf("operation %d: %v", i, err)
		}
	}
	prefix := contract.InterchangeConnectors.Prefix()
	got := contractGot()
	if len(got) < 7 || got[0].path != contract.InterchangeConnectors.DiscoveryPath() || got[0].auth != "" {
		t.Fatalf("requests %+v, want the discovery first, without credentials", got)
	}
	for _, r := range got[1:] {
		if !strings.HasPrefix(r.path, prefix+"/") || strings.Contains(r.path, "/rest/") || r.path == contract.InterchangeConnectors.DiscoveryPath() {
			t.Errorf("%s %s: not a contract route below %s, or a second discovery", r.method, r.path, prefix)
		}
		if r.auth != "Bearer tok" {
			t.Errorf("%s %s carried %q, want the bearer token", r.method, r.path, r.auth)
		}
	}
	if ig := instanceGot(); len(ig) != 1 || ig[0].path != "/rest/oauth/token" {
		t.Errorf("the Interchange URL got %+v, want the token request only", ig)
	}
	if u := c.ContractURL("/connectors"); u != contractHost.URL+prefix+"/connectors" {
		t.Errorf("contract URL %q", u)
	}
}

// A plain server gives the absence error for every operation, never a
// missing connector, and no credentials are sent.
func TestConnectorContract_Absent(t *testing.T) {
	t.Parallel()
	hs, got := recorder(t, func(w http.ResponseWriter, _ *http.Request) { http.NotFound(w, nil) })
	c := newClient(t, hs.URL, jama.Credentials{ClientID: "id", ClientSecret: "s"})
	for i, err := range everyOperation(context.Background(), c) {
		if !contract.IsAbsent(err) || errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "interchange.contract_url") {
			t.Errorf("operation %d: %v, want the absence error", i, err)
		}
	}
	if r := got(); len(r) != 1 {
		t.Errorf("requests %+v, want the one discovery", r)
	}
	v2, _ := recorder(t, bridge("2.0.0"))
	if err := newClient(t, v2.URL, jama.Credentials{Username: "a", Password: "b"}).CheckContract(context.Background()); !contract.IsAbsent(err) ||
		!strings.Contains(err.Error(), "2.0.0") || !strings.Contains(err.Error(), "1.0.0") {
		t.Errorf("version 2: %v, want an error naming both versions", err)
	}
}
