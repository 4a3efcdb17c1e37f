package jira_test

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

func TestNew_RejectsBadInput(t *testing.T) {
	t.Parallel()
	tc, err := transport.New(transport.Config{Product: "Jira"})
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		url  string
		tc   *transport.Client
		want string
	}{
		"relative URL":    {"jira.example.com", tc, "absolute http(s) URL"},
		"other scheme":    {"ftp://jira.example.com", tc, "absolute http(s) URL"},
		"query":           {"https://jira.example.com/?a=b", tc, "must not have a query"},
		"user info":       {"https://me:secret@jira.example.com", tc, "must not have"},
		"nil transport":   {"https://jira.example.com", nil, "nil transport"},
		"unparsable host": {"https://[::1", tc, "absolute http(s) URL"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := jira.New(tt.url, jira.Credentials{}, tt.tc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New(%q) = %v, want an error containing %q", tt.url, err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("the error shows the password: %v", err)
			}
		})
	}
}

// TestNew_KeepsContextPath checks that a site below a context path (Jira
// Server's /jira) keeps it, with or without a trailing slash, and that
// requests carry Basic credentials and ask for JSON.
func TestNew_KeepsContextPath(t *testing.T) {
	t.Parallel()
	stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if r.URL.Path != "/jira/rest/api/2/myself" || r.URL.Query().Get("expand") != "groups,applicationRoles" ||
			!ok || user != "u" || pass != "p" || r.Header.Get("Accept") != "application/json" {
			http.Error(w, "unexpected request "+r.URL.String(), http.StatusTeapot)
			return
		}
		_, _ = w.Write([]byte(`{"name":"u","key":"u","active":true,"groups":{"size":1,"items":[{"name":"jira-users"}]}}`))
	})
	for _, suffix := range []string{"/jira", "/jira/"} {
		u, err := newClient(t, stub+suffix, jira.Credentials{Username: "u", Password: "p"}).Myself(context.Background())
		if err != nil || u.Name != "u" || len(u.Groups) != 1 || u.Groups[0] != "jira-users" {
			t.Errorf("%s: Myself = %+v, %v", suffix, u, err)
		}
	}
}

func TestCredentials_StringHidesSecrets(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		creds  jira.Credentials
		secret string
		want   string
	}{
		"basic":                 {jira.Credentials{Username: "sync@example.com", Password: "token-123"}, "token-123", `user "sync@example.com"`},
		"token":                 {jira.PersonalAccessTokenCredentials("pat-456"), "pat-456", "personal access token"},
		"token with a username": {jira.Credentials{Username: "jsync", PersonalAccessToken: "pat-456"}, "pat-456", `personal access token of user "jsync"`},
		"none":                  {jira.Credentials{}, "", "anonymous"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := tc.creds.String()
			if s != tc.want || (tc.secret != "" && strings.Contains(s, tc.secret)) {
				t.Errorf("String() = %q, want %q", s, tc.want)
			}
		})
	}
}

func TestCredentials_AuthorizationHeader(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		creds  jira.Credentials
		want   string
		bearer bool
	}{
		"basic":                      {jira.Credentials{Username: "u", Password: "p"}, "Basic dTpw", false},
		"token":                      {jira.PersonalAccessTokenCredentials("NjQ3OTc0"), "Bearer NjQ3OTc0", true},
		"token wins over a password": {jira.Credentials{Username: "u", Password: "p", PersonalAccessToken: "t"}, "Bearer t", true},
		"none":                       {jira.Credentials{}, "", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.creds.AuthorizationHeader(); got != tc.want {
				t.Errorf("AuthorizationHeader() = %q, want %q", got, tc.want)
			}
			if got := tc.creds.BearerToken(); got != tc.bearer {
				t.Errorf("BearerToken() = %t, want %t", got, tc.bearer)
			}
		})
	}
}

// TestPersonalAccessToken_SentAsBearer checks that a personal access token
// goes as "Authorization: Bearer", on every authenticated request and, after
// an anonymous refusal, on the public ones, and never as Basic.
func TestPersonalAccessToken_SentAsBearer(t *testing.T) {
	t.Parallel()
	const token = "NjQ3OTc0MjM4NTM0OvTqYzsqOF9vUs6EO1KhnScmBp5k"
	var bearerRequests atomic.Int32
	stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
		if _, _, basic := r.BasicAuth(); basic || r.Header.Get("Authorization") != "Bearer "+token {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"errorMessages":["You are not authenticated. Authentication required to perform this operation."],"errors":{}}`))
			return
		}
		bearerRequests.Add(1)
		switch r.URL.Path {
		case "/rest/api/2/serverInfo":
			serveJSON(w, dataCenterServerInfo)
		case "/rest/api/2/myself":
			serveJSON(w, `{"key":"JIRAUSER10100","name":"jsync","displayName":"Jama Sync","active":true,"groups":{"size":1,"items":[{"name":"jira-users"}]}}`)
		default:
			http.NotFound(w, r)
		}
	})
	c := newClient(t, stub, jira.Credentials{Username: "ignored", Password: "ignored", PersonalAccessToken: token})
	if u, err := c.Myself(context.Background()); err != nil || u.Name != "jsync" {
		t.Fatalf("Myself = %+v, %v", u, err)
	}
	if si, err := c.ServerInfo(context.Background()); err != nil || si.DeploymentType != jira.DeploymentDataCenter {
		t.Fatalf("ServerInfo = %+v, %v", si, err)
	}
	if n := bearerRequests.Load(); n != 2 {
		t.Errorf("%d requests carried the token, want 2", n)
	}
}

// TestNew_CloudRefusesPersonalAccessTokens checks that a personal access
// token for a Jira Cloud URL fails before anything is sent, naming the fix.
func TestNew_CloudRefusesPersonalAccessTokens(t *testing.T) {
	t.Parallel()
	tc, err := transport.New(transport.Config{Product: "Jira"})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"https://acme.atlassian.net", "https://api.atlassian.com/ex/jira/11223344-a1b2-3b33-c444-def123456789"} {
		_, err := jira.New(u, jira.PersonalAccessTokenCredentials("secret-pat"), tc)
		if err == nil || !strings.Contains(err.Error(), "API token") || strings.Contains(err.Error(), "secret-pat") {
			t.Errorf("New(%s, token) = %v, want an error naming the API token and not the token", u, err)
		}
	}
}
