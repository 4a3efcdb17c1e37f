package jama

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// body is a JSON request body, spelled member by member as Jama's
// RequestUser documents it.
type body map[string]any

// validUser returns a POST /users body that passes validation.
func validUser(username string) body {
	return body{
		"username": username, "password": "pw-" + username, "firstName": "First", "lastName": "Last",
		"email": username + "@example.com", "licenseType": "NAMED",
	}
}

// updateOf is u without its password: a valid PUT /users/{id} body.
func updateOf(u body) body {
	out := maps.Clone(u)
	delete(out, "password")
	return out
}

// with returns a copy of b with the given members set (nil removes one).
func (b body) with(kv ...any) body {
	out := maps.Clone(b)
	for i := 0; i+1 < len(kv); i += 2 {
		k := kv[i].(string)
		if kv[i+1] == nil {
			delete(out, k)
		} else {
			out[k] = kv[i+1]
		}
	}
	return out
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

// createUser creates a user and returns its id.
func createUser(t testing.TB, ts *httptest.Server, req body) int64 {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jama/rest/v1/users", req)
	wiretest.WantStatus(t, r, http.StatusCreated)
	return wiretest.Envelope[json.RawMessage](t, r).Meta.ID
}

func getUser(t testing.TB, ts *httptest.Server, id int64) user {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, fmt.Sprintf("/jama/rest/v1/users/%d", id), nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	return wiretest.Envelope[user](t, r).Data
}

func TestJamaAuthentication(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	createUser(t, ts, validUser("alice"))
	bob := createUser(t, ts, validUser("bob"))
	createUser(t, ts, validUser("fay").with("licenseType", "FLOATING"))
	createUser(t, ts, validUser("rita").with("licenseType", "NAMED_REVIEWER"))
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d/active", bob), body{"active": false}), http.StatusOK)
	token := wiretest.AccessToken(t, ts, "/jama")

	tests := []struct {
		name    string
		auth    wiretest.AuthFunc
		want    int
		message string
	}{
		{"no credentials", wiretest.NoAuth, http.StatusUnauthorized, "authentication required"},
		{"wrong password", wiretest.BasicAuth("admin", "nope"), http.StatusUnauthorized, "invalid username or password"},
		{"unknown user", wiretest.BasicAuth("nobody", "sandbox"), http.StatusUnauthorized, "invalid username or password"},
		{"unknown scheme", func(r *http.Request) { r.Header.Set("Authorization", "Digest x") }, http.StatusUnauthorized, "unsupported"},
		{"bad token", wiretest.Bearer("not-a-token"), http.StatusUnauthorized, "invalid access token"},
		{"inactive user", wiretest.BasicAuth("bob", "pw-bob"), http.StatusUnauthorized, "invalid username or password"},
		{"floating creator has no REST access", wiretest.BasicAuth("fay", "pw-fay"), http.StatusUnauthorized, "license type FLOATING, which has no REST API access"},
		{"reviewer has no REST access", wiretest.BasicAuth("rita", "pw-rita"), http.StatusUnauthorized, "NAMED_REVIEWER"},
		{"floating creator, wrong password", wiretest.BasicAuth("fay", "nope"), http.StatusUnauthorized, "invalid username or password"},
		{"admin basic", wiretest.AsAdmin, http.StatusOK, ""},
		{"admin basic, username case-insensitive", wiretest.BasicAuth("ADMIN", "sandbox"), http.StatusOK, ""},
		{"created user basic", wiretest.BasicAuth("alice", "pw-alice"), http.StatusOK, ""},
		{"bearer token", wiretest.Bearer(token), http.StatusOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := wiretest.Call(t, ts, tc.auth, http.MethodGet, "/jama/rest/v1/users/current", nil)
			if tc.want != http.StatusOK {
				wiretest.WantJamaError(t, r, tc.want, tc.message)
				if r.Header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
				return
			}
			wiretest.WantStatus(t, r, tc.want)
		})
	}

	t.Run("expired token", func(t *testing.T) {
		srv.SetClock(func() time.Time { return time.Now().Add(tokenLifetime + time.Minute) })
		defer func() { srv.SetClock(time.Now) }()
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.Bearer(token), http.MethodGet, "/jama/rest/v1/users/current", nil), http.StatusUnauthorized, "expired")
	})
}

