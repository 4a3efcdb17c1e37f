package interchange

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

const connectorsRoute = "/interchange" + connectorsPath

func basicConnector(name string) connector {
	return connector{
		Name: name, URL: "https://jama.example.com", VerifySSL: true,
		AuthType: authBasic, Username: "svc", Password: "basic-secret-" + name,
	}
}

func oauthConnector(name string) connector {
	return connector{
		Name: name, URL: "http://jama.example.com:8080/base",
		AuthType: authOAuth, ClientID: "client-" + name, ClientSecret: "oauth-secret-" + name,
	}
}

func createConnector(t testing.TB, ts *httptest.Server, c connector) int64 {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsRoute, c)
	wiretest.WantStatus(t, r, http.StatusCreated)
	return wiretest.Envelope[json.RawMessage](t, r).Meta.ID
}

func getConnector(t testing.TB, ts *httptest.Server, id int64) (connector, wiretest.Response) {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, fmt.Sprintf("%s/%d", connectorsRoute, id), nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	return wiretest.Envelope[connector](t, r).Data, r
}

// storedConnector reads a connector, secrets included, from the store.
func storedConnector(t testing.TB, srv *kernel.Server, id int64) connector {
	t.Helper()
	for _, p := range srv.Products() {
		if ip, ok := p.(*Product); ok {
			var c connector
			var found bool
			ip.state.Read(func(s *interchangeState) { c, found = s.Connectors.Get(id) })
			if !found {
				t.Fatalf("connector %d not stored", id)
			}
			return c
		}
	}
	t.Fatal("no interchange product")
	return connector{}
}

func TestInterchangeAuthentication(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	token := wiretest.AccessToken(t, ts, "/interchange")
	tests := []struct {
		name string
		auth wiretest.AuthFunc
		want int
	}{
		{"no credentials", wiretest.NoAuth, http.StatusUnauthorized},
		{"wrong password", wiretest.BasicAuth(kernel.DefaultUsername, "x"), http.StatusUnauthorized},
		{"jama token is not an interchange token", wiretest.Bearer("nope"), http.StatusUnauthorized},
		{"basic", wiretest.AsAdmin, http.StatusOK},
		{"bearer", wiretest.Bearer(token), http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := wiretest.Call(t, ts, tc.auth, http.MethodGet, connectorsRoute, nil)
			if tc.want == http.StatusUnauthorized {
				wiretest.WantJamaError(t, r, tc.want)
				return
			}
			wiretest.WantStatus(t, r, tc.want)
		})
	}
	t.Run("bad client", func(t *testing.T) {
		r := wiretest.TokenRequest(t, ts, "/interchange", "sandbox-client", "wrong", "client_credentials")
		wiretest.WantStatus(t, r, http.StatusUnauthorized)
		if !strings.Contains(string(r.Body), "invalid_client") {
			t.Errorf("body = %s", r.Body)
		}
	})
	t.Run("tokens are per product", func(t *testing.T) {
		jamaTok := wiretest.AccessToken(t, ts, "/jama")
		wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.Bearer(jamaTok), http.MethodGet, connectorsRoute, nil), http.StatusUnauthorized)
	})
}

