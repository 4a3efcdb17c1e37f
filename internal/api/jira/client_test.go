package jira_test

import (
	"context"
	"net/http"
	"strings"
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

func TestCredentials_StringHidesPassword(t *testing.T) {
	t.Parallel()
	s := jira.Credentials{Username: "sync@example.com", Password: "token-123"}.String()
	if strings.Contains(s, "token-123") || !strings.Contains(s, "sync@example.com") {
		t.Errorf("String() = %q", s)
	}
	if got := (jira.Credentials{}).String(); got != "anonymous" {
		t.Errorf("empty credentials: %q", got)
	}
}