func TestJamaOAuthToken(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	tests := []struct {
		name, id, secret, grant string
		want                    int
		oauthError              string
	}{
		{"ok", kernel.DefaultClientID, kernel.DefaultClientSecret, "client_credentials", http.StatusOK, ""},
		{"unknown client", "other", kernel.DefaultClientSecret, "client_credentials", http.StatusUnauthorized, "invalid_client"},
		{"wrong secret", kernel.DefaultClientID, "wrong", "client_credentials", http.StatusUnauthorized, "invalid_client"},
		{"no client", "", "", "client_credentials", http.StatusUnauthorized, "invalid_client"},
		{"password grant", kernel.DefaultClientID, kernel.DefaultClientSecret, "password", http.StatusUnauthorized, "unsupported_grant_type"},
		{"no grant", kernel.DefaultClientID, kernel.DefaultClientSecret, "", http.StatusUnauthorized, "unsupported_grant_type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := wiretest.TokenRequest(t, ts, "/jama", tc.id, tc.secret, tc.grant)
			wiretest.WantStatus(t, r, tc.want)
			var body struct {
				AccessToken string `json:"access_token"`
				Error       string `json:"error"`
				Description string `json:"error_description"`
			}
			if err := json.Unmarshal(r.Body, &body); err != nil {
				t.Fatalf("decode %s: %v", r.Body, err)
			}
			if tc.oauthError == "" {
				if body.AccessToken == "" {
					t.Errorf("no access_token in %s", r.Body)
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
		srv, err := kernel.NewServer(kernel.Options{}, New())
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
	_, ts := newTestServer(t, kernel.Options{})
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/current", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	env := wiretest.Envelope[json.RawMessage](t, r)
	wantJSON(t, env.Data, `{
		"id": 1, "username": "admin", "firstName": "Sandbox", "lastName": "Admin",
		"email": "admin@example.com", "licenseType": "NAMED", "active": true
	}`)
	if env.Meta.Status != "OK" {
		t.Errorf("meta.status = %q", env.Meta.Status)
	}
	// Jama writes timestamps like 2025-03-04T10:15:30.000+0000.
	if _, err := time.Parse("2006-01-02T15:04:05.000-0700", env.Meta.Timestamp); err != nil {
		t.Errorf("meta.timestamp %q: %v", env.Meta.Timestamp, err)
	}
	wantJSON(t, r.Body, fmt.Sprintf(`{"meta": {"status": "OK", "timestamp": %q}, "links": {}, "linked": {}, "data": %s}`, env.Meta.Timestamp, env.Data))
	if strings.Contains(string(r.Body), "password") {
		t.Errorf("answer leaks a password: %s", r.Body)
	}
}

func TestJamaCreateAndGetUser(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	req := validUser("carol").with("title", "QA", "phone", "+1 555", "location", "Lyon", "licenseType", "STAKEHOLDER")
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jama/rest/v1/users", req)
	wiretest.WantStatus(t, r, http.StatusCreated)
	env := wiretest.Envelope[json.RawMessage](t, r)
	if env.Meta.ID != 2 || env.Meta.Status != "Created" {
		t.Errorf("meta = %+v, want id 2, status Created", env.Meta)
	}
	wantLocation := ts.URL + "/jama/rest/v1/users/2"
	if env.Meta.Location != wantLocation || r.Header.Get("Location") != wantLocation {
		t.Errorf("location = %q / header %q, want %q", env.Meta.Location, r.Header.Get("Location"), wantLocation)
	}

	got := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users/2", nil)
	wiretest.WantStatus(t, got, http.StatusOK)
	if strings.Contains(string(got.Body), "password") || strings.Contains(string(got.Body), "pw-carol") {
		t.Errorf("answer leaks the password: %s", got.Body)
	}
	wantJSON(t, wiretest.Envelope[json.RawMessage](t, got).Data, `{
		"id": 2, "username": "carol", "firstName": "First", "lastName": "Last", "email": "carol@example.com",
		"phone": "+1 555", "title": "QA", "location": "Lyon", "licenseType": "STAKEHOLDER", "active": true
	}`)
	wantJSON(t, r.Body, fmt.Sprintf(`{"meta": {"status": "Created", "timestamp": %q, "id": 2, "location": %q}, "links": {}, "linked": {}}`,
		env.Meta.Timestamp, wantLocation))
}

func TestJamaUserValidation(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	tests := []struct {
		name   string
		req    body
		update bool
		field  string
	}{
		{"username missing", validUser("d").with("username", nil), false, "username is required"},
		{"username blank", validUser("d").with("username", "  "), false, "username must not be empty"},
		{"username with space", validUser("d").with("username", "a b"), false, "username must not contain whitespace"},
		{"password missing", validUser("d").with("password", nil), false, "password is required"},
		{"password empty", validUser("d").with("password", ""), false, "password must not be empty"},
		{"firstName missing", validUser("d").with("firstName", nil), false, "firstName is required"},
		{"lastName blank", validUser("d").with("lastName", " "), false, "lastName must not be empty"},
		{"email missing", validUser("d").with("email", nil), false, "email is required"},
		{"email malformed", validUser("d").with("email", "not-an-email"), false, "email must be an email address"},
		{"email with name", validUser("d").with("email", "Bob <bob@example.com>"), false, "email must be an email address"},
		{"licenseType missing", validUser("d").with("licenseType", nil), false, "licenseType is required"},
		{"licenseType unknown", validUser("d").with("licenseType", "GOLD"), false, "licenseType must be one of"},
		{"update: username with tab", updateOf(validUser("a\tb")), true, "username must not contain whitespace"},
		{"update: email malformed", updateOf(validUser("admin")).with("email", "x@"), true, "email must be an email address"},
		{"update: firstName empty", body{"firstName": ""}, true, "firstName must not be empty"},
		{"update: password is not valid", validUser("admin"), true, "password is not valid on update"},
		{"update: password alone is not valid", body{"password": "new-secret"}, true, "password is not valid on update"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method, path := http.MethodPost, "/jama/rest/v1/users"
			if tc.update {
				method, path = http.MethodPut, "/jama/rest/v1/users/1"
			}
			wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, method, path, tc.req), http.StatusBadRequest, tc.field)
		})
	}

	t.Run("update without password is valid", func(t *testing.T) {
		wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, "/jama/rest/v1/users/1", updateOf(validUser("admin"))), http.StatusOK)
	})
	t.Run("several problems are all reported", func(t *testing.T) {
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jama/rest/v1/users", body{}), http.StatusBadRequest,
			"username", "password", "firstName", "lastName", "email", "licenseType")
	})
}

