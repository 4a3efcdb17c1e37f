package jitterbit

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

func basicJSM(project, name string) JSMConnection {
	return JSMConnection{
		EnvironmentID: seedEnvDevelopment, ProjectGUID: project, Name: name, AuthScheme: AuthSchemeBasic,
		URL: "https://acme.atlassian.net", User: "sync@acme.example", APIToken: "api-token-" + name,
	}
}

func oauthJSM(project, name string) JSMConnection {
	return JSMConnection{
		EnvironmentID: seedEnvDevelopment, ProjectGUID: project, Name: name, AuthScheme: AuthSchemeOAuth, URL: "[jsm_url]",
		OAuth: &OAuthSettings{
			InitiateOAuth: InitiateOAuthRefresh, Version: "2.0", ClientID: "client-" + name,
			AccessToken: "access-" + name, RefreshToken: "refresh-" + name, ExpiresIn: 3600,
		},
		AdvancedProperties: map[string]string{"OAuthSettingsLocation": "/agent/oauth/" + name},
	}
}

func crowdJSM(project, name string) JSMConnection {
	return JSMConnection{
		EnvironmentID: seedEnvDevelopment, ProjectGUID: project, Name: name, AuthScheme: AuthSchemeCrowd, URL: "http://jira.internal:8080",
		User: "svc", Password: "crowd-pw",
		SSO: &SSOSettings{LoginURL: "https://crowd.example.com/login", AppName: "jira", AppPassword: "app-pw"},
	}
}

// everySecretJSM is a connection with every field set, secrets included.
func everySecretJSM(project, name string) JSMConnection {
	return JSMConnection{
		EnvironmentID: seedEnvDevelopment, ProjectGUID: project, Name: name, AuthScheme: AuthSchemeAuto, URL: "https://acme.atlassian.net/",
		User: "svc", Password: "s-password", APIToken: "s-apiToken",
		SSO: &SSOSettings{LoginURL: "[sso.login]", Properties: "a=b", ExchangeURL: "https://sso.example.com/x",
			AppName: "app", AppPassword: "s-appPassword"},
		OAuth: &OAuthSettings{
			InitiateOAuth: InitiateOAuthGetAndRefresh, Version: "1.0", ClientID: "cid", ClientSecret: "s-clientSecret",
			AccessToken: "s-accessToken", Scope: "read:jira-work", CloudID: "cloud", Verifier: "s-verifier",
			AuthToken: "s-authToken", AuthKey: "s-authKey", RefreshToken: "s-refreshToken", ExpiresIn: 60,
			TokenTimestamp: "1700000000", CertificateStoreType: "P10BFILE", CertificateStore: "/certs/store.p10b",
			CertificateStorePassword: "s-certificateStorePassword", CertificateSubject: "CN=jsm",
		},
		SSL: &SSLSettings{ClientCert: "/certs/client.p7b", ClientCertType: "P7BFILE",
			ClientCertPassword: "s-clientCertPassword", ClientCertSubject: "*", ServerCert: "*"},
		UseProxySettings:   true,
		AdvancedProperties: map[string]string{"Timeout": "60", "Other": "[other]"},
	}
}

func createJSM(t testing.TB, ts *httptest.Server, auth wiretest.AuthFunc, c JSMConnection) JSMConnection {
	t.Helper()
	return wantJitterbitData[JSMConnection](t, wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, c), http.StatusCreated)
}

// wantNoSecrets fails when body holds a secret value or key of c.
func wantNoSecrets(t testing.TB, body []byte, c JSMConnection) {
	t.Helper()
	for _, s := range jsmSecrets() {
		key := s.field[strings.LastIndex(s.field, ".")+1:]
		if strings.Contains(string(body), `"`+key+`"`) {
			t.Errorf("answer has the secret key %s: %s", s.field, body)
		}
		if ref := s.ref(&c); ref != nil && *ref != "" && strings.Contains(string(body), *ref) {
			t.Errorf("answer leaks %s: %s", s.field, body)
		}
	}
}

