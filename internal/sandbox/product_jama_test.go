package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// validUser returns a user request that passes validation.
func validUser(username string) jama.UserRequest {
	return jama.UserRequest{
		Username: username, Password: "pw-" + username, FirstName: "First", LastName: "Last",
		Email: username + "@example.com", LicenseType: "NAMED",
	}
}

// createUser creates a user and returns its id.
func createUser(t testing.TB, ts *httptest.Server, req jama.UserRequest) int64 {
	t.Helper()
	r := call(t, ts, asAdmin, http.MethodPost, "/jama/rest/v1/users", req)
	wantStatus(t, r, http.StatusCreated)
	return envelope[json.RawMessage](t, r).Meta.ID
}

func getUser(t testing.TB, ts *httptest.Server, id int64) jama.User {
	t.Helper()
	r := call(t, ts, asAdmin, http.MethodGet, fmt.Sprintf("/jama/rest/v1/users/%d", id), nil)
	wantStatus(t, r, http.StatusOK)
	return envelope[jama.User](t, r).Data
}

func TestJamaAuthentication(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	createUser(t, ts, validUser("alice"))
	bob := createUser(t, ts, validUser("bob"))
	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d/active", bob), jama.ActiveRequest{Active: false}), http.StatusOK)
	token := accessToken(t, ts, "/jama")

	tests := []struct {
		name    string
		auth    authFunc
		want    int
		message string
	}{
		{"no credentials", noAuth, http.StatusUnauthorized, "authentication required"},
		{"wrong password", basicAuth("admin", "nope"), http.StatusUnauthorized, "invalid username or password"},
		{"unknown user", basicAuth("nobody", "sandbox"), http.StatusUnauthorized, "invalid username or password"},
		{"unknown scheme", func(r *http.Request) { r.Header.Set("Authorization", "Digest x") }, http.StatusUnauthorized, "unsupported"},
		{"bad token", bearer("not-a-token"), http.StatusUnauthorized, "invalid access token"},
		{"inactive user", basicAuth("bob", "pw-bob"), http.StatusUnauthorized, "invalid username or password"},
		{"admin basic", asAdmin, http.StatusOK, ""},
		{"admin basic, username case-insensitive", basicAuth("ADMIN", "sandbox"), http.StatusOK, ""},
		{"created user basic", basicAuth("alice", "pw-alice"), http.StatusOK, ""},
		{"bearer token", bearer(token), http.StatusOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := call(t, ts, tc.auth, http.MethodGet, "/jama/rest/v1/users/current", nil)
			if tc.want != http.StatusOK {
				wantError(t, r, tc.want, tc.message)
				if r.header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
				return
			}
			wantStatus(t, r, tc.want)
		})
	}

	t.Run("expired token", func(t *testing.T) {
		srv.clock = func() time.Time { return time.Now().Add(tokenLifetime + time.Minute) }
		defer func() { srv.clock = time.Now }()
		wantError(t, call(t, ts, bearer(token), http.MethodGet, "/jama/rest/v1/users/current", nil), http.StatusUnauthorized, "expired")
	})
}

func TestJamaOAuthToken(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	tests := []struct {
		name, id, secret, grant string
		want                    int
		oauthError              string
	}{
		{"ok", DefaultClientID, DefaultClientSecret, "client_credentials", http.StatusOK, ""},
		{"unknown client", "other", DefaultClientSecret, "client_credentials", http.StatusUnauthorized, "invalid_client"},
		{"wrong secret", DefaultClientID, "wrong", "client_credentials", http.StatusUnauthorized, "invalid_client"},
		{"no client", "", "", "client_credentials", http.StatusUnauthorized, "invalid_client"},
		{"password grant", DefaultClientID, DefaultClientSecret, "password", http.StatusUnauthorized, "unsupported_grant_type"},
		{"no grant", DefaultClientID, DefaultClientSecret, "", http.StatusUnauthorized, "unsupported_grant_type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tokenRequest(t, ts, "/jama", tc.id, tc.secret, tc.grant)
			wantStatus(t, r, tc.want)
			var body struct {
				AccessToken string `json:"access_token"`
				Error       string `json:"error"`
				Description string `json:"error_description"`
			}
			if err := json.Unmarshal(r.body, &body); err != nil {
				t.Fatalf("decode %s: %v", r.body, err)
			}
			if tc.oauthError == "" {
				if body.AccessToken == "" {
					t.Errorf("no access_token in %s", r.body)
				}
				return
			}
			if body.Error != tc.oauthError || body.Description == "" {
				t.Errorf("error = %q (%q), want %q with a description", body.Error, body.Description, tc.oauthError)
			}
		})
	}

	t.Run("client credentials in the form", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodPost, "/jama/rest/oauth/token",
			strings.NewReader("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = "127.0.0.1:1"
		rec := httptest.NewRecorder()
		srv, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		srv.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("status = %d, body %s", rec.Code, rec.Body)
		}
	})
}

