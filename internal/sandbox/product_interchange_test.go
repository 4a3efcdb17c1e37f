package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

const connectorsPath = "/interchange/rest/v1/connectors"

func basicConnector(name string) interchange.Connector {
	return interchange.Connector{
		Name: name, URL: "https://jama.example.com", VerifySSL: true,
		AuthType: interchange.AuthBasic, Username: "svc", Password: "basic-secret-" + name,
	}
}

func oauthConnector(name string) interchange.Connector {
	return interchange.Connector{
		Name: name, URL: "http://jama.example.com:8080/base",
		AuthType: interchange.AuthOAuth, ClientID: "client-" + name, ClientSecret: "oauth-secret-" + name,
	}
}

func createConnector(t testing.TB, ts *httptest.Server, c interchange.Connector) int64 {
	t.Helper()
	r := call(t, ts, asAdmin, http.MethodPost, connectorsPath, c)
	wantStatus(t, r, http.StatusCreated)
	return envelope[json.RawMessage](t, r).Meta.ID
}

func getConnector(t testing.TB, ts *httptest.Server, id int64) (interchange.Connector, response) {
	t.Helper()
	r := call(t, ts, asAdmin, http.MethodGet, fmt.Sprintf("%s/%d", connectorsPath, id), nil)
	wantStatus(t, r, http.StatusOK)
	return envelope[interchange.Connector](t, r).Data, r
}

// storedConnector reads a connector, secrets included, from the store.
func storedConnector(t testing.TB, srv *Server, id int64) interchange.Connector {
	t.Helper()
	for _, p := range srv.products {
		if ip, ok := p.(*interchangeProduct); ok {
			var c interchange.Connector
			var found bool
			ip.state.read(func(s *interchangeState) { c, found = s.Connectors.get(id) })
			if !found {
				t.Fatalf("connector %d not stored", id)
			}
			return c
		}
	}
	t.Fatal("no interchange product")
	return interchange.Connector{}
}

func TestInterchangeAuthentication(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	token := accessToken(t, ts, "/interchange")
	tests := []struct {
		name string
		auth authFunc
		want int
	}{
		{"no credentials", noAuth, http.StatusUnauthorized},
		{"wrong password", basicAuth(DefaultUsername, "x"), http.StatusUnauthorized},
		{"jama token is not an interchange token", bearer("nope"), http.StatusUnauthorized},
		{"basic", asAdmin, http.StatusOK},
		{"bearer", bearer(token), http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := call(t, ts, tc.auth, http.MethodGet, connectorsPath, nil)
			if tc.want == http.StatusUnauthorized {
				wantError(t, r, tc.want)
				return
			}
			wantStatus(t, r, tc.want)
		})
	}
	t.Run("bad client", func(t *testing.T) {
		r := tokenRequest(t, ts, "/interchange", "sandbox-client", "wrong", "client_credentials")
		wantStatus(t, r, http.StatusUnauthorized)
		if !strings.Contains(string(r.body), "invalid_client") {
			t.Errorf("body = %s", r.body)
		}
	})
	t.Run("tokens are per product", func(t *testing.T) {
		jamaTok := accessToken(t, ts, "/jama")
		wantStatus(t, call(t, ts, bearer(jamaTok), http.MethodGet, connectorsPath, nil), http.StatusUnauthorized)
	})
}

func TestInterchangeCreateAndSecrets(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	basic := basicConnector("Basic one")
	oauth := oauthConnector("OAuth one")

	r := call(t, ts, asAdmin, http.MethodPost, connectorsPath, basic)
	wantStatus(t, r, http.StatusCreated)
	env := envelope[json.RawMessage](t, r)
	if env.Meta.ID != 1 || env.Meta.Location != ts.URL+connectorsPath+"/1" {
		t.Errorf("meta = %+v", env.Meta)
	}
	oauthID := createConnector(t, ts, oauth)

	got, raw := getConnector(t, ts, 1)
	want := basic
	want.ID, want.Application, want.Password = 1, interchange.ApplicationJamaConnect, ""
	if got != want {
		t.Errorf("basic connector = %+v, want %+v", got, want)
	}
	gotOAuth, rawOAuth := getConnector(t, ts, oauthID)
	if gotOAuth.ClientID != oauth.ClientID || gotOAuth.ClientSecret != "" || gotOAuth.Username != "" {
		t.Errorf("oauth connector = %+v", gotOAuth)
	}
	list := call(t, ts, asAdmin, http.MethodGet, connectorsPath, nil)
	wantStatus(t, list, http.StatusOK)
	for _, body := range [][]byte{raw.body, rawOAuth.body, list.body} {
		for _, leak := range []string{`"password"`, `"clientSecret"`, basic.Password, oauth.ClientSecret} {
			if strings.Contains(string(body), leak) {
				t.Errorf("answer leaks %s: %s", leak, body)
			}
		}
	}
	// The secrets are kept, though.
	if c := storedConnector(t, srv, 1); c.Password != basic.Password {
		t.Errorf("stored password = %q", c.Password)
	}
	if c := storedConnector(t, srv, oauthID); c.ClientSecret != oauth.ClientSecret {
		t.Errorf("stored clientSecret = %q", c.ClientSecret)
	}
}