func TestJitterbitJSMCreateReadDelete(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	in := everySecretJSM(seedProjectJSM, "Full")
	in.ID = "99" // ignored

	r := wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, in)
	created := wantJitterbitData[JSMConnection](t, r, http.StatusCreated)
	if created.ID != "1" || r.Header.Get("Location") != ts.URL+jsmPath+"/1" {
		t.Errorf("id = %q, Location = %q", created.ID, r.Header.Get("Location"))
	}
	wantNoSecrets(t, r.Body, in)

	want := publicJSMConnection(in)
	want.ID = "1"
	got := wiretest.Call(t, ts, auth, http.MethodGet, jsmPath+"/1", nil)
	if c := wantJitterbitData[JSMConnection](t, got, http.StatusOK); !reflect.DeepEqual(c, want) || !reflect.DeepEqual(created, want) {
		t.Errorf("read = %+v\ncreated = %+v\nwant %+v", c, created, want)
	}
	wantNoSecrets(t, got.Body, in)
	list := wiretest.Call(t, ts, auth, http.MethodGet, jsmPath+jsmListQuery, nil)
	wantJitterbitData[connectionPage](t, list, http.StatusOK)
	wantNoSecrets(t, list.Body, in)

	// Every secret reached the store.
	for _, s := range jsmSecrets() {
		v, ok := productOf(t, srv).JitterbitConnectionSecret("1", s.field)
		if !ok || v != "s-"+s.field[strings.LastIndex(s.field, ".")+1:] {
			t.Errorf("stored %s = %q %t", s.field, v, ok)
		}
	}
	for _, tc := range []struct{ id, field string }{{"1", "url"}, {"1", "nope"}, {"2", "password"}, {"x", "password"}} {
		if v, ok := productOf(t, srv).JitterbitConnectionSecret(tc.id, tc.field); ok {
			t.Errorf("secret %s of %s = %q, want none", tc.field, tc.id, v)
		}
	}

	wiretest.WantStatus(t, wiretest.Call(t, ts, auth, http.MethodDelete, jsmPath+"/1", nil), http.StatusNoContent)
	for _, method := range []string{http.MethodGet, http.MethodDelete} {
		wantJitterbitError(t, wiretest.Call(t, ts, auth, method, jsmPath+"/1", nil), http.StatusNotFound, "NOT_FOUND", `"1" not found`)
	}
	wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPut, jsmPath+"/1", basicJSM(seedProjectJSM, "x")), http.StatusNotFound, "NOT_FOUND")
	for _, id := range []string{"abc", "007", "0", "-1", "99999999999999999999"} {
		wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodGet, jsmPath+"/"+id, nil), http.StatusNotFound, "NOT_FOUND", id)
	}
}

func TestJitterbitJSMUpdateKeepsSecrets(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	orig := everySecretJSM(seedProjectJSM, "keep")
	c := createJSM(t, ts, auth, orig)
	path := jsmPath + "/" + c.ID
	secret := func(field string) string {
		t.Helper()
		v, _ := productOf(t, srv).JitterbitConnectionSecret(c.ID, field)
		return v
	}

	// Every secret omitted: every secret kept, other fields replaced.
	upd := publicJSMConnection(orig)
	upd.Name, upd.User, upd.UseProxySettings = "Keep", "svc2", false
	upd.AdvancedProperties = nil
	r := wiretest.Call(t, ts, auth, http.MethodPut, path, upd)
	got := wantJitterbitData[JSMConnection](t, r, http.StatusOK)
	want := upd
	want.ID = c.ID
	if !reflect.DeepEqual(got, want) {
		t.Errorf("update answer = %+v, want %+v", got, want)
	}
	wantNoSecrets(t, r.Body, orig)
	for _, s := range jsmSecrets() {
		if ref := s.ref(&orig); secret(s.field) != *ref {
			t.Errorf("%s after an update without it = %q, want the stored %q", s.field, secret(s.field), *ref)
		}
	}

	// A new value replaces the stored one.
	upd.OAuth.RefreshToken = "rotated"
	wantJitterbitData[JSMConnection](t, wiretest.Call(t, ts, auth, http.MethodPut, path, upd), http.StatusOK)
	if v := secret("oauth.refreshToken"); v != "rotated" {
		t.Errorf("refreshToken after rotation = %q", v)
	}
	if v := secret("oauth.clientSecret"); v != "s-clientSecret" {
		t.Errorf("clientSecret after rotating another secret = %q", v)
	}

	// Omitting a whole block drops it with its secrets.
	upd.SSO, upd.OAuth.RefreshToken = nil, ""
	wantJitterbitData[JSMConnection](t, wiretest.Call(t, ts, auth, http.MethodPut, path, upd), http.StatusOK)
	if v, ok := productOf(t, srv).JitterbitConnectionSecret(c.ID, "sso.appPassword"); !ok || v != "" {
		t.Errorf("sso.appPassword after dropping sso = %q %t", v, ok)
	}
	if v := secret("oauth.refreshToken"); v != "rotated" {
		t.Errorf("refreshToken = %q, want it kept", v)
	}

	// Stored secrets satisfy the scheme's rules.
	basic := basicJSM(seedProjectJSM, "Keep")
	basic.APIToken = ""
	wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, func() JSMConnection { b := basic; b.Name = "new"; return b }()),
		http.StatusBadRequest, "BAD_REQUEST", "password or apiToken is required when authScheme is Basic")
	wantJitterbitData[JSMConnection](t, wiretest.Call(t, ts, auth, http.MethodPut, path, basic), http.StatusOK)
	if secret("apiToken") != "s-apiToken" || secret("password") != "s-password" {
		t.Errorf("stored Basic secrets were not kept")
	}

	// A connection stays in its project.
	moved := basicJSM(seedProjectSD, "Keep")
	wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPut, path, moved), http.StatusBadRequest, "BAD_REQUEST", "environmentId and projectGuid cannot change", seedProjectJSM)

	// A failed update changes nothing.
	if v := secret("apiToken"); v != "s-apiToken" {
		t.Errorf("apiToken after a refused update = %q", v)
	}
}