func TestInterchangeCreateAndSecrets(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	basic := basicConnector("Basic one")
	oauth := oauthConnector("OAuth one")

	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsRoute, basic)
	wiretest.WantStatus(t, r, http.StatusCreated)
	env := wiretest.Envelope[json.RawMessage](t, r)
	if env.Meta.ID != 1 || env.Meta.Location != ts.URL+connectorsRoute+"/1" {
		t.Errorf("meta = %+v", env.Meta)
	}
	oauthID := createConnector(t, ts, oauth)

	got, raw := getConnector(t, ts, 1)
	want := basic
	want.ID, want.Application, want.Password = 1, applicationJamaConnect, ""
	if got != want {
		t.Errorf("basic connector = %+v, want %+v", got, want)
	}
	gotOAuth, rawOAuth := getConnector(t, ts, oauthID)
	if gotOAuth.ClientID != oauth.ClientID || gotOAuth.ClientSecret != "" || gotOAuth.Username != "" {
		t.Errorf("oauth connector = %+v", gotOAuth)
	}
	list := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, connectorsRoute, nil)
	wiretest.WantStatus(t, list, http.StatusOK)
	for _, body := range [][]byte{raw.Body, rawOAuth.Body, list.Body} {
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
	srv, ts := newTestServer(t, kernel.Options{})
	existing := createConnector(t, ts, basicConnector("existing"))
	tests := []struct {
		name    string
		c       connector
		message string
	}{
		{"application", func() connector { c := basicConnector("a"); c.Application = "JIRA"; return c }(), "application must be JAMA_CONNECT"},
		{"name missing", basicConnector(""), "name is required"},
		{"name blank", basicConnector("   "), "name is required"},
		{"url missing", func() connector { c := basicConnector("a"); c.URL = ""; return c }(), "url is required"},
		{"url relative", func() connector { c := basicConnector("a"); c.URL = "/jama"; return c }(), "url must be an absolute http or https URL"},
		{"url ftp", func() connector { c := basicConnector("a"); c.URL = "ftp://jama.example.com"; return c }(), "url must be"},
		{"url without host", func() connector { c := basicConnector("a"); c.URL = "https://"; return c }(), "url must be"},
		{"url unparsable", func() connector { c := basicConnector("a"); c.URL = "http://[::1"; return c }(), "url must be"},
		{"authType missing", func() connector { c := basicConnector("a"); c.AuthType = ""; return c }(), "authType is required"},
		{"authType unknown", func() connector { c := basicConnector("a"); c.AuthType = "saml"; return c }(), "authType must be basic or oauth"},
		{"basic without username", func() connector { c := basicConnector("a"); c.Username = ""; return c }(), "username is required when authType is basic"},
		{"basic without password", func() connector { c := basicConnector("a"); c.Password = ""; return c }(), "password is required when authType is basic"},
		{"basic with clientId", func() connector { c := basicConnector("a"); c.ClientID = "x"; return c }(), "clientId and clientSecret must be empty"},
		{"basic with clientSecret", func() connector { c := basicConnector("a"); c.ClientSecret = "x"; return c }(), "clientSecret must be empty"},
		{"oauth without clientId", func() connector { c := oauthConnector("a"); c.ClientID = ""; return c }(), "clientId is required when authType is oauth"},
		{"oauth without clientSecret", func() connector { c := oauthConnector("a"); c.ClientSecret = ""; return c }(), "clientSecret is required when authType"},
		{"oauth with username", func() connector { c := oauthConnector("a"); c.Username = "x"; return c }(), "username and password must be empty"},
		{"oauth with password", func() connector { c := oauthConnector("a"); c.Password = "x"; return c }(), "password must be empty"},
	}
	for _, tc := range tests {
		t.Run("create "+tc.name, func(t *testing.T) {
			wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsRoute, tc.c), http.StatusBadRequest, tc.message)
		})
		if tc.name == "basic without password" {
			continue // on update of a basic connector, an omitted password is kept
		}
		t.Run("update "+tc.name, func(t *testing.T) {
			wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, fmt.Sprintf("%s/%d", connectorsRoute, existing), tc.c), http.StatusBadRequest, tc.message)
		})
	}
	t.Run("unknown field", func(t *testing.T) {
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsRoute, `{"name":"a","colour":"red"}`), http.StatusBadRequest, "unknown field", "colour")
	})
	t.Run("malformed JSON", func(t *testing.T) {
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsRoute, `{"name":`), http.StatusBadRequest, "malformed JSON")
	})
	t.Run("failed update changes nothing", func(t *testing.T) {
		if c := storedConnector(t, srv, existing); c != func() connector {
			c := basicConnector("existing")
			c.ID, c.Application = existing, applicationJamaConnect
			return c
		}() {
			t.Errorf("connector changed: %+v", c)
		}
	})
}