func TestJamaMalformedBodies(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
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
			wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, tc.method, tc.path, tc.body), http.StatusBadRequest, tc.message)
		})
	}
}

// TestJamaDuplicateUsernames: like Jama, a username in use (compared
// without regard to case) is a 400 whose message says "already exists".
func TestJamaDuplicateUsernames(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	erin := createUser(t, ts, validUser("erin"))
	createUser(t, ts, validUser("frank"))

	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jama/rest/v1/users", validUser("ERIN")), http.StatusBadRequest, "ERIN", "already exists")
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jama/rest/v1/users", validUser("Admin")), http.StatusBadRequest, "already exists")
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d", erin), updateOf(validUser("Frank"))), http.StatusBadRequest, "already exists")
	// Keeping one's own name, in another case, is no conflict.
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d", erin), updateOf(validUser("Erin"))), http.StatusOK)
}

// TestJamaUpdateUser: PUT /users/{id} changes the members it carries and
// keeps the others; it can never change the password.
func TestJamaUpdateUser(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	id := createUser(t, ts, validUser("gina").with("phone", "+1 555", "title", "QA"))
	path := fmt.Sprintf("/jama/rest/v1/users/%d", id)

	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, path,
		updateOf(validUser("gina2")).with("licenseType", "NAMED", "title", "")), http.StatusOK)
	if u := getUser(t, ts, id); u.Username != "gina2" || u.Title != "" || u.Phone != "+1 555" || !u.Active {
		t.Errorf("after update: %+v, want the new username, the title cleared and the phone kept", u)
	}
	// An update of one member keeps every other.
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, path, body{"location": "Lyon"}), http.StatusOK)
	if u := getUser(t, ts, id); u.Username != "gina2" || u.Location != "Lyon" || u.Email != "gina2@example.com" || u.Phone != "+1 555" {
		t.Errorf("after a partial update: %+v", u)
	}
	// A password on update is refused, and the old one still logs in.
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, path, updateOf(validUser("gina2")).with("password", "new-secret")),
		http.StatusBadRequest, "password is not valid on update")
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.BasicAuth("gina2", "new-secret"), http.MethodGet, "/jama/rest/v1/users/current", nil), http.StatusUnauthorized)
	r := wiretest.Call(t, ts, wiretest.BasicAuth("gina2", "pw-gina"), http.MethodGet, "/jama/rest/v1/users/current", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	if u := wiretest.Envelope[user](t, r).Data; u.ID != id {
		t.Errorf("current user id = %d, want %d", u.ID, id)
	}
}

