package aqua_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// loseFirstPost returns an interceptor that answers 502 to the first POST
// whose path ends with suffix; with apply set it forwards that POST to the
// sandbox first, so the create happens but its answer is lost.
func loseFirstPost(suffix string, apply bool) interceptor {
	var lost atomic.Bool
	return func(w http.ResponseWriter, r *http.Request, _ []byte, forward http.Handler) bool {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, suffix) || !lost.CompareAndSwap(false, true) {
			return false
		}
		if apply {
			forward.ServeHTTP(httptest.NewRecorder(), r)
		}
		w.WriteHeader(http.StatusBadGateway)
		return true
	}
}

func TestCreate_LostAnswerIsAdoptedNotRepeated(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		suffix string
		route  string
		create func(ctx context.Context, c *aqua.Client) error
		check  func(ctx context.Context, c *aqua.Client) (int, error)
	}{
		"user": {
			suffix: "/api/System/User", route: "POST /api/System/User",
			create: func(ctx context.Context, c *aqua.Client) error {
				u, err := c.CreateUser(ctx, userReq("once"))
				if err == nil && (u.ID == 0 || u.UserName != "once") {
					return errors.New("adopted user is incomplete")
				}
				return err
			},
			check: func(ctx context.Context, c *aqua.Client) (int, error) {
				users, err := c.ListUsers(ctx)
				return countIf(users, func(u aqua.User) bool { return u.UserName == "once" }), err
			},
		},
		"sync definition": {
			suffix: "/api/JiraSync/Definition", route: "POST /api/JiraSync/Definition",
			create: func(ctx context.Context, c *aqua.Client) error {
				d, err := c.CreateSyncDefinition(ctx, cloudDefinition("once"))
				if err == nil && d.ID == 0 {
					return errors.New("adopted definition has no id")
				}
				return err
			},
			check: func(ctx context.Context, c *aqua.Client) (int, error) {
				defs, err := c.ListSyncDefinitions(ctx)
				return len(defs), err
			},
		},
		"license": {
			suffix: "/License", route: "POST /api/System/User/{id}/License",
			create: func(ctx context.Context, c *aqua.Client) error { return c.AddUserLicense(ctx, 1, "VIEWER") },
			check: func(ctx context.Context, c *aqua.Client) (int, error) {
				held, err := c.ListUserLicenses(ctx, 1)
				return countIf(held, func(l aqua.UserLicense) bool { return l.Code == "VIEWER" }), err
			},
		},
		"field entry": {
			suffix: "/Entries", route: "POST /api/Project/{pid}/Meta/{itemType}/Fields/{fieldId}/Entries",
			create: func(ctx context.Context, c *aqua.Client) error {
				_, err := c.AddFieldEntry(ctx, 2, "Defect", "Resolution", "Unresolved")
				return err
			},
			check: func(ctx context.Context, c *aqua.Client) (int, error) {
				entries, err := c.ListFieldEntries(ctx, 2, "Defect", "Resolution")
				return countIf(entries, func(e aqua.FieldEntry) bool { return e.Value == "Unresolved" }), err
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv, root := startSandbox(t)
			c := newClient(t, startFront(t, root, loseFirstPost(tc.suffix, true)), admin)
			ctx := context.Background()
			if err := tc.create(ctx, c); err != nil {
				t.Fatalf("create with a lost answer: %v", err)
			}
			if n, err := tc.check(ctx, c); err != nil || n != 1 {
				t.Errorf("objects after the create = %d (%v), want 1", n, err)
			}
			if n := routeCount(srv, tc.route); n != 1 {
				t.Errorf("%s sent %d times, want 1", tc.route, n)
			}
		})
	}
}

// TestCreate_LostRequestIsPostedAgain: a create that never reached aqua is
// not found by the lookup, which proves it was not applied, so it is posted
// again and the user exists exactly once.
func TestCreate_LostRequestIsPostedAgain(t *testing.T) {
	t.Parallel()
	srv, root := startSandbox(t)
	c := newClient(t, startFront(t, root, loseFirstPost("/api/System/User", false)), admin)
	ctx := context.Background()
	u, err := c.CreateUser(ctx, userReq("never"))
	if err != nil {
		t.Fatalf("create after a lost request: %v", err)
	}
	found, ok, err := c.FindUser(ctx, "never")
	if err != nil || !ok || found.ID != u.ID {
		t.Fatalf("find: %+v %t %v (created %d)", found, ok, err, u.ID)
	}
	if n := routeCount(srv, "POST /api/System/User"); n != 1 {
		t.Errorf("aqua received %d creates, want 1 (the first never arrived)", n)
	}
}

// countIf counts the elements of s that match.
func countIf[T any](s []T, match func(T) bool) int {
	n := 0
	for _, v := range s {
		if match(v) {
			n++
		}
	}
	return n
}
