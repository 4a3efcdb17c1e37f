package jama_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// fakeJama serves h as a Jama instance and returns a client of it, logged in
// with Basic credentials.
func fakeJama(t *testing.T, h http.HandlerFunc) *jama.Client {
	t.Helper()
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	tc, err := transport.New(transport.Config{Product: "Jama", MaxRetries: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c, err := jama.New(hs.URL, jama.Credentials{Username: "admin", Password: "secret"}, tc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// answer writes a Jama envelope with status and the raw meta members.
func answer(w http.ResponseWriter, status int, meta string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, `{"meta":{"status":"`+http.StatusText(status)+`","timestamp":"2025-03-04T10:15:30.000+0000"`+meta+`},"links":{},"linked":{}}`)
}

// TestCreateUser_Duplicate: Jama answers a username in use with 400 and
// "already exists" in meta.message; the client reports a conflict, so the
// provider's adoption runs, and keeps Jama's status and words.
func TestCreateUser_Duplicate(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		status       int
		message      string
		wantConflict bool
		wantBadReq   bool
	}{
		"400 already exists, as Jama answers": {status: 400, message: "Entity with username jira.user already exists.", wantConflict: true, wantBadReq: true},
		"400 Already Exists in other case":    {status: 400, message: "User Already Exists", wantConflict: true, wantBadReq: true},
		"409 is a conflict too":               {status: 409, message: "username taken", wantConflict: true},
		"400 for another reason":              {status: 400, message: "email must be an email address", wantBadReq: true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := fakeJama(t, func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodPost || r.URL.Path != "/rest/v1/users" {
					t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
				}
				msg, _ := json.Marshal(tc.message)
				answer(w, tc.status, `,"message":`+string(msg))
			})
			_, err := c.CreateUser(context.Background(), jama.UserRequest{
				Username: "jira.user", Password: "p", FirstName: "F", LastName: "L", Email: "j@example.com", LicenseType: "NAMED",
			})
			if got := errors.Is(err, api.ErrConflict); got != tc.wantConflict {
				t.Errorf("errors.Is(%v, ErrConflict) = %t, want %t", err, got, tc.wantConflict)
			}
			if got := errors.Is(err, api.ErrBadRequest); got != tc.wantBadReq {
				t.Errorf("errors.Is(%v, ErrBadRequest) = %t, want %t", err, got, tc.wantBadReq)
			}
			var dup *jama.AlreadyExistsError
			if got := errors.As(err, &dup); got != (tc.status == 400 && tc.wantConflict) {
				t.Errorf("errors.As(AlreadyExistsError) = %t for %v", got, err)
			}
			var apiErr *api.Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status || apiErr.Message != tc.message {
				t.Fatalf("error %#v does not keep Jama's status and message", err)
			}
			if want := "Jama create user (POST /rest/v1/users): HTTP"; !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), tc.message) {
				t.Errorf("error %q, want it to start %q and quote Jama", err, want)
			}
		})
	}
}

// TestCreateUser_SendsPassword: POST /users carries the documented
// RequestUser members, password included, and the id comes from meta.id.
func TestCreateUser_SendsPassword(t *testing.T) {
	t.Parallel()
	var body map[string]any
	c := fakeJama(t, func(w http.ResponseWriter, r *http.Request) {
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			t.Errorf("decoding the request: %v", err)
		}
		answer(w, http.StatusCreated, `,"id":43,"location":"http://`+r.Host+`/rest/v1/users/43"`)
	})
	id, err := c.CreateUser(context.Background(), jama.UserRequest{
		Username: "svc", Password: "Initial-Pa55", FirstName: "S", LastName: "V", Email: "svc@example.com", LicenseType: "NAMED",
	})
	if err != nil || id != 43 {
		t.Fatalf("create: id %d, %v", id, err)
	}
	want := []string{"email", "firstName", "lastName", "licenseType", "password", "username"}
	if got := slices.Sorted(maps.Keys(body)); !slices.Equal(got, want) {
		t.Errorf("POST /users members %v, want %v", got, want)
	}
	if body["password"] != "Initial-Pa55" {
		t.Errorf("password sent as %v", body["password"])
	}
}

// TestUpdateUser_SendsNoPassword: Jama documents password as not valid on
// PUT /users/{id}, so the update never carries one.
func TestUpdateUser_SendsNoPassword(t *testing.T) {
	t.Parallel()
	var (
		body   map[string]any
		method string
		path   string
	)
	c := fakeJama(t, func(w http.ResponseWriter, r *http.Request) {
		method, path = r.Method, r.URL.Path
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			t.Errorf("decoding the request: %v", err)
		}
		answer(w, http.StatusOK, "")
	})
	err := c.UpdateUser(context.Background(), 43, jama.UserUpdate{
		Username: "svc", FirstName: "S", LastName: "V", Email: "svc@example.com", Title: "Service account", LicenseType: "NAMED",
	})
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	if method != http.MethodPut || path != "/rest/v1/users/43" {
		t.Errorf("sent %s %s, want PUT /rest/v1/users/43", method, path)
	}
	if _, ok := body["password"]; ok {
		t.Errorf("PUT /users/{id} carries a password: %v", body)
	}
	want := []string{"email", "firstName", "lastName", "licenseType", "location", "phone", "title", "username"}
	if got := slices.Sorted(maps.Keys(body)); !slices.Equal(got, want) {
		t.Errorf("PUT /users/{id} members %v, want %v", got, want)
	}
}

func TestHasRESTAccess(t *testing.T) {
	t.Parallel()
	for _, license := range jama.LicenseTypes {
		if got, want := jama.HasRESTAccess(license), license == "NAMED"; got != want {
			t.Errorf("HasRESTAccess(%q) = %t, want %t", license, got, want)
		}
	}
}
