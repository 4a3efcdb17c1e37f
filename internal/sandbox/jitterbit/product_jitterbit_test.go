package jitterbit

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

const (
	jitterbitLoginURL = "/jitterbit/login"
	jsmPath           = "/jitterbit/almsync/jitterbit-jsm-connections/v1/connections"
	jsmListQuery      = "?environmentId=201&projectGuid=" + seedProjectJSM
)

// jitterbitSession sends a Harmony token and organization; empty values
// are left out.
func jitterbitSession(token, org string) wiretest.AuthFunc {
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
func jitterbitLogin(t testing.TB, ts *httptest.Server, username, password string) wiretest.Response {
	t.Helper()
	return wiretest.Call(t, ts, func(r *http.Request) {
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
	r := jitterbitLogin(t, ts, kernel.DefaultUsername, kernel.DefaultPassword)
	return wantJitterbitData[loginData](t, r, http.StatusOK).AuthenticationToken
}

// asJitterbit logs in with the default credentials and returns the headers
// of that session in the seeded organization.
func asJitterbit(t testing.TB, ts *httptest.Server) wiretest.AuthFunc {
	t.Helper()
	return jitterbitSession(jitterbitToken(t, ts), jitterbitOrgID)
}

// testEnvelope is Harmony's envelope with typed data, for reading answers.
type testEnvelope[T any] struct {
	Success bool       `json:"success"`
	URI     string     `json:"uri"`
	Data    T          `json:"data"`
	Error   *errorInfo `json:"error"`
}

// jitterbitEnvelope decodes a Harmony envelope, which must name the URL
// that was called in its uri.
func jitterbitEnvelope[T any](t testing.TB, r wiretest.Response) testEnvelope[T] {
	t.Helper()
	var env testEnvelope[T]
	if err := json.Unmarshal(r.Body, &env); err != nil {
		t.Fatalf("decode envelope %q: %v", r.Body, err)
	}
	if !strings.HasPrefix(env.URI, "http://") || !strings.Contains(env.URI, "/jitterbit/") {
		t.Errorf("uri = %q, want the absolute URL called", env.URI)
	}
	return env
}

// wantJitterbitData checks a successful answer and returns its data.
func wantJitterbitData[T any](t testing.TB, r wiretest.Response, status int) T {
	t.Helper()
	wiretest.WantStatus(t, r, status)
	env := jitterbitEnvelope[T](t, r)
	if !env.Success || env.Error != nil {
		t.Fatalf("answer is not a success: %s", r.Body)
	}
	return env.Data
}

// wantJitterbitError checks a failed answer: status, success false, the
// error code, an errorId and a message containing every fragment.
func wantJitterbitError(t testing.TB, r wiretest.Response, status int, code string, fragments ...string) {
	t.Helper()
	wiretest.WantStatus(t, r, status)
	env := jitterbitEnvelope[json.RawMessage](t, r)
	if env.Success || env.Error == nil {
		t.Fatalf("answer is not a failure envelope: %s", r.Body)
	}
	if env.Error.ErrorCode != code {
		t.Errorf("errorCode = %q, want %q", env.Error.ErrorCode, code)
	}
	if env.Error.ErrorID == "" {
		t.Errorf("errorId is empty: %s", r.Body)
	}
	for _, f := range fragments {
		if !strings.Contains(env.Error.ErrorMessage, f) {
			t.Errorf("errorMessage = %q, want it to contain %q", env.Error.ErrorMessage, f)
		}
	}
}

func TestJitterbitLogin(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})

	r := jitterbitLogin(t, ts, kernel.DefaultUsername, kernel.DefaultPassword)
	first := wantJitterbitData[loginData](t, r, http.StatusOK)
	base := ts.URL + "/jitterbit"
	want := loginData{
		AuthenticationToken: first.AuthenticationToken, ServerURL: base, CloudAppsURL: base,
		OrgAttrs:     []orgAttr{{OrgID: "100", OrgName: jitterbitOrgName, OrgZoneURL: base}},
		DefaultOrgID: "100", SessionTimeoutInSeconds: 14400,
	}
	if first.AuthenticationToken == "" || !reflect.DeepEqual(first, want) {
		t.Errorf("login = %+v, want %+v", first, want)
	}
	if uri := jitterbitEnvelope[loginData](t, r).URI; uri != ts.URL+jitterbitLoginURL {
		t.Errorf("uri = %q, want %q", uri, ts.URL+jitterbitLoginURL)
	}
	second := wantJitterbitData[loginData](t, jitterbitLogin(t, ts, kernel.DefaultUsername, kernel.DefaultPassword), http.StatusOK)
	if second.AuthenticationToken == first.AuthenticationToken {
		t.Error("two logins returned the same token")
	}

	// Harmony refuses a login with HTTP 200 and success false.
	for name, creds := range map[string][2]string{
		"wrong password": {kernel.DefaultUsername, "wrong"},
		"unknown user":   {"nobody", kernel.DefaultPassword},
		"no headers":     {"", ""},
	} {
		t.Run(name, func(t *testing.T) {
			r := jitterbitLogin(t, ts, creds[0], creds[1])
			wantJitterbitError(t, r, http.StatusOK, jitterbitCodeInvalidCredentials, "Invalid username or password")
			if strings.Contains(string(r.Body), "authenticationToken") {
				t.Errorf("a refused login returned a token: %s", r.Body)
			}
		})
	}
}

func TestJitterbitSessionRequired(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	token := jitterbitToken(t, ts)
	session := jitterbitSession(token, jitterbitOrgID)

	tests := []struct {
		name    string
		auth    wiretest.AuthFunc
		status  int
		code    string
		message string
	}{
		{"no token", jitterbitSession("", jitterbitOrgID), http.StatusUnauthorized, jitterbitCodeTokenMissing, "authToken header is required"},
		{"unknown token", jitterbitSession("forged", jitterbitOrgID), http.StatusUnauthorized, jitterbitCodeTokenInvalid, "invalid authToken"},
		{"basic credentials are not a token", wiretest.AsAdmin, http.StatusUnauthorized, jitterbitCodeTokenMissing, "log in"},
		{"no organization", jitterbitSession(token, ""), http.StatusForbidden, jitterbitCodeOrgForbidden, "organizationId header is required"},
		{"other organization", jitterbitSession(token, "200"), http.StatusForbidden, jitterbitCodeOrgForbidden, `"200"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, path := range []string{jsmPath + jsmListQuery, jsmPath + "/1"} {
				wantJitterbitError(t, wiretest.Call(t, ts, tc.auth, http.MethodGet, path, nil), tc.status, tc.code, tc.message)
			}
			wantJitterbitError(t, wiretest.Call(t, ts, tc.auth, http.MethodPost, jsmPath, basicJSM(seedProjectJSM, "x")), tc.status, tc.code)
		})
	}
	if got := srv.Stats().Products["jitterbit"].Routes["POST /almsync/jitterbit-jsm-connections/v1/connections"]; got != int64(len(tests)) {
		t.Errorf("refused creates counted %d times, want %d", got, len(tests))
	}
	wantJitterbitData[connectionPage](t, wiretest.Call(t, ts, session, http.MethodGet, jsmPath+jsmListQuery, nil), http.StatusOK)

	t.Run("expired token", func(t *testing.T) {
		srv.SetClock(func() time.Time { return time.Now().Add(sessionLifetime + time.Minute) })
		defer func() { srv.SetClock(time.Now) }()
		wantJitterbitError(t, wiretest.Call(t, ts, session, http.MethodGet, jsmPath+jsmListQuery, nil),
			http.StatusUnauthorized, jitterbitCodeTokenExpired, "expired")
	})
}

func TestJitterbitErrorsUseTheEnvelope(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)

	r := wiretest.Call(t, ts, auth, http.MethodPatch, jsmPath+"/1", nil)
	wantJitterbitError(t, r, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "PATCH")
	if allow := r.Header.Get("Allow"); allow != "GET, PUT, DELETE" {
		t.Errorf("Allow = %q", allow)
	}
	wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodGet, "/jitterbit/nowhere", nil), http.StatusNotFound, "NOT_FOUND", "/jitterbit/nowhere")

	if err := srv.SetFaults(kernel.Faults{ErrorRate: 1}); err != nil {
		t.Fatal(err)
	}
	r = wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, basicJSM(seedProjectJSM, "faulted"))
	if r.Status < 500 {
		t.Fatalf("status = %d, want an injected 5xx", r.Status)
	}
	wantJitterbitError(t, r, r.Status, jitterbitErrorCode(r.Status), "injected fault")
	if err := srv.SetFaults(kernel.Faults{}); err != nil {
		t.Fatal(err)
	}
	list := wantJitterbitData[connectionPage](t, wiretest.Call(t, ts, auth, http.MethodGet, jsmPath+jsmListQuery, nil), http.StatusOK)
	if list.Total != 0 {
		t.Errorf("a faulted create was applied: %+v", list)
	}
}

func TestJitterbitStatePersistsAndResets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	srv, ts := newTestServer(t, kernel.Options{StatePath: path})
	auth := asJitterbit(t, ts)
	kept := createJSM(t, ts, auth, oauthJSM(seedProjectJSM, "kept"))
	gone := createJSM(t, ts, auth, basicJSM(seedProjectSD, "gone"))
	wiretest.WantStatus(t, wiretest.Call(t, ts, auth, http.MethodDelete, jsmPath+"/"+gone.ID, nil), http.StatusNoContent)
	ts.Close()
	if err := srv.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	srv2, ts2 := newTestServer(t, kernel.Options{StatePath: path})
	// Tokens live in memory only: the old session is over.
	wantJitterbitError(t, wiretest.Call(t, ts2, auth, http.MethodGet, jsmPath, nil), http.StatusUnauthorized, jitterbitCodeTokenInvalid)
	auth2 := asJitterbit(t, ts2)
	got := wantJitterbitData[JSMConnection](t, wiretest.Call(t, ts2, auth2, http.MethodGet, jsmPath+"/"+kept.ID, nil), http.StatusOK)
	if got.Name != "kept" || got.OAuth == nil || got.OAuth.ClientID != "client-kept" {
		t.Errorf("connection after restart = %+v", got)
	}
	if v, ok := productOf(t, srv2).JitterbitConnectionSecret(kept.ID, "oauth.refreshToken"); !ok || v != "refresh-kept" {
		t.Errorf("refresh token after restart = %q %t", v, ok)
	}
	wantJitterbitError(t, wiretest.Call(t, ts2, auth2, http.MethodGet, jsmPath+"/"+gone.ID, nil), http.StatusNotFound, "NOT_FOUND")
	if next := createJSM(t, ts2, auth2, basicJSM(seedProjectJSM, "next")); next.ID != "3" {
		t.Errorf("next id = %q, want 3: ids are never reused", next.ID)
	}

	srv2.Reset()
	wantJitterbitError(t, wiretest.Call(t, ts2, auth2, http.MethodGet, jsmPath+"/"+kept.ID, nil), http.StatusNotFound, "NOT_FOUND")
	if first := createJSM(t, ts2, auth2, basicJSM(seedProjectJSM, "fresh")); first.ID != "1" {
		t.Errorf("first id after reset = %q, want 1", first.ID)
	}
	// The seeded projects are back, and only they.
	createJSM(t, ts2, auth2, basicJSM(seedProjectSD, "fresh"))
	wantJitterbitError(t, wiretest.Call(t, ts2, auth2, http.MethodPost, jsmPath, basicJSM(testUnknownGUID, "fresh")),
		http.StatusBadRequest, "BAD_REQUEST", `projectGuid "`+testUnknownGUID+`" is not a project of environment 201 (projects: `+seedProjectJSM+", "+seedProjectSD+")")
}