func TestInterchangeUpdateSecretsAndAuthSwitch(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	id := createConnector(t, ts, basicConnector("switch"))
	path := fmt.Sprintf("%s/%d", connectorsRoute, id)

	// Same mode, password omitted: kept.
	upd := basicConnector("switch")
	upd.Password, upd.Username, upd.VerifySSL = "", "svc2", false
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, path, upd), http.StatusOK)
	if c := storedConnector(t, srv, id); c.Password != "basic-secret-switch" || c.Username != "svc2" || c.VerifySSL {
		t.Errorf("after basic update: %+v", c)
	}

	// Switch to oauth without a clientSecret: the new mode's secret is required.
	toOAuth := oauthConnector("switch")
	toOAuth.ClientSecret = ""
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, path, toOAuth), http.StatusBadRequest, "clientSecret is required when authType changes to oauth")

	// Switch with the secret: the basic fields are cleared.
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, path, oauthConnector("switch")), http.StatusOK)
	c := storedConnector(t, srv, id)
	if c.AuthType != authOAuth || c.Username != "" || c.Password != "" || c.ClientSecret != "oauth-secret-switch" {
		t.Errorf("after switch to oauth: %+v", c)
	}

	// Same mode, clientSecret omitted: kept.
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, path, toOAuth), http.StatusOK)
	if c := storedConnector(t, srv, id); c.ClientSecret != "oauth-secret-switch" {
		t.Errorf("clientSecret not kept: %+v", c)
	}

	// Back to basic without a password: required again.
	toBasic := basicConnector("switch")
	toBasic.Password = ""
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, path, toBasic), http.StatusBadRequest, "password is required when authType changes to basic")
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, path, basicConnector("switch")), http.StatusOK)
	c = storedConnector(t, srv, id)
	if c.AuthType != authBasic || c.ClientID != "" || c.ClientSecret != "" || c.Password != "basic-secret-switch" {
		t.Errorf("after switch to basic: %+v", c)
	}
}

func TestInterchangeDuplicatesAndDelete(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	first := createConnector(t, ts, basicConnector("Alpha"))
	second := createConnector(t, ts, oauthConnector("Beta"))

	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsRoute, oauthConnector("alpha")), http.StatusConflict, "alpha", "Alpha")
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsRoute, oauthConnector(" ALPHA ")), http.StatusConflict)
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, fmt.Sprintf("%s/%d", connectorsRoute, second), oauthConnector("ALPHA")), http.StatusConflict, "already used")

	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodDelete, fmt.Sprintf("%s/%d", connectorsRoute, first), nil), http.StatusNoContent)
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, fmt.Sprintf("%s/%d", connectorsRoute, first), nil), http.StatusNotFound, "not found")
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodDelete, fmt.Sprintf("%s/%d", connectorsRoute, first), nil), http.StatusNotFound, "not found")
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, fmt.Sprintf("%s/%d", connectorsRoute, first), basicConnector("x")), http.StatusNotFound, "not found")
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, connectorsRoute+"/x", nil), http.StatusBadRequest, "id must be an integer")
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodDelete, connectorsRoute+"/x", nil), http.StatusBadRequest, "id must be an integer")

	// The name is free again, and ids are not reused.
	if id := createConnector(t, ts, basicConnector("alpha")); id != 3 {
		t.Errorf("new id = %d, want 3", id)
	}
}