func TestInterchangeValidation(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	existing := createConnector(t, ts, basicConnector("existing"))
	tests := []struct {
		name    string
		c       interchange.Connector
		message string
	}{
		{"application", func() interchange.Connector { c := basicConnector("a"); c.Application = "JIRA"; return c }(), "application must be JAMA_CONNECT"},
		{"name missing", basicConnector(""), "name is required"},
		{"name blank", basicConnector("   "), "name is required"},
		{"url missing", func() interchange.Connector { c := basicConnector("a"); c.URL = ""; return c }(), "url is required"},
		{"url relative", func() interchange.Connector { c := basicConnector("a"); c.URL = "/jama"; return c }(), "url must be an absolute http or https URL"},
		{"url ftp", func() interchange.Connector { c := basicConnector("a"); c.URL = "ftp://jama.example.com"; return c }(), "url must be"},
		{"url without host", func() interchange.Connector { c := basicConnector("a"); c.URL = "https://"; return c }(), "url must be"},
		{"url unparsable", func() interchange.Connector { c := basicConnector("a"); c.URL = "http://[::1"; return c }(), "url must be"},
		{"authType missing", func() interchange.Connector { c := basicConnector("a"); c.AuthType = ""; return c }(), "authType is required"},
		{"authType unknown", func() interchange.Connector { c := basicConnector("a"); c.AuthType = "saml"; return c }(), "authType must be basic or oauth"},
		{"basic without username", func() interchange.Connector { c := basicConnector("a"); c.Username = ""; return c }(), "username is required when authType is basic"},
		{"basic without password", func() interchange.Connector { c := basicConnector("a"); c.Password = ""; return c }(), "password is required when authType is basic"},
		{"basic with clientId", func() interchange.Connector { c := basicConnector("a"); c.ClientID = "x"; return c }(), "clientId and clientSecret must be empty"},
		{"basic with clientSecret", func() interchange.Connector { c := basicConnector("a"); c.ClientSecret = "x"; return c }(), "clientSecret must be empty"},
		{"oauth without clientId", func() interchange.Connector { c := oauthConnector("a"); c.ClientID = ""; return c }(), "clientId is required when authType is oauth"},
		{"oauth without clientSecret", func() interchange.Connector { c := oauthConnector("a"); c.ClientSecret = ""; return c }(), "clientSecret is required when authType"},
		{"oauth with username", func() interchange.Connector { c := oauthConnector("a"); c.Username = "x"; return c }(), "username and password must be empty"},
		{"oauth with password", func() interchange.Connector { c := oauthConnector("a"); c.Password = "x"; return c }(), "password must be empty"},
	}
	for _, tc := range tests {
		t.Run("create "+tc.name, func(t *testing.T) {
			wantError(t, call(t, ts, asAdmin, http.MethodPost, connectorsPath, tc.c), http.StatusBadRequest, tc.message)
		})
		if tc.name == "basic without password" {
			continue // on update of a basic connector, an omitted password is kept
		}
		t.Run("update "+tc.name, func(t *testing.T) {
			wantError(t, call(t, ts, asAdmin, http.MethodPut, fmt.Sprintf("%s/%d", connectorsPath, existing), tc.c), http.StatusBadRequest, tc.message)
		})
	}
	t.Run("unknown field", func(t *testing.T) {
		wantError(t, call(t, ts, asAdmin, http.MethodPost, connectorsPath, `{"name":"a","colour":"red"}`), http.StatusBadRequest, "unknown field", "colour")
	})
	t.Run("malformed JSON", func(t *testing.T) {
		wantError(t, call(t, ts, asAdmin, http.MethodPost, connectorsPath, `{"name":`), http.StatusBadRequest, "malformed JSON")
	})
	t.Run("failed update changes nothing", func(t *testing.T) {
		if c := storedConnector(t, srv, existing); c != func() interchange.Connector {
			c := basicConnector("existing")
			c.ID, c.Application = existing, interchange.ApplicationJamaConnect
			return c
		}() {
			t.Errorf("connector changed: %+v", c)
		}
	})
}