func TestJamaUserIDs(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
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
		{"put unknown", http.MethodPut, "/jama/rest/v1/users/99", updateOf(validUser("x")), http.StatusNotFound, "user 99 not found"},
		{"put non-numeric", http.MethodPut, "/jama/rest/v1/users/x", updateOf(validUser("x")), http.StatusBadRequest, "id must be an integer"},
		{"activate unknown", http.MethodPut, "/jama/rest/v1/users/99/active", body{"active": true}, http.StatusNotFound, "not found"},
		{"delete is not allowed", http.MethodDelete, "/jama/rest/v1/users/1", nil, http.StatusMethodNotAllowed, "DELETE"},
		{"unknown route", http.MethodGet, "/jama/rest/v1/projects", nil, http.StatusNotFound, "no resource"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := wiretest.Call(t, ts, wiretest.AsAdmin, tc.method, tc.path, tc.body)
			wiretest.WantJamaError(t, r, tc.want, tc.message)
			if tc.want == http.StatusMethodNotAllowed && !strings.Contains(r.Header.Get("Allow"), "GET") {
				t.Errorf("Allow = %q", r.Header.Get("Allow"))
			}
		})
	}
}

func TestJamaActiveAndFilters(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	hank := createUser(t, ts, validUser("hank"))
	createUser(t, ts, validUser("ivy"))
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d/active", hank), body{"active": false}), http.StatusOK)
	if u := getUser(t, ts, hank); u.Active {
		t.Fatalf("hank still active: %+v", u)
	}

	usernames := func(query string) []string {
		t.Helper()
		r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users"+query, nil)
		wiretest.WantStatus(t, r, http.StatusOK)
		var names []string
		for _, u := range wiretest.Envelope[[]user](t, r).Data {
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
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users?includeInactive=maybe", nil), http.StatusBadRequest, "includeInactive")

	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d/active", hank), body{"active": true}), http.StatusOK)
	if got := strings.Join(usernames(""), ","); got != "admin,hank,ivy" {
		t.Errorf("after reactivation: %q", got)
	}
}

func TestJamaPaging(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	const created = 60
	for i := range created {
		createUser(t, ts, validUser(fmt.Sprintf("user%02d", i)))
	}
	const total = created + 1 // the admin

	listPage := func(query string) ([]user, *wiretest.JamaPageInfo) {
		t.Helper()
		r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users"+query, nil)
		wiretest.WantStatus(t, r, http.StatusOK)
		env := wiretest.Envelope[[]user](t, r)
		if env.Meta.PageInfo == nil {
			t.Fatalf("no pageInfo in %s", r.Body)
		}
		return env.Data, env.Meta.PageInfo
	}

	users, info := listPage("")
	if len(users) != 20 || *info != (wiretest.JamaPageInfo{StartIndex: 0, ResultCount: 20, TotalResults: total}) {
		t.Errorf("default page: %d users, %+v", len(users), *info)
	}

	var seen []int64
	for start := 0; ; start += 50 {
		users, info := listPage(fmt.Sprintf("?startAt=%d&maxResults=50", start))
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

	// As on Jama, asking for more than 50 gets 50.
	users, info = listPage("?maxResults=500")
	if len(users) != 50 || *info != (wiretest.JamaPageInfo{StartIndex: 0, ResultCount: 50, TotalResults: total}) {
		t.Errorf("maxResults=500: %d users, %+v", len(users), *info)
	}

	for _, query := range []string{"?maxResults=0", "?maxResults=x", "?startAt=-1", "?startAt=1.5"} {
		field := "maxResults"
		if strings.HasPrefix(query, "?startAt") {
			field = "startAt"
		}
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama/rest/v1/users"+query, nil), http.StatusBadRequest, field)
	}
}