func TestJamaCurrentUserAndSeed(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	r := call(t, ts, asAdmin, http.MethodGet, "/jama/rest/v1/users/current", nil)
	wantStatus(t, r, http.StatusOK)
	env := envelope[jama.User](t, r)
	want := jama.User{ID: 1, Username: "admin", FirstName: "Sandbox", LastName: "Admin", Email: "admin@example.com", LicenseType: "NAMED", Active: true}
	if env.Data != want {
		t.Errorf("current user = %+v, want %+v", env.Data, want)
	}
	if env.Meta.Status != "OK" {
		t.Errorf("meta.status = %q", env.Meta.Status)
	}
	if _, err := time.Parse(time.RFC3339, env.Meta.Timestamp); err != nil {
		t.Errorf("meta.timestamp %q: %v", env.Meta.Timestamp, err)
	}
	if strings.Contains(string(r.body), "password") {
		t.Errorf("answer leaks a password: %s", r.body)
	}
}

func TestJamaCreateAndGetUser(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	req := validUser("carol")
	req.Title, req.Phone, req.Location, req.LicenseType = "QA", "+1 555", "Lyon", "STAKEHOLDER"
	r := call(t, ts, asAdmin, http.MethodPost, "/jama/rest/v1/users", req)
	wantStatus(t, r, http.StatusCreated)
	env := envelope[json.RawMessage](t, r)
	if env.Meta.ID != 2 || env.Meta.Status != "Created" {
		t.Errorf("meta = %+v, want id 2, status Created", env.Meta)
	}
	wantLocation := ts.URL + "/jama/rest/v1/users/2"
	if env.Meta.Location != wantLocation || r.header.Get("Location") != wantLocation {
		t.Errorf("location = %q / header %q, want %q", env.Meta.Location, r.header.Get("Location"), wantLocation)
	}

	got := call(t, ts, asAdmin, http.MethodGet, "/jama/rest/v1/users/2", nil)
	wantStatus(t, got, http.StatusOK)
	if strings.Contains(string(got.body), "password") || strings.Contains(string(got.body), req.Password) {
		t.Errorf("answer leaks the password: %s", got.body)
	}
	want := jama.User{ID: 2, Username: "carol", FirstName: "First", LastName: "Last", Email: "carol@example.com",
		Phone: "+1 555", Title: "QA", Location: "Lyon", LicenseType: "STAKEHOLDER", Active: true}
	if u := envelope[jama.User](t, got).Data; u != want {
		t.Errorf("user = %+v, want %+v", u, want)
	}
}

func TestJamaUserValidation(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	tests := []struct {
		name   string
		edit   func(*jama.UserRequest)
		update bool
		field  string
	}{
		{"username missing", func(u *jama.UserRequest) { u.Username = "" }, false, "username is required"},
		{"username blank", func(u *jama.UserRequest) { u.Username = "  " }, false, "username is required"},
		{"username with space", func(u *jama.UserRequest) { u.Username = "a b" }, false, "username must not contain whitespace"},
		{"password missing", func(u *jama.UserRequest) { u.Password = "" }, false, "password is required"},
		{"firstName missing", func(u *jama.UserRequest) { u.FirstName = "" }, false, "firstName is required"},
		{"lastName missing", func(u *jama.UserRequest) { u.LastName = " " }, false, "lastName is required"},
		{"email missing", func(u *jama.UserRequest) { u.Email = "" }, false, "email is required"},
		{"email malformed", func(u *jama.UserRequest) { u.Email = "not-an-email" }, false, "email must be an email address"},
		{"email with name", func(u *jama.UserRequest) { u.Email = "Bob <bob@example.com>" }, false, "email must be an email address"},
		{"licenseType missing", func(u *jama.UserRequest) { u.LicenseType = "" }, false, "licenseType is required"},
		{"licenseType unknown", func(u *jama.UserRequest) { u.LicenseType = "GOLD" }, false, "licenseType must be one of"},
		{"update: username with tab", func(u *jama.UserRequest) { u.Username = "a\tb" }, true, "username must not contain whitespace"},
		{"update: email malformed", func(u *jama.UserRequest) { u.Email = "x@" }, true, "email must be an email address"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := validUser("dave")
			tc.edit(&req)
			method, path := http.MethodPost, "/jama/rest/v1/users"
			if tc.update {
				method, path = http.MethodPut, "/jama/rest/v1/users/1"
			}
			wantError(t, call(t, ts, asAdmin, method, path, req), http.StatusBadRequest, tc.field)
		})
	}

	t.Run("update without password is valid", func(t *testing.T) {
		req := validUser("admin")
		req.Password = ""
		wantStatus(t, call(t, ts, asAdmin, http.MethodPut, "/jama/rest/v1/users/1", req), http.StatusOK)
	})
	t.Run("several problems are all reported", func(t *testing.T) {
		wantError(t, call(t, ts, asAdmin, http.MethodPost, "/jama/rest/v1/users", jama.UserRequest{}), http.StatusBadRequest,
			"username", "password", "firstName", "lastName", "email", "licenseType")
	})
}

