package jira_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
)

func TestDefaultRequiredPermissions(t *testing.T) {
	t.Parallel()
	want := []string{"BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "ADD_COMMENTS", "CREATE_ATTACHMENTS"}
	got := jira.DefaultRequiredPermissions()
	if !slices.Equal(got, want) {
		t.Fatalf("DefaultRequiredPermissions = %v, want %v", got, want)
	}
	got[0] = "CHANGED"
	if jira.DefaultRequiredPermissions()[0] != "BROWSE_PROJECTS" {
		t.Error("DefaultRequiredPermissions shares its slice between calls")
	}
}

func TestMyPermissions(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	keys := append(jira.DefaultRequiredPermissions(), jira.PermissionModifyReporter)
	for _, s := range bothSites {
		for name, tc := range map[string]struct {
			creds   jira.Credentials
			lacking []string
		}{
			"sync":    {syncAccount, nil},
			"limited": {limitedAccount, []string{jira.PermissionCreateAttachments}},
		} {
			t.Run(s.deployment+"/"+name, func(t *testing.T) {
				t.Parallel()
				perms, err := newClient(t, root+s.path, tc.creds).MyPermissions(context.Background(), keys, "SYNC")
				if err != nil {
					t.Fatalf("MyPermissions: %v", err)
				}
				if len(perms) != len(keys) {
					t.Fatalf("permissions = %+v, want %v", perms, keys)
				}
				var lacking []string
				for _, k := range keys {
					p, ok := perms[k]
					if !ok || p.Key != k || p.ID == "" || p.Name == "" || p.Type != "PROJECT" || p.Description == "" {
						t.Errorf("permission %s = %+v", k, p)
					}
					if !p.HavePermission {
						lacking = append(lacking, k)
					}
				}
				if !slices.Equal(lacking, tc.lacking) {
					t.Errorf("lacking %v, want %v", lacking, tc.lacking)
				}
			})
		}
	}
}

func TestMyPermissions_WithoutProject(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	perms, err := newClient(t, root+cloudSite.path, limitedAccount).MyPermissions(context.Background(), []string{jira.PermissionBrowseProjects}, "")
	if err != nil || !perms[jira.PermissionBrowseProjects].HavePermission {
		t.Errorf("MyPermissions = %+v, %v", perms, err)
	}
}

// TestMyPermissions_WithoutKeys checks both answers to a request without
// keys: Jira Cloud's 400, and every permission on Server and Data Center.
func TestMyPermissions_WithoutKeys(t *testing.T) {
	t.Parallel()
	stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("permissions") {
			http.Error(w, "unexpected permissions parameter", http.StatusTeapot)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/cloud/") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"errorMessages":["The 'permissions' query parameter is required."],"errors":{}}`))
			return
		}
		serveJSON(w, `{"permissions":{
			"ADMINISTER":{"id":"0","key":"ADMINISTER","name":"Administer Jira","type":"GLOBAL","description":"Create and administer projects.","havePermission":false},
			"BROWSE_PROJECTS":{"id":"10","key":"BROWSE_PROJECTS","name":"Browse Projects","type":"PROJECT","description":"Ability to browse projects.","havePermission":true}}}`)
	})
	_, err := newClient(t, stub+"/cloud", stubAccount).MyPermissions(context.Background(), nil, "")
	if !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "The 'permissions' query parameter is required.") {
		t.Errorf("Cloud without keys: %v, want Jira's 400", err)
	}
	perms, err := newClient(t, stub+"/datacenter", stubAccount).MyPermissions(context.Background(), nil, "")
	if err != nil || len(perms) != 2 || perms["ADMINISTER"].HavePermission || !perms["BROWSE_PROJECTS"].HavePermission {
		t.Errorf("Data Center without keys: %+v, %v", perms, err)
	}
}

func TestMyPermissions_UnknownProjectAndKey(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	for _, s := range bothSites {
		c := newClient(t, root+s.path, syncAccount)
		_, err := c.MyPermissions(context.Background(), jira.DefaultRequiredPermissions(), "NOPE")
		if !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "No project could be found with key 'NOPE'.") ||
			!strings.Contains(err.Error(), "Jira read permissions") {
			t.Errorf("%s unknown project: %v", s.deployment, err)
		}
		_, err = c.MyPermissions(context.Background(), []string{"FLY"}, "")
		if !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "FLY") {
			t.Errorf("%s unknown key: %v", s.deployment, err)
		}
	}
}