func TestJitterbitJSMValidation(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	existing := createJSM(t, ts, auth, basicJSM(seedProjectJSM, "existing"))
	with := func(base JSMConnection, change func(*JSMConnection)) JSMConnection {
		base = cloneJSMConnection(base)
		change(&base)
		return base
	}
	basic, oauth, crowd := basicJSM(seedProjectJSM, "v"), oauthJSM(seedProjectJSM, "v"), crowdJSM(seedProjectJSM, "v")
	tests := []struct {
		name      string
		c         JSMConnection
		fragments []string
	}{
		{"projectGuid missing", with(basic, func(c *JSMConnection) { c.ProjectGUID = "" }), []string{"projectGuid is required"}},
		{"environmentId missing", with(basic, func(c *JSMConnection) { c.EnvironmentID = "" }), []string{"environmentId is required"}},
		{"projectGuid unknown", with(basic, func(c *JSMConnection) { c.ProjectGUID = "9" }), []string{`projectGuid "9" is not a project of environment 201`, seedProjectJSM + ", " + seedProjectSD}},
		{"project not in the environment", with(basic, func(c *JSMConnection) { c.EnvironmentID, c.ProjectGUID = seedEnvProduction, seedProjectSD }),
			[]string{`projectGuid "` + seedProjectSD + `" is not a project of environment 202 (projects: ` + seedProjectJSM + ")"}},
		{"environmentId unknown", with(basic, func(c *JSMConnection) { c.EnvironmentID = "299" }), []string{`environmentId "299" is not an environment of the organization (environments: 201, 202)`}},
		{"name missing", with(basic, func(c *JSMConnection) { c.Name = " " }), []string{"name is required"}},
		{"name with slash", with(basic, func(c *JSMConnection) { c.Name = "a/b" }), []string{"name must not contain forward slashes (/) or colons (:)", `"a/b"`}},
		{"name with colon", with(basic, func(c *JSMConnection) { c.Name = "a:b" }), []string{"name must not contain", `"a:b"`}},
		{"authScheme missing", with(basic, func(c *JSMConnection) { c.AuthScheme = "" }), []string{"authScheme is required: one of Auto, OAuth, Basic, Crowd"}},
		{"authScheme unknown", with(basic, func(c *JSMConnection) { c.AuthScheme = "basic" }), []string{`authScheme must be one of Auto, OAuth, Basic, Crowd, got "basic"`}},
		{"initiateOAuth unknown", with(oauth, func(c *JSMConnection) { c.OAuth.InitiateOAuth = "ON" }), []string{"oauth.initiateOAuth must be one of OFF, GETANDREFRESH, REFRESH", `"ON"`}},
		{"oauth version unknown", with(oauth, func(c *JSMConnection) { c.OAuth.Version = "2" }), []string{`oauth.version must be one of 1.0, 2.0, got "2"`}},
		{"certificateStoreType from the SSL list", with(oauth, func(c *JSMConnection) { c.OAuth.CertificateStoreType = "P7BFILE" }), []string{"oauth.certificateStoreType must be one of", `"P7BFILE"`}},
		{"certificateStoreType PEMKEY_BLOB", with(oauth, func(c *JSMConnection) { c.OAuth.CertificateStoreType = "PEMKEY_BLOB" }), []string{"oauth.certificateStoreType"}},
		{"clientCertType from the OAuth list", with(basic, func(c *JSMConnection) { c.SSL = &SSLSettings{ClientCertType: "P10BFILE"} }), []string{"ssl.clientCertType must be one of", `"P10BFILE"`}},
		{"clientCertType lower case", with(basic, func(c *JSMConnection) { c.SSL = &SSLSettings{ClientCertType: "user"} }), []string{"ssl.clientCertType"}},
		{"expiresIn negative", with(oauth, func(c *JSMConnection) { c.OAuth.ExpiresIn = -1 }), []string{"oauth.expiresIn must be 0 or more seconds, got -1"}},
		{"url relative", with(basic, func(c *JSMConnection) { c.URL = "/jira" }), []string{"url must be an absolute http or https URL or a Jitterbit variable reference", `"/jira"`}},
		{"url ftp", with(basic, func(c *JSMConnection) { c.URL = "ftp://jira.example.com" }), []string{"url must be"}},
		{"url without host", with(basic, func(c *JSMConnection) { c.URL = "https://" }), []string{"url must be"}},
		{"url variable among text", with(basic, func(c *JSMConnection) { c.URL = "https://[host]" }), []string{"url must be"}},
		{"url malformed variable", with(basic, func(c *JSMConnection) { c.URL = "[jsm url]" }), []string{"url must be"}},
		{"sso.loginUrl", with(crowd, func(c *JSMConnection) { c.SSO.LoginURL = "crowd.example.com" }), []string{"sso.loginUrl must be"}},
		{"sso.exchangeUrl", with(crowd, func(c *JSMConnection) { c.SSO.ExchangeURL = "http//x" }), []string{"sso.exchangeUrl must be"}},
		{"advancedProperties blank key", with(basic, func(c *JSMConnection) { c.AdvancedProperties = map[string]string{" ": "x"} }), []string{"advancedProperties must not have a blank key"}},
		{"Basic without user", with(basic, func(c *JSMConnection) { c.User = "" }), []string{"user is required when authScheme is Basic"}},
		{"Basic without password or apiToken", with(basic, func(c *JSMConnection) { c.APIToken = "" }), []string{"password or apiToken is required when authScheme is Basic"}},
		{"OAuth without oauth", with(oauth, func(c *JSMConnection) { c.OAuth = nil }), []string{"oauth.initiateOAuth is required when authScheme is OAuth"}},
		{"OAuth without initiateOAuth", with(oauth, func(c *JSMConnection) { c.OAuth.InitiateOAuth = "" }), []string{"oauth.initiateOAuth is required when authScheme is OAuth"}},
		{"OFF without accessToken", with(oauth, func(c *JSMConnection) {
			c.OAuth.InitiateOAuth, c.OAuth.AccessToken = InitiateOAuthOff, ""
		}), []string{"oauth.accessToken is required when oauth.initiateOAuth is OFF"}},
		{"REFRESH without accessToken", with(oauth, func(c *JSMConnection) { c.OAuth.AccessToken = "" }), []string{"oauth.accessToken is required when oauth.initiateOAuth is REFRESH"}},
		{"REFRESH without refreshToken", with(oauth, func(c *JSMConnection) { c.OAuth.RefreshToken = "" }), []string{"oauth.refreshToken is required when oauth.initiateOAuth is REFRESH"}},
		{"GETANDREFRESH without client", with(oauth, func(c *JSMConnection) {
			c.OAuth.InitiateOAuth, c.OAuth.ClientID = InitiateOAuthGetAndRefresh, ""
		}), []string{"oauth.clientId is required when oauth.initiateOAuth is GETANDREFRESH", "oauth.clientSecret is required when oauth.initiateOAuth is GETANDREFRESH"}},
		{"Crowd without sso", with(crowd, func(c *JSMConnection) { c.SSO = nil }), []string{"sso.loginUrl is required when authScheme is Crowd", "sso.appName is required", "sso.appPassword is required"}},
		{"Crowd without user and password", with(crowd, func(c *JSMConnection) { c.User, c.Password = "", "" }), []string{"user is required when authScheme is Crowd", "password is required when authScheme is Crowd"}},
		{"Crowd without appPassword", with(crowd, func(c *JSMConnection) { c.SSO.AppPassword = "" }), []string{"sso.appPassword is required when authScheme is Crowd"}},
		{"every problem at once", JSMConnection{Name: "a:b", URL: "x"}, []string{"environmentId is required", "projectGuid is required", "name must not", "authScheme is required", "url must be"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, tc.c), http.StatusBadRequest, "BAD_REQUEST", tc.fragments...)
			if tc.c.EnvironmentID != seedEnvDevelopment || tc.c.ProjectGUID != seedProjectJSM || tc.name == "Basic without password or apiToken" {
				return // a replace names the connection's own project and keeps its stored apiToken
			}
			wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPut, jsmPath+"/"+existing.ID, tc.c), http.StatusBadRequest, "BAD_REQUEST", tc.fragments...)
		})
	}

	valid := map[string]JSMConnection{
		"Auto with nothing else": {EnvironmentID: seedEnvDevelopment, ProjectGUID: seedProjectJSM, Name: "auto", AuthScheme: AuthSchemeAuto},
		"Basic with a password":  with(basic, func(c *JSMConnection) { c.Name, c.APIToken, c.Password = "pw", "", "x" }),
		"OAuth OFF":              {EnvironmentID: seedEnvDevelopment, ProjectGUID: seedProjectJSM, Name: "off", AuthScheme: AuthSchemeOAuth, OAuth: &OAuthSettings{InitiateOAuth: "OFF", AccessToken: "t"}},
		"OAuth REFRESH":          oauthJSM(seedProjectJSM, "refresh"),
		"OAuth GETANDREFRESH":    {EnvironmentID: seedEnvDevelopment, ProjectGUID: seedProjectJSM, Name: "gar", AuthScheme: AuthSchemeOAuth, OAuth: &OAuthSettings{InitiateOAuth: "GETANDREFRESH", ClientID: "c", ClientSecret: "s"}},
		"Crowd":                  crowdJSM(seedProjectJSM, "crowd"),
		"variable URLs": with(crowd, func(c *JSMConnection) {
			c.Name, c.URL, c.SSO.LoginURL, c.SSO.ExchangeURL = "vars", "[$jsm.url]", "[crowd_login]", "[_x.y]"
		}),
		"every field":  everySecretJSM(seedProjectSD, "every"),
		"unicode name": with(basic, func(c *JSMConnection) { c.Name = "Jira Service Management – EU" }),
	}
	for name, c := range valid {
		t.Run("valid "+name, func(t *testing.T) { createJSM(t, ts, auth, c) })
	}

	t.Run("unknown field", func(t *testing.T) {
		wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, `{"environmentId":"201","projectGuid":"`+seedProjectJSM+`","name":"a","authScheme":"Auto","colour":"red"}`),
			http.StatusBadRequest, "BAD_REQUEST", "unknown field", "colour")
	})
	t.Run("malformed JSON", func(t *testing.T) {
		wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, `{"name":`), http.StatusBadRequest, "BAD_REQUEST", "malformed JSON")
	})
	t.Run("wrong type", func(t *testing.T) {
		wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, `{"oauth":{"expiresIn":"soon"}}`), http.StatusBadRequest, "BAD_REQUEST", "oauth.expiresIn")
	})
}

