package jama_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/readcache/readcachetest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// routeCounter counts the sandbox's Jama requests by route between two
// points of a test.
func routeCounter(sb *sandboxtest.Sandbox) func() map[string]int64 {
	before := sb.Server.Stats().Products["jama"].Routes
	return func() map[string]int64 {
		after := sb.Server.Stats().Products["jama"].Routes
		diff := map[string]int64{}
		for k, v := range after {
			if d := v - before[k]; d != 0 {
				diff[k] = d
			}
		}
		return diff
	}
}

func wantRoutes(t *testing.T, got map[string]int64, want map[string]int64) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("requests %v, want %v", got, want)
	}
}

// sameShapes holds every element of the list answer at listPath to the
// read of the same object (readPath with its id): no member the read
// answers is missing from the list.
func sameShapes(t *testing.T, sb *sandboxtest.Sandbox, listPath string, readPath func(id int64) string, enveloped bool) {
	t.Helper()
	elems, err := readcachetest.ListElements(sb.MustCall(t, http.StatusOK, http.MethodGet, listPath, nil))
	if err != nil || len(elems) == 0 {
		t.Fatalf("list %s: %d elements, %v", listPath, len(elems), err)
	}
	for _, el := range elems {
		var obj struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal(el, &obj); err != nil {
			t.Fatal(err)
		}
		read, err := readcachetest.ReadObject(sb.MustCall(t, http.StatusOK, http.MethodGet, readPath(obj.ID), nil), enveloped)
		if err != nil {
			t.Fatal(err)
		}
		readcachetest.SameShape(t, fmt.Sprintf("%s %d", listPath, obj.ID), read, el)
	}
}

// Reading many users: one GET, then the list (every user, inactive ones
// too, 50 a page); each user read equals a plain GET field for field,
// and a user written through the client is read back by GET.
func TestUsers_ManyReadsAreServedFromTheList(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t)
	base := sb.ProductURL("jama")
	setup := newClient(t, base, admin)
	ctx := context.Background()
	ids := []int64{1} // the seeded admin
	for i := range 60 {
		req := user(fmt.Sprintf("reader%02d", i))
		if i%3 == 0 {
			req.Phone, req.Title, req.Location = "+1 555 0100", "Engineer", "Lab "+fmt.Sprint(i)
		}
		if i%4 == 0 {
			req.LicenseType = "FLOATING"
		}
		id, err := setup.CreateUser(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if i%5 == 0 {
			if err := setup.SetUserActive(ctx, id, false); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, id)
	}

	c := newClient(t, base, admin)
	count := routeCounter(sb)
	got := map[int64]jama.User{}
	for _, id := range ids {
		u, err := c.GetUser(ctx, id)
		if err != nil {
			t.Fatalf("read %d: %v", id, err)
		}
		got[id] = u
	}
	wantRoutes(t, count(), map[string]int64{"GET /rest/v1/users": 2, "GET /rest/v1/users/{id}": 1})
	for _, id := range ids {
		plain, err := newClient(t, base, admin).GetUser(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		readcachetest.Same(t, fmt.Sprintf("user %d", id), got[id], plain)
	}
	sameShapes(t, sb, "/jama/rest/v1/users?includeInactive=true&maxResults=50", func(id int64) string { return fmt.Sprintf("/jama/rest/v1/users/%d", id) }, true)

	// A write, then its read-back: a real GET that sees the write.
	u := got[ids[10]]
	count = routeCounter(sb)
	if err := c.UpdateUser(ctx, u.ID, jama.UserUpdate{Username: u.Username, FirstName: "Changed", LastName: u.LastName, Email: u.Email, LicenseType: u.LicenseType}); err != nil {
		t.Fatal(err)
	}
	back, err := c.GetUser(ctx, u.ID)
	if err != nil || back.FirstName != "Changed" {
		t.Errorf("read-back after update: %+v, %v", back, err)
	}
	wantRoutes(t, count(), map[string]int64{"PUT /rest/v1/users/{id}": 1, "GET /rest/v1/users/{id}": 1})
}

// Reading many JIRA connections: one GET, then the list; each equals a
// plain GET, and the list lacks no member of the read.
func TestJiraConnections_ManyReadsAreServedFromTheList(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t)
	base := sb.ProductURL("jama")
	setup := newClient(t, base, admin)
	ctx := context.Background()
	var ids []int64
	for i := range 55 {
		conn := jiraConnection(fmt.Sprintf("https://jira%02d.example.com", i))
		if i%2 == 0 {
			conn.Schedule = jama.SyncSchedule{Type: jama.ScheduleCron, Cron: "0 15 10 ? * mon-fri"}
			conn.FailureNotificationUser = "admin"
			conn.UsePlainText, conn.Enabled = true, false
		}
		id, err := setup.CreateJiraConnection(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}

	c := newClient(t, base, admin)
	count := routeCounter(sb)
	got := map[int64]jama.JiraConnection{}
	for _, id := range ids {
		conn, err := c.GetJiraConnection(ctx, id)
		if err != nil {
			t.Fatalf("read %d: %v", id, err)
		}
		got[id] = conn
	}
	wantRoutes(t, count(), map[string]int64{
		"GET /almsync/jama-jira-connector/v1/contract":         1,
		"GET /almsync/jama-jira-connector/v1/connections":      2,
		"GET /almsync/jama-jira-connector/v1/connections/{id}": 1,
	})
	for _, id := range ids {
		plain, err := newClient(t, base, admin).GetJiraConnection(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		readcachetest.Same(t, fmt.Sprintf("connection %d", id), got[id], plain)
	}
	sameShapes(t, sb, "/jama/almsync/jama-jira-connector/v1/connections?maxResults=50", func(id int64) string {
		return fmt.Sprintf("/jama/almsync/jama-jira-connector/v1/connections/%d", id)
	}, true)

	// A deleted connection is not served from the list: it reads as gone.
	count = routeCounter(sb)
	if err := c.DeleteJiraConnection(ctx, ids[3]); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetJiraConnection(ctx, ids[3]); err == nil {
		t.Error("a deleted connection was read")
	}
	wantRoutes(t, count(), map[string]int64{
		"DELETE /almsync/jama-jira-connector/v1/connections/{id}": 1,
		"GET /almsync/jama-jira-connector/v1/connections/{id}":    1,
	})
}
