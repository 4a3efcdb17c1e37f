package aqua_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// lostOnce answers the first call with 502, as a proxy that lost aqua's
// answer would; with applied set, aqua did apply that first call. Later
// calls are answered with then.
func lostOnce(applied *atomic.Bool, apply bool, then answer) handler {
	return func(_ request, n int) answer {
		if n == 1 {
			applied.Store(apply)
			return answer{status: http.StatusBadGateway}
		}
		applied.Store(true)
		return then
	}
}

// either answers with yes once applied is set, else with no.
func either(applied *atomic.Bool, yes, no string) handler {
	return func(request, int) answer {
		if applied.Load() {
			return answer{http.StatusOK, yes}
		}
		return answer{http.StatusOK, no}
	}
}

func TestCreate_LostAnswerIsAdoptedNotRepeated(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		post   string
		routes func(applied *atomic.Bool) map[string]handler
		create func(ctx context.Context, c *aqua.Client) error
	}{
		"user": {
			post: "POST /api/System/User",
			routes: func(applied *atomic.Bool) map[string]handler {
				return map[string]handler{
					"GET /api/System/User":   either(applied, "["+userSummaryJSON+"]", "[]"),
					"GET /api/System/User/7": fixed(http.StatusOK, userJSON),
				}
			},
			create: func(ctx context.Context, c *aqua.Client) error {
				u, err := c.CreateUser(ctx, userReq("jira.sync"), true)
				if err == nil && u.ID != 7 {
					t.Errorf("adopted user = %+v", u)
				}
				return err
			},
		},
		"license": {
			post: "POST /api/System/User/7/License",
			routes: func(applied *atomic.Bool) map[string]handler {
				return map[string]handler{"GET /api/System/User/7": either(applied, userJSON, userWithoutExtraJSON)}
			},
			create: func(ctx context.Context, c *aqua.Client) error {
				return c.AssignLicense(ctx, 7, "JIRASYNC", aqua.LicenseNamed)
			},
		},
		"project assignment": {
			post: "POST /api/Project/2/UserAssignment",
			routes: func(applied *atomic.Bool) map[string]handler {
				return map[string]handler{
					"GET /api/System/Role":              fixed(http.StatusOK, rolesJSON),
					"GET /api/Project/2/UserAssignment": either(applied, projectAssignments, `{"Assignements": []}`),
				}
			},
			create: func(ctx context.Context, c *aqua.Client) error {
				return c.AddAssignment(ctx, 2, 7, aqua.RoleProjectAdministrator)
			},
		},
		"field entry": {
			post: "POST /api/Project/2/Meta/Defect/Fields/Resolution/Entries",
			routes: func(applied *atomic.Bool) map[string]handler {
				return map[string]handler{"GET /api/Project/2/Meta/Defect/Fields/Resolution/Entries": either(applied,
					`{"Id": 12, "Name": "Resolution", "Entries": [{"Id": 33, "Name": "Unresolved", "IsDefault": false}]}`,
					`{"Id": 12, "Name": "Resolution", "Entries": []}`)}
			},
			create: func(ctx context.Context, c *aqua.Client) error {
				e, err := c.AddFieldEntry(ctx, 2, "Defect", "Resolution", aqua.FieldEntryRequest{Name: "Unresolved"})
				if err == nil && e.ID != 33 {
					t.Errorf("adopted entry = %+v", e)
				}
				return err
			},
		},
		"sync definition": {
			post: "POST /almsync/aqua-jira-sync/v1/definitions",
			routes: func(applied *atomic.Bool) map[string]handler {
				return map[string]handler{"GET /almsync/aqua-jira-sync/v1/definitions": either(applied, "["+syncDefinitionJSON+"]", "[]")}
			},
			create: func(ctx context.Context, c *aqua.Client) error {
				d, err := c.CreateSyncDefinition(ctx, cloudDefinition("Pilot"))
				if err == nil && d.ID != 4 {
					t.Errorf("adopted definition = %+v", d)
				}
				return err
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var applied atomic.Bool
			f := newFakeAqua(t, tc.routes(&applied))
			f.route(tc.post, lostOnce(&applied, true, answer{http.StatusInternalServerError, ""}))
			if err := tc.create(context.Background(), f.client(t)); err != nil {
				t.Fatalf("create with a lost answer: %v", err)
			}
			if n := len(f.received(tc.post)); n != 1 {
				t.Errorf("%s sent %d times, want 1", tc.post, n)
			}
		})
	}
}

// TestCreate_LostRequestIsPostedAgain: a create that never reached aqua is
// not found by the lookup, which proves it was not applied, so it is posted
// again.
func TestCreate_LostRequestIsPostedAgain(t *testing.T) {
	t.Parallel()
	var applied atomic.Bool
	f := newFakeAqua(t, map[string]handler{
		"POST /api/System/User":  lostOnce(&applied, false, answer{http.StatusOK, userCreatedJSON}),
		"GET /api/System/User":   either(&applied, "["+userSummaryJSON+"]", "[]"),
		"GET /api/System/User/7": fixed(http.StatusOK, userJSON),
	})
	u, err := f.client(t).CreateUser(context.Background(), userReq("jira.sync"), true)
	if err != nil || u.ID != 7 {
		t.Fatalf("create after a lost request: %+v, %v", u, err)
	}
	if n := len(f.received("POST /api/System/User")); n != 2 {
		t.Errorf("aqua received %d creates, want 2 (the first was lost before aqua)", n)
	}
}