func TestJitterbitJSMNamesAreUniquePerProject(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	alpha := createJSM(t, ts, auth, basicJSM(seedProjectJSM, "Alpha"))
	beta := createJSM(t, ts, auth, basicJSM(seedProjectJSM, "Beta"))

	wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, oauthJSM(seedProjectJSM, "alpha")), http.StatusConflict, "CONFLICT",
		`"alpha"`, "project "+seedProjectJSM+" of environment 201", "JSM connection "+alpha.ID, `"Alpha"`)
	wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, basicJSM(seedProjectJSM, " ALPHA ")), http.StatusConflict, "CONFLICT")
	wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPut, jsmPath+"/"+beta.ID, basicJSM(seedProjectJSM, "ALPHA")), http.StatusConflict, "CONFLICT", "already used")

	// The same name in another project is fine, and so is keeping one's own.
	other := createJSM(t, ts, auth, basicJSM(seedProjectSD, "alpha"))
	wantJitterbitData[JSMConnection](t, wiretest.Call(t, ts, auth, http.MethodPut, jsmPath+"/"+alpha.ID, basicJSM(seedProjectJSM, "ALPHA")), http.StatusOK)

	// Deleting frees the name; ids are not reused.
	wiretest.WantStatus(t, wiretest.Call(t, ts, auth, http.MethodDelete, jsmPath+"/"+alpha.ID, nil), http.StatusNoContent)
	if again := createJSM(t, ts, auth, basicJSM(seedProjectJSM, "alpha")); again.ID != "4" || other.ID != "3" {
		t.Errorf("ids = %s then %s, want 3 then 4", other.ID, again.ID)
	}
}

