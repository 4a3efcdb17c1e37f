package jama_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// jiraConnection returns a connection the sandbox accepts: it runs as the
// seeded admin every hour.
func jiraConnection(jiraURL string) jama.JiraConnection {
	return jama.JiraConnection{
		JiraURL:      jiraURL,
		JiraUsername: "jira-sync",
		JiraPassword: "secret-for-" + jiraURL,
		JamaUser:     "admin",
		Schedule:     jama.SyncSchedule{Type: jama.ScheduleInterval, IntervalMinutes: 60},
		Enabled:      true,
	}
}

func TestJiraConnections_CreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	c := newClient(t, base+"/jama", admin)
	ctx := context.Background()

	in := jiraConnection("https://acme.atlassian.net")
	in.JiraUsername = "sync@acme.example"
	in.Schedule = jama.SyncSchedule{Type: jama.ScheduleCron, Cron: "0  15 10 ? * mon-fri"}
	in.FailureNotificationUser = "Admin"
	in.UsePlainText = true
	in.ID = 42 // ignored on create
	id, err := c.CreateJiraConnection(ctx, in)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if id != 1 {
		t.Errorf("id = %d, want 1", id)
	}

	got, err := c.GetJiraConnection(ctx, id)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	want := in
	want.ID, want.JiraPassword = id, ""
	want.Schedule.Cron = "0 15 10 ? * MON-FRI" // the server normalises crons
	if got != want {
		t.Errorf("read = %+v, want %+v", got, want)
	}
	if pw, ok := srv.JiraConnectionPassword(id); !ok || pw != in.JiraPassword {
		t.Errorf("stored password = %q %t, want %q", pw, ok, in.JiraPassword)
	}

	upd := got
	upd.JiraPassword = "" // keeps the stored one
	upd.Schedule = jama.SyncSchedule{Type: jama.ScheduleInterval, IntervalMinutes: 720}
	upd.Enabled, upd.FailureNotificationUser = false, ""
	if err := c.UpdateJiraConnection(ctx, id, upd); err != nil {
		t.Fatalf("update: %v", err)
	}
	if got, err := c.GetJiraConnection(ctx, id); err != nil || got != upd {
		t.Errorf("after update = %+v, %v; want %+v", got, err, upd)
	}
	if pw, _ := srv.JiraConnectionPassword(id); pw != in.JiraPassword {
		t.Errorf("password after an update without one = %q, want the stored one", pw)
	}
	upd.JiraPassword = "rotated"
	if err := c.UpdateJiraConnection(ctx, id, upd); err != nil {
		t.Fatalf("update with a password: %v", err)
	}
	if pw, _ := srv.JiraConnectionPassword(id); pw != "rotated" {
		t.Errorf("password after rotation = %q", pw)
	}

	if err := c.DeleteJiraConnection(ctx, id); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := c.GetJiraConnection(ctx, id); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("read after delete: %v, want ErrNotFound", err)
	}
	if _, ok, err := c.FindJiraConnection(ctx, in.JiraURL); err != nil || ok {
		t.Errorf("find after delete: %t %v", ok, err)
	}
}

func TestJiraConnections_OAuth(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jama", jama.Credentials{ClientID: "sandbox-client", ClientSecret: "sandbox-secret"})
	ctx := context.Background()
	id, err := c.CreateJiraConnection(ctx, jiraConnection("https://jira.example.com"))
	if err != nil {
		t.Fatalf("create with a bearer token: %v", err)
	}
	if _, err := c.GetJiraConnection(ctx, id); err != nil {
		t.Errorf("read with a bearer token: %v", err)
	}
}

func TestJiraConnections_FindByURL(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jama", admin)
	ctx := context.Background()

	// More than one page of connections, so Find pages.
	ids := make(map[string]int64)
	for i := range 60 {
		u := fmt.Sprintf("https://jira%02d.example.com", i)
		id, err := c.CreateJiraConnection(ctx, jiraConnection(u))
		if err != nil {
			t.Fatal(err)
		}
		ids[u] = id
	}
	trailing, err := c.CreateJiraConnection(ctx, jiraConnection("http://jira.internal:8080/jira/"))
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		query string
		want  int64 // 0: not found
	}{
		{"https://jira00.example.com", ids["https://jira00.example.com"]},
		{"https://jira59.example.com", ids["https://jira59.example.com"]},
		{"HTTPS://JIRA42.Example.COM", ids["https://jira42.example.com"]},
		{"https://jira42.example.com/", ids["https://jira42.example.com"]},
		{"http://jira.internal:8080/jira", trailing},
		{"http://JIRA.internal:8080/jira/", trailing},
		{"https://jira60.example.com", 0},
		{"http://jira42.example.com", 0},
		{"https://jira42.example.com/sub", 0},
	}
	for _, tc := range tests {
		got, ok, err := c.FindJiraConnection(ctx, tc.query)
		switch {
		case err != nil:
			t.Errorf("find %s: %v", tc.query, err)
		case tc.want == 0 && ok:
			t.Errorf("find %s = %+v, want none", tc.query, got)
		case tc.want != 0 && (!ok || got.ID != tc.want):
			t.Errorf("find %s = %+v %t, want id %d", tc.query, got, ok, tc.want)
		case ok && got.JiraPassword != "":
			t.Errorf("find %s returned a password", tc.query)
		}
	}
}