func TestInterchangeUpdateSecretsAndAuthSwitch(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	id := createConnector(t, ts, basicConnector("switch"))
	path := fmt.Sprintf("%s/%d", connectorsPath, id)

	// Same mode, password omitted: kept.
	upd := basicConnector("switch")
	upd.Password, upd.Username, upd.VerifySSL = "", "svc2", false
	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, path, upd), http.StatusOK)
	if c := storedConnector(t, srv, id); c.Password != "basic-secret-switch" || c.Username != "svc2" || c.VerifySSL {
		t.Errorf("after basic update: %+v", c)
	}

	// Switch to oauth without a clientSecret: the new mode's secret is required.
	toOAuth := oauthConnector("switch")
	toOAuth.ClientSecret = ""
	wantError(t, call(t, ts, asAdmin, http.MethodPut, path, toOAuth), http.StatusBadRequest, "clientSecret is required when authType changes to oauth")

	// Switch with the secret: the basic fields are cleared.
	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, path, oauthConnector("switch")), http.StatusOK)
	c := storedConnector(t, srv, id)
	if c.AuthType != interchange.AuthOAuth || c.Username != "" || c.Password != "" || c.ClientSecret != "oauth-secret-switch" {
		t.Errorf("after switch to oauth: %+v", c)
	}

	// Same mode, clientSecret omitted: kept.
	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, path, toOAuth), http.StatusOK)
	if c := storedConnector(t, srv, id); c.ClientSecret != "oauth-secret-switch" {
		t.Errorf("clientSecret not kept: %+v", c)
	}

	// Back to basic without a password: required again.
	toBasic := basicConnector("switch")
	toBasic.Password = ""
	wantError(t, call(t, ts, asAdmin, http.MethodPut, path, toBasic), http.StatusBadRequest, "password is required when authType changes to basic")
	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, path, basicConnector("switch")), http.StatusOK)
	c = storedConnector(t, srv, id)
	if c.AuthType != interchange.AuthBasic || c.ClientID != "" || c.ClientSecret != "" || c.Password != "basic-secret-switch" {
		t.Errorf("after switch to basic: %+v", c)
	}
}

func TestInterchangeDuplicatesAndDelete(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	first := createConnector(t, ts, basicConnector("Alpha"))
	second := createConnector(t, ts, oauthConnector("Beta"))

	wantError(t, call(t, ts, asAdmin, http.MethodPost, connectorsPath, oauthConnector("alpha")), http.StatusConflict, "alpha", "Alpha")
	wantError(t, call(t, ts, asAdmin, http.MethodPost, connectorsPath, oauthConnector(" ALPHA ")), http.StatusConflict)
	wantError(t, call(t, ts, asAdmin, http.MethodPut, fmt.Sprintf("%s/%d", connectorsPath, second), oauthConnector("ALPHA")), http.StatusConflict, "already used")

	wantStatus(t, call(t, ts, asAdmin, http.MethodDelete, fmt.Sprintf("%s/%d", connectorsPath, first), nil), http.StatusNoContent)
	wantError(t, call(t, ts, asAdmin, http.MethodGet, fmt.Sprintf("%s/%d", connectorsPath, first), nil), http.StatusNotFound, "not found")
	wantError(t, call(t, ts, asAdmin, http.MethodDelete, fmt.Sprintf("%s/%d", connectorsPath, first), nil), http.StatusNotFound, "not found")
	wantError(t, call(t, ts, asAdmin, http.MethodPut, fmt.Sprintf("%s/%d", connectorsPath, first), basicConnector("x")), http.StatusNotFound, "not found")
	wantError(t, call(t, ts, asAdmin, http.MethodGet, connectorsPath+"/x", nil), http.StatusBadRequest, "id must be an integer")
	wantError(t, call(t, ts, asAdmin, http.MethodDelete, connectorsPath+"/x", nil), http.StatusBadRequest, "id must be an integer")

	// The name is free again, and ids are not reused.
	if id := createConnector(t, ts, basicConnector("alpha")); id != 3 {
		t.Errorf("new id = %d, want 3", id)
	}
}

func TestInterchangeListFilterAndPaging(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for i := range 55 {
		createConnector(t, ts, basicConnector(fmt.Sprintf("conn-%02d", i)))
	}
	list := func(query string) jama.Envelope[[]interchange.Connector] {
		t.Helper()
		r := call(t, ts, asAdmin, http.MethodGet, connectorsPath+query, nil)
		wantStatus(t, r, http.StatusOK)
		return envelope[[]interchange.Connector](t, r)
	}
	env := list("?startAt=50&maxResults=50")
	if len(env.Data) != 5 || *env.Meta.PageInfo != (jama.PageInfo{StartIndex: 50, ResultCount: 5, TotalResults: 55}) {
		t.Errorf("last page: %d items, %+v", len(env.Data), *env.Meta.PageInfo)
	}
	if env := list(""); len(env.Data) != jama.DefaultMaxResults {
		t.Errorf("default page has %d items", len(env.Data))
	}
	env = list("?name=CONN-07")
	if len(env.Data) != 1 || env.Data[0].Name != "conn-07" || env.Meta.PageInfo.TotalResults != 1 {
		t.Errorf("name filter: %+v", env)
	}
	if env := list("?name=conn"); len(env.Data) != 0 || env.Data == nil {
		t.Errorf("name filter must be exact and answer [], got %+v", env.Data)
	}
	wantError(t, call(t, ts, asAdmin, http.MethodGet, connectorsPath+"?maxResults=100", nil), http.StatusBadRequest, "maxResults")
}