func TestJitterbitJSMListFiltersAndPages(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	for i := range 45 {
		project := seedProjectJSM
		if i%3 == 0 {
			project = seedProjectSD
		}
		createJSM(t, ts, auth, basicJSM(project, fmt.Sprintf("conn-%02d", i)))
	}
	list := func(query string) connectionPage {
		t.Helper()
		return wantJitterbitData[connectionPage](t, wiretest.Call(t, ts, auth, http.MethodGet, jsmPath+query, nil), http.StatusOK)
	}
	ids := func(p connectionPage) []string {
		out := []string{}
		for _, c := range p.Items {
			out = append(out, c.ID)
		}
		return out
	}

	jsm := "?environmentId=201&projectGuid=" + seedProjectJSM
	if p := list(jsm); len(p.Items) != 20 || p.Page != 1 || p.PageSize != 20 || p.Total != 30 || p.Items[0].ID != "2" {
		t.Errorf("default page: %d items, page %d, size %d, total %d", len(p.Items), p.Page, p.PageSize, p.Total)
	}
	if p := list(jsm + "&page=2&pageSize=20"); len(p.Items) != 10 || p.Items[0].ID != "32" || p.Total != 30 {
		t.Errorf("last page: %v, total %d", ids(p), p.Total)
	}
	if p := list(jsm + "&page=3&pageSize=20"); len(p.Items) != 0 || p.Items == nil || p.Total != 30 {
		t.Errorf("past the end: %+v", p)
	}
	if p := list(jsm + "&page=9223372036854775807&pageSize=100"); len(p.Items) != 0 || p.Total != 30 {
		t.Errorf("huge page: %+v", p)
	}
	if p := list("?environmentId=201&projectGuid=" + seedProjectSD + "&pageSize=100"); p.Total != 15 || len(p.Items) != 15 || p.Items[0].ProjectGUID != seedProjectSD {
		t.Errorf("project filter: total %d, %v", p.Total, ids(p))
	}
	if p := list("?environmentId=202&projectGuid=" + seedProjectJSM); p.Total != 0 {
		t.Errorf("environment filter: %+v", p)
	}
	if p := list("?environmentId=201&projectGuid=" + seedProjectSD + "&name=CONN-03"); p.Total != 1 || p.Items[0].Name != "conn-03" {
		t.Errorf("project and name filter: %+v", p)
	}
	if p := list(jsm + "&name=conn-03"); p.Total != 0 {
		t.Errorf("name in the other project matched: %+v", p)
	}
	if p := list(jsm + "&name=conn"); p.Total != 0 {
		t.Errorf("the name filter must be exact: %+v", p)
	}
	for query, fragment := range map[string]string{
		"":                               "environmentId is required; projectGuid is required",
		"?environmentId=201":             "projectGuid is required",
		"?projectGuid=" + seedProjectJSM: "environmentId is required",
	} {
		wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodGet, jsmPath+query, nil), http.StatusBadRequest, "BAD_REQUEST", fragment)
	}
	for query, fragment := range map[string]string{
		"?page=0":        "page must be an integer >= 1",
		"?page=x":        "page must be",
		"?pageSize=101":  "pageSize must be an integer between 1 and 100",
		"?pageSize=0":    "pageSize must be",
		"?pageSize=-5":   "pageSize must be",
		"?pageSize=ten":  "pageSize must be",
		"?page=1&page=x": "", // the first value counts
	} {
		r := wiretest.Call(t, ts, auth, http.MethodGet, jsmPath+jsm+strings.Replace(query, "?", "&", 1), nil)
		if fragment == "" {
			wiretest.WantStatus(t, r, http.StatusOK)
			continue
		}
		wantJitterbitError(t, r, http.StatusBadRequest, "BAD_REQUEST", fragment)
	}
}
