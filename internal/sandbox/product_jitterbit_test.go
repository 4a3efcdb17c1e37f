package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

const (
	jitterbitLoginURL    = "/jitterbit/login"
	jitterbitProjectsURL = "/jitterbit/projects"
	jsmPath              = "/jitterbit/connections/jira-service-management"
)

// jitterbitSession sends a Harmony token and organization; empty values
// are left out.
func jitterbitSession(token, org string) authFunc {
	return func(r *http.Request) {
		if token != "" {
			r.Header.Set("authToken", token)
		}
		if org != "" {
			r.Header.Set("organizationId", org)
		}
	}
}

// jitterbitLogin posts the credentials as Harmony's login headers; empty
// values are left out.
func jitterbitLogin(t testing.TB, ts *httptest.Server, username, password string) response {
	t.Helper()
	return call(t, ts, func(r *http.Request) {
		if username != "" {
			r.Header.Set("username", username)
		}
		if password != "" {
			r.Header.Set("password", password)
		}
	}, http.MethodPost, jitterbitLoginURL, nil)
}

// jitterbitToken logs in with the default credentials and returns the token.
func jitterbitToken(t testing.TB, ts *httptest.Server) string {
	t.Helper()
	r := jitterbitLogin(t, ts, DefaultUsername, DefaultPassword)
	return wantJitterbitData[jitterbit.LoginResult](t, r, http.StatusOK).AuthenticationToken
}

// asJitterbit logs in with the default credentials and returns the headers
// of that session in the seeded organization.
func asJitterbit(t testing.TB, ts *httptest.Server) authFunc {
	t.Helper()
	return jitterbitSession(jitterbitToken(t, ts), jitterbitOrgID)
}

// jitterbitEnvelope decodes a Harmony envelope.
func jitterbitEnvelope[T any](t testing.TB, r response) jitterbit.Envelope[T] {
	t.Helper()
	var env jitterbit.Envelope[T]
	if err := json.Unmarshal(r.body, &env); err != nil {
		t.Fatalf("decode envelope %q: %v", r.body, err)
	}
	return env
}

// wantJitterbitData checks a successful answer and returns its data.
func wantJitterbitData[T any](t testing.TB, r response, status int) T {
	t.Helper()
	wantStatus(t, r, status)
	env := jitterbitEnvelope[T](t, r)
	if !env.Success || env.Error != nil {
		t.Fatalf("answer is not a success: %s", r.body)
	}
	return env.Data
}

// wantJitterbitError checks a failed answer: status, success false, the
// error code and a message containing every fragment.
func wantJitterbitError(t testing.TB, r response, status int, code string, fragments ...string) {
	t.Helper()
	wantStatus(t, r, status)
	env := jitterbitEnvelope[json.RawMessage](t, r)
	if env.Success || env.Error == nil {
		t.Fatalf("answer is not a failure envelope: %s", r.body)
	}
	if env.Error.ErrorCode != code {
		t.Errorf("errorCode = %q, want %q", env.Error.ErrorCode, code)
	}
	for _, f := range fragments {
		if !strings.Contains(env.Error.ErrorMessage, f) {
			t.Errorf("errorMessage = %q, want it to contain %q", env.Error.ErrorMessage, f)
		}
	}
}

func TestJitterbitLogin(t *testing.T) {
	_, ts := newTestServer(t, Options{})

	r := jitterbitLogin(t, ts, DefaultUsername, DefaultPassword)
	first := wantJitterbitData[jitterbit.LoginResult](t, r, http.StatusOK)
	want := []jitterbit.Organization{{OrgID: "100", OrgName: jitterbitOrgName}}
	if first.AuthenticationToken == "" || first.DefaultOrgID != "100" || !reflect.DeepEqual(first.Orgs, want) {
		t.Errorf("login = %+v", first)
	}
	second := wantJitterbitData[jitterbit.LoginResult](t, jitterbitLogin(t, ts, DefaultUsername, DefaultPassword), http.StatusOK)
	if second.AuthenticationToken == first.AuthenticationToken {
		t.Error("two logins returned the same token")
	}

	// Harmony refuses a login with HTTP 200 and success false.
	for name, creds := range map[string][2]string{
		"wrong password": {DefaultUsername, "wrong"},
		"unknown user":   {"nobody", DefaultPassword},
		"no headers":     {"", ""},
	} {
		t.Run(name, func(t *testing.T) {
			r := jitterbitLogin(t, ts, creds[0], creds[1])
			wantJitterbitError(t, r, http.StatusOK, jitterbitCodeInvalidCredentials, "Invalid username or password")
			if strings.Contains(string(r.body), "authenticationToken") {
				t.Errorf("a refused login returned a token: %s", r.body)
			}
		})
	}
}