func TestJamaMalformedBodies(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	tests := []struct {
		name, path, method, body, message string
	}{
		{"syntax", "/jama/rest/v1/users", http.MethodPost, `{"username":`, "malformed JSON"},
		{"garbage", "/jama/rest/v1/users", http.MethodPost, `nope`, "malformed JSON"},
		{"empty", "/jama/rest/v1/users", http.MethodPost, ``, "request body is required"},
		{"array", "/jama/rest/v1/users", http.MethodPost, `[]`, "must be a JSON object"},
		{"wrong type", "/jama/rest/v1/users", http.MethodPost, `{"username": 5}`, "username"},
		{"two objects", "/jama/rest/v1/users", http.MethodPost, `{} {}`, "single JSON object"},
		{"active wrong type", "/jama/rest/v1/users/1/active", http.MethodPut, `{"active":"yes"}`, "active"},
		{"active missing", "/jama/rest/v1/users/1/active", http.MethodPut, `{}`, "active is required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantError(t, call(t, ts, asAdmin, tc.method, tc.path, tc.body), http.StatusBadRequest, tc.message)
		})
	}
}

func TestJamaDuplicateUsernames(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	erin := createUser(t, ts, validUser("erin"))
	createUser(t, ts, validUser("frank"))

	wantError(t, call(t, ts, asAdmin, http.MethodPost, "/jama/rest/v1/users", validUser("ERIN")), http.StatusConflict, "erin")
	wantError(t, call(t, ts, asAdmin, http.MethodPost, "/jama/rest/v1/users", validUser("Admin")), http.StatusConflict, "already used")
	wantError(t, call(t, ts, asAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d", erin), validUser("Frank")), http.StatusConflict, "frank")
	// Keeping one's own name, in another case, is no conflict.
	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d", erin), validUser("Erin")), http.StatusOK)
}

func TestJamaUpdateUser(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	id := createUser(t, ts, validUser("gina"))
	path := fmt.Sprintf("/jama/rest/v1/users/%d", id)

	req := validUser("gina2")
	req.Password = ""
	req.LicenseType = "TEST_RUNNER"
	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, path, req), http.StatusOK)
	if u := getUser(t, ts, id); u.Username != "gina2" || u.LicenseType != "TEST_RUNNER" || !u.Active {
		t.Errorf("after update: %+v", u)
	}
	// The empty password kept the old one.
	wantStatus(t, call(t, ts, basicAuth("gina2", "pw-gina"), http.MethodGet, "/jama/rest/v1/users/current", nil), http.StatusOK)

	req.Password = "new-secret"
	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, path, req), http.StatusOK)
	wantStatus(t, call(t, ts, basicAuth("gina2", "pw-gina"), http.MethodGet, "/jama/rest/v1/users/current", nil), http.StatusUnauthorized)
	r := call(t, ts, basicAuth("gina2", "new-secret"), http.MethodGet, "/jama/rest/v1/users/current", nil)
	wantStatus(t, r, http.StatusOK)
	if u := envelope[jama.User](t, r).Data; u.ID != id {
		t.Errorf("current user id = %d, want %d", u.ID, id)
	}
}

func TestJamaUserIDs(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	tests := []struct {
		name, method, path string
		body               any
		want               int
		message            string
	}{
		{"get non-numeric", http.MethodGet, "/jama/rest/v1/users/abc", nil, http.StatusBadRequest, "id must be an integer"},
		{"get unknown", http.MethodGet, "/jama/rest/v1/users/99", nil, http.StatusNotFound, "user 99 not found"},
		{"get zero", http.MethodGet, "/jama/rest/v1/users/0", nil, http.StatusNotFound, "not found"},
		{"get overflow", http.MethodGet, "/jama/rest/v1/users/99999999999999999999", nil, http.StatusBadRequest, "id must be an integer"},
		{"put unknown", http.MethodPut, "/jama/rest/v1/users/99", validUser("x"), http.StatusNotFound, "user 99 not found"},
		{"put non-numeric", http.MethodPut, "/jama/rest/v1/users/x", validUser("x"), http.StatusBadRequest, "id must be an integer"},
		{"activate unknown", http.MethodPut, "/jama/rest/v1/users/99/active", jama.ActiveRequest{Active: true}, http.StatusNotFound, "not found"},
		{"delete is not allowed", http.MethodDelete, "/jama/rest/v1/users/1", nil, http.StatusMethodNotAllowed, "DELETE"},
		{"unknown route", http.MethodGet, "/jama/rest/v1/projects", nil, http.StatusNotFound, "no resource"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := call(t, ts, asAdmin, tc.method, tc.path, tc.body)
			wantError(t, r, tc.want, tc.message)
			if tc.want == http.StatusMethodNotAllowed && !strings.Contains(r.header.Get("Allow"), "GET") {
				t.Errorf("Allow = %q", r.header.Get("Allow"))
			}
		})
	}
}