func TestInterchangeListFilterAndPaging(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for i := range 55 {
		createConnector(t, ts, basicConnector(fmt.Sprintf("conn-%02d", i)))
	}
	list := func(query string) wiretest.JamaEnvelope[[]connector] {
		t.Helper()
		r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, connectorsRoute+query, nil)
		wiretest.WantStatus(t, r, http.StatusOK)
		return wiretest.Envelope[[]connector](t, r)
	}
	env := list("?startAt=50&maxResults=50")
	if len(env.Data) != 5 || *env.Meta.PageInfo != (wiretest.JamaPageInfo{StartIndex: 50, ResultCount: 5, TotalResults: 55}) {
		t.Errorf("last page: %d items, %+v", len(env.Data), *env.Meta.PageInfo)
	}
	if env := list(""); len(env.Data) != 20 {
		t.Errorf("default page has %d items", len(env.Data))
	}
	env = list("?name=CONN-07")
	if len(env.Data) != 1 || env.Data[0].Name != "conn-07" || env.Meta.PageInfo.TotalResults != 1 {
		t.Errorf("name filter: %+v", env)
	}
	if env := list("?name=conn"); len(env.Data) != 0 || env.Data == nil {
		t.Errorf("name filter must be exact and answer [], got %+v", env.Data)
	}
	// Jama's paging: more than 50 asked, 50 answered.
	if env := list("?maxResults=100"); len(env.Data) != 50 || env.Meta.PageInfo.ResultCount != 50 {
		t.Errorf("maxResults=100: %d items, %+v", len(env.Data), *env.Meta.PageInfo)
	}
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, connectorsRoute+"?maxResults=0", nil), http.StatusBadRequest, "maxResults")
}

// TestInterchangeConnectorWire holds the contract's connector against
// literal JSON, member by member as the provider's contract publishes it:
// secrets are taken and never answered, verifySsl is always present.
func TestInterchangeConnectorWire(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	create := func(body string) int64 {
		t.Helper()
		r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsRoute, body)
		wiretest.WantStatus(t, r, http.StatusCreated)
		return wiretest.Envelope[json.RawMessage](t, r).Meta.ID
	}
	read := func(id int64) json.RawMessage {
		t.Helper()
		r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, fmt.Sprintf("%s/%d", connectorsRoute, id), nil)
		wiretest.WantStatus(t, r, http.StatusOK)
		return wiretest.Envelope[json.RawMessage](t, r).Data
	}
	basic := create(`{"application": "JAMA_CONNECT", "name": "Production Jama", "url": "https://acme.jamacloud.com",
		"verifySsl": true, "authType": "basic", "username": "InterchangeServiceAccount", "password": "s3cret"}`)
	wantJSON(t, read(basic), fmt.Sprintf(`{"id": %d, "application": "JAMA_CONNECT", "name": "Production Jama",
		"url": "https://acme.jamacloud.com", "verifySsl": true, "authType": "basic", "username": "InterchangeServiceAccount"}`, basic))
	oauth := create(`{"name": "SSO Jama", "url": "https://sso.jamacloud.com", "verifySsl": false,
		"authType": "oauth", "clientId": "interchange-client", "clientSecret": "s3cret"}`)
	wantJSON(t, read(oauth), fmt.Sprintf(`{"id": %d, "application": "JAMA_CONNECT", "name": "SSO Jama",
		"url": "https://sso.jamacloud.com", "verifySsl": false, "authType": "oauth", "clientId": "interchange-client"}`, oauth))
	// A member the contract does not have is refused, not ignored.
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsRoute,
		`{"name": "x", "url": "https://acme.jamacloud.com", "verify_ssl": true, "authType": "basic", "username": "u", "password": "p"}`),
		http.StatusBadRequest, "verify_ssl")
}

// wantJSON fails unless raw is the same JSON value as the literal want.
func wantJSON(t testing.TB, raw []byte, want string) {
	t.Helper()
	var got, exp any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("answer %s: %v", raw, err)
	}
	if err := json.Unmarshal([]byte(want), &exp); err != nil {
		t.Fatalf("literal %s: %v", want, err)
	}
	if !reflect.DeepEqual(got, exp) {
		t.Errorf("answer\n%s\nwant\n%s", raw, want)
	}
}