func TestJiraConnections_Errors(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jama", admin)
	ctx := context.Background()

	if _, err := c.GetJiraConnection(ctx, 9999); !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "Jama read JIRA connection") {
		t.Errorf("read unknown id: %v, want ErrNotFound naming the operation", err)
	}
	if err := c.UpdateJiraConnection(ctx, 9999, jiraConnection("https://x.example.com")); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("update unknown id: %v, want ErrNotFound", err)
	}
	if err := c.DeleteJiraConnection(ctx, 9999); !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "delete JIRA connection") {
		t.Errorf("delete unknown id: %v, want ErrNotFound naming the operation", err)
	}

	// The vendor's message reaches the caller.
	bad := jiraConnection("https://bad.example.com")
	bad.JamaUser = "ghost"
	_, err := c.CreateJiraConnection(ctx, bad)
	var apiErr *api.Error
	if !errors.Is(err, api.ErrBadRequest) || !errors.As(err, &apiErr) ||
		apiErr.Message != `jamaUser "ghost" is not an active Jama user: no such user` || apiErr.Operation != "create JIRA connection" {
		t.Errorf("unknown jamaUser: %v, want ErrBadRequest with the vendor message", err)
	}
	bad = jiraConnection("https://bad.example.com")
	bad.Schedule = jama.SyncSchedule{Type: jama.ScheduleCron, Cron: "0 0 * * * *"}
	if _, err := c.CreateJiraConnection(ctx, bad); !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "schedule.cron") {
		t.Errorf("invalid cron: %v, want ErrBadRequest naming schedule.cron", err)
	}

	first, err := c.CreateJiraConnection(ctx, jiraConnection("https://jira.example.com"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateJiraConnection(ctx, jiraConnection("https://JIRA.example.com/")); !errors.Is(err, api.ErrConflict) {
		t.Errorf("duplicate URL: %v, want ErrConflict", err)
	}
	second, err := c.CreateJiraConnection(ctx, jiraConnection("https://jira2.example.com"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.UpdateJiraConnection(ctx, second, jiraConnection("https://jira.example.com")); !errors.Is(err, api.ErrConflict) ||
		!strings.Contains(err.Error(), fmt.Sprint(first)) {
		t.Errorf("update onto another connection's URL: %v, want ErrConflict naming connection %d", err, first)
	}

	wrong := newClient(t, base+"/jama", jama.Credentials{Username: "admin", Password: "wrong"})
	if _, _, err := wrong.FindJiraConnection(ctx, "https://jira.example.com"); !errors.Is(err, api.ErrUnauthorized) {
		t.Errorf("wrong password: %v, want ErrUnauthorized", err)
	}
}

// TestJiraConnections_LostAnswerDoesNotDuplicate forwards the first create
// to the sandbox but answers 502, as a proxy that lost the answer would.
func TestJiraConnections_LostAnswerDoesNotDuplicate(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	target, _ := url.Parse(base)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var lost atomic.Bool
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/almsync/jama-jira-connector/v1/connections") && lost.CompareAndSwap(false, true) {
			proxy.ServeHTTP(httptest.NewRecorder(), r) // applied, answer lost
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)

	c := newClient(t, front.URL+"/jama", admin)
	ctx := context.Background()
	// The lookup matches the stored URL despite a different spelling.
	id, err := c.CreateJiraConnection(ctx, jiraConnection("https://Jira.Example.com/"))
	if err != nil {
		t.Fatalf("create with a lost answer: %v", err)
	}
	if !lost.Load() {
		t.Fatal("the create was not intercepted")
	}
	got, ok, err := c.FindJiraConnection(ctx, "https://jira.example.com")
	if err != nil || !ok || got.ID != id {
		t.Fatalf("find: %+v %t %v (id %d)", got, ok, err, id)
	}
	if n := srv.Stats().Products["jama"].Routes["POST /almsync/jama-jira-connector/v1/connections"]; n != 1 {
		t.Errorf("POST /connections sent %d times, want 1", n)
	}

	// A lost answer to a create that did not reach the server is still an
	// error: nothing is found, so nothing is adopted.
	lostBefore := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(lostBefore.Close)
	c2 := newClient(t, lostBefore.URL+"/jama", admin)
	if _, err := c2.CreateJiraConnection(ctx, jiraConnection("https://never.example.com")); err == nil || !strings.Contains(err.Error(), "502") {
		t.Errorf("create never applied: %v, want the 502", err)
	}
}