func TestJamaActiveAndFilters(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	hank := createUser(t, ts, validUser("hank"))
	createUser(t, ts, validUser("ivy"))
	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d/active", hank), jama.ActiveRequest{Active: false}), http.StatusOK)
	if u := getUser(t, ts, hank); u.Active {
		t.Fatalf("hank still active: %+v", u)
	}

	usernames := func(query string) []string {
		t.Helper()
		r := call(t, ts, asAdmin, http.MethodGet, "/jama/rest/v1/users"+query, nil)
		wantStatus(t, r, http.StatusOK)
		var names []string
		for _, u := range envelope[[]jama.User](t, r).Data {
			names = append(names, u.Username)
		}
		return names
	}
	tests := []struct {
		query string
		want  string
	}{
		{"", "admin,ivy"},
		{"?includeInactive=true", "admin,hank,ivy"},
		{"?includeInactive=false", "admin,ivy"},
		{"?username=HANK", ""},
		{"?username=HANK&includeInactive=true", "hank"},
		{"?email=Ivy@Example.com", "ivy"},
		{"?username=ivy&email=admin@example.com", ""},
		{"?username=iv", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(usernames(tc.query), ","); got != tc.want {
			t.Errorf("users%s = %q, want %q", tc.query, got, tc.want)
		}
	}
	wantError(t, call(t, ts, asAdmin, http.MethodGet, "/jama/rest/v1/users?includeInactive=maybe", nil), http.StatusBadRequest, "includeInactive")

	wantStatus(t, call(t, ts, asAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d/active", hank), jama.ActiveRequest{Active: true}), http.StatusOK)
	if got := strings.Join(usernames(""), ","); got != "admin,hank,ivy" {
		t.Errorf("after reactivation: %q", got)
	}
}

func TestJamaPaging(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	const created = 60
	for i := range created {
		createUser(t, ts, validUser(fmt.Sprintf("user%02d", i)))
	}
	const total = created + 1 // the admin

	listPage := func(query string) ([]jama.User, *jama.PageInfo) {
		t.Helper()
		r := call(t, ts, asAdmin, http.MethodGet, "/jama/rest/v1/users"+query, nil)
		wantStatus(t, r, http.StatusOK)
		env := envelope[[]jama.User](t, r)
		if env.Meta.PageInfo == nil {
			t.Fatalf("no pageInfo in %s", r.body)
		}
		return env.Data, env.Meta.PageInfo
	}

	users, info := listPage("")
	if len(users) != jama.DefaultMaxResults || *info != (jama.PageInfo{StartIndex: 0, ResultCount: 20, TotalResults: total}) {
		t.Errorf("default page: %d users, %+v", len(users), *info)
	}

	var seen []int64
	for start := 0; ; start += jama.MaxMaxResults {
		users, info := listPage(fmt.Sprintf("?startAt=%d&maxResults=%d", start, jama.MaxMaxResults))
		if info.StartIndex != start || info.TotalResults != total || info.ResultCount != len(users) {
			t.Fatalf("page at %d: %+v with %d users", start, *info, len(users))
		}
		for _, u := range users {
			seen = append(seen, u.ID)
		}
		if start+info.ResultCount >= info.TotalResults {
			break
		}
	}
	if len(seen) != total {
		t.Fatalf("paged through %d users, want %d", len(seen), total)
	}
	for i, id := range seen {
		if id != int64(i+1) {
			t.Fatalf("user #%d has id %d: ids must be sequential in order", i, id)
		}
	}

	users, info = listPage("?startAt=500")
	if len(users) != 0 || info.ResultCount != 0 || info.TotalResults != total {
		t.Errorf("past the end: %d users, %+v", len(users), *info)
	}

	for _, query := range []string{"?maxResults=51", "?maxResults=0", "?maxResults=x", "?startAt=-1", "?startAt=1.5"} {
		field := "maxResults"
		if strings.HasPrefix(query, "?startAt") {
			field = "startAt"
		}
		wantError(t, call(t, ts, asAdmin, http.MethodGet, "/jama/rest/v1/users"+query, nil), http.StatusBadRequest, field)
	}
}