func TestJitterbitSessionRequired(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	token := jitterbitToken(t, ts)
	session := jitterbitSession(token, jitterbitOrgID)

	tests := []struct {
		name    string
		auth    authFunc
		status  int
		code    string
		message string
	}{
		{"no token", jitterbitSession("", jitterbitOrgID), http.StatusUnauthorized, jitterbitCodeTokenMissing, "authToken header is required"},
		{"unknown token", jitterbitSession("forged", jitterbitOrgID), http.StatusUnauthorized, jitterbitCodeTokenInvalid, "invalid authToken"},
		{"basic credentials are not a token", asAdmin, http.StatusUnauthorized, jitterbitCodeTokenMissing, "log in"},
		{"no organization", jitterbitSession(token, ""), http.StatusForbidden, jitterbitCodeOrgForbidden, "organizationId header is required"},
		{"other organization", jitterbitSession(token, "200"), http.StatusForbidden, jitterbitCodeOrgForbidden, `"200"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, path := range []string{jitterbitProjectsURL, jsmPath, jsmPath + "/1"} {
				wantJitterbitError(t, call(t, ts, tc.auth, http.MethodGet, path, nil), tc.status, tc.code, tc.message)
			}
			wantJitterbitError(t, call(t, ts, tc.auth, http.MethodPost, jsmPath, basicJSM("1001", "x")), tc.status, tc.code)
		})
	}
	if got := srv.Stats().Products["jitterbit"].Routes["POST /connections/jira-service-management"]; got != int64(len(tests)) {
		t.Errorf("refused creates counted %d times, want %d", got, len(tests))
	}
	wantJitterbitData[[]jitterbit.Project](t, call(t, ts, session, http.MethodGet, jitterbitProjectsURL, nil), http.StatusOK)

	t.Run("expired token", func(t *testing.T) {
		srv.clock = func() time.Time { return time.Now().Add(tokenLifetime + time.Minute) }
		defer func() { srv.clock = time.Now }()
		wantJitterbitError(t, call(t, ts, session, http.MethodGet, jitterbitProjectsURL, nil),
			http.StatusUnauthorized, jitterbitCodeTokenExpired, "expired")
	})
}

func TestJitterbitProjects(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	got := wantJitterbitData[[]jitterbit.Project](t, call(t, ts, asJitterbit(t, ts), http.MethodGet, jitterbitProjectsURL, nil), http.StatusOK)
	want := []jitterbit.Project{{ID: "1001", Name: "JSM Integration"}, {ID: "1002", Name: "Service Desk Sync"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("projects = %+v, want %+v", got, want)
	}
}

func TestJitterbitErrorsUseTheEnvelope(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	auth := asJitterbit(t, ts)

	r := call(t, ts, auth, http.MethodPatch, jsmPath+"/1", nil)
	wantJitterbitError(t, r, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "PATCH")
	if allow := r.header.Get("Allow"); allow != "GET, PUT, DELETE" {
		t.Errorf("Allow = %q", allow)
	}
	wantJitterbitError(t, call(t, ts, auth, http.MethodGet, "/jitterbit/nowhere", nil), http.StatusNotFound, "NOT_FOUND", "/jitterbit/nowhere")

	if err := srv.SetFaults(Faults{ErrorRate: 1}); err != nil {
		t.Fatal(err)
	}
	r = call(t, ts, auth, http.MethodPost, jsmPath, basicJSM("1001", "faulted"))
	if r.status < 500 {
		t.Fatalf("status = %d, want an injected 5xx", r.status)
	}
	wantJitterbitError(t, r, r.status, jitterbitErrorCode(r.status), "injected fault")
	if err := srv.SetFaults(Faults{}); err != nil {
		t.Fatal(err)
	}
	list := wantJitterbitData[jitterbit.Page[jitterbit.JSMConnection]](t, call(t, ts, auth, http.MethodGet, jsmPath, nil), http.StatusOK)
	if list.Total != 0 {
		t.Errorf("a faulted create was applied: %+v", list)
	}
}

func TestJitterbitStatePersistsAndResets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	srv, ts := newTestServer(t, Options{StatePath: path})
	auth := asJitterbit(t, ts)
	kept := createJSM(t, ts, auth, oauthJSM("1001", "kept"))
	gone := createJSM(t, ts, auth, basicJSM("1002", "gone"))
	wantStatus(t, call(t, ts, auth, http.MethodDelete, jsmPath+"/"+gone.ID, nil), http.StatusNoContent)
	ts.Close()
	if err := srv.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	srv2, ts2 := newTestServer(t, Options{StatePath: path})
	// Tokens live in memory only: the old session is over.
	wantJitterbitError(t, call(t, ts2, auth, http.MethodGet, jitterbitProjectsURL, nil), http.StatusUnauthorized, jitterbitCodeTokenInvalid)
	auth2 := asJitterbit(t, ts2)
	got := wantJitterbitData[jitterbit.JSMConnection](t, call(t, ts2, auth2, http.MethodGet, jsmPath+"/"+kept.ID, nil), http.StatusOK)
	if got.Name != "kept" || got.OAuth == nil || got.OAuth.ClientID != "client-kept" {
		t.Errorf("connection after restart = %+v", got)
	}
	if v, ok := srv2.JitterbitConnectionSecret(kept.ID, "oauth.refreshToken"); !ok || v != "refresh-kept" {
		t.Errorf("refresh token after restart = %q %t", v, ok)
	}
	wantJitterbitError(t, call(t, ts2, auth2, http.MethodGet, jsmPath+"/"+gone.ID, nil), http.StatusNotFound, "NOT_FOUND")
	if next := createJSM(t, ts2, auth2, basicJSM("1001", "next")); next.ID != "3" {
		t.Errorf("next id = %q, want 3: ids are never reused", next.ID)
	}

	srv2.Reset()
	wantJitterbitError(t, call(t, ts2, auth2, http.MethodGet, jsmPath+"/"+kept.ID, nil), http.StatusNotFound, "NOT_FOUND")
	if projects := wantJitterbitData[[]jitterbit.Project](t, call(t, ts2, auth2, http.MethodGet, jitterbitProjectsURL, nil), http.StatusOK); len(projects) != 2 {
		t.Errorf("projects after reset = %+v", projects)
	}
	if first := createJSM(t, ts2, auth2, basicJSM("1001", "fresh")); first.ID != "1" {
		t.Errorf("first id after reset = %q, want 1", first.ID)
	}
}
