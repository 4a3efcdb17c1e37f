package jira

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

func TestJiraServerInfo_AnonymousOnEverySite(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range allJiraSites {
		t.Run(site.kind, func(t *testing.T) {
			r := site.Get(t, ts, wiretest.NoAuth, "/rest/api/2/serverInfo")
			wiretest.WantStatus(t, r, http.StatusOK)
			wantMembers(t, "serverInfo", decodeJira[map[string]json.RawMessage](t, r),
				[]string{"baseUrl", "version", "versionNumbers", "deploymentType", "buildNumber", "buildDate", "serverTime", "scmInfo", "serverTitle"}, nil)
			info := decodeJira[jiraServerInfo](t, r)
			if info.BaseURL != ts.URL+site.path || info.DeploymentType != site.kind {
				t.Errorf("baseUrl %q, deploymentType %q; want %q, %q", info.BaseURL, info.DeploymentType, ts.URL+site.path, site.kind)
			}
			if info.Version == "" || len(info.VersionNumbers) != 3 || info.BuildNumber == 0 || info.ServerTitle == "" {
				t.Errorf("serverInfo = %+v", info)
			}
			if !strings.HasPrefix(info.Version, strconv.Itoa(info.VersionNumbers[0])+".") {
				t.Errorf("versionNumbers %v do not match version %q", info.VersionNumbers, info.Version)
			}
			if _, err := time.Parse(jiraTimeLayout, info.ServerTime); err != nil {
				t.Errorf("serverTime %q: %v", info.ServerTime, err)
			}
		})
	}
}

func TestJiraServiceDeskInfo_Anonymous(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range allJiraSites {
		t.Run(site.kind, func(t *testing.T) {
			r := site.Get(t, ts, wiretest.NoAuth, "/rest/servicedeskapi/info")
			wiretest.WantStatus(t, r, http.StatusOK)
			wantMembers(t, "info", decodeJira[map[string]json.RawMessage](t, r),
				[]string{"version", "platformVersion", "buildDate", "buildChangeSet", "isLicensedForUse", "_links"}, nil)
			info := decodeJira[jiraServiceDeskInfo](t, r)
			if info.Version == "" || info.PlatformVersion == "" || !info.IsLicensedForUse {
				t.Errorf("info = %+v", info)
			}
			if info.BuildDate.ISO8601 == "" || info.BuildDate.EpochMillis == 0 {
				t.Errorf("buildDate = %+v", info.BuildDate)
			}
			if info.Links["self"] != ts.URL+site.path+"/rest/servicedeskapi/info" {
				t.Errorf("_links = %v", info.Links)
			}
		})
	}
}

func TestJiraMyself_CloudShape(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	site := allJiraSites[0]
	r := site.Get(t, ts, asJiraSync, "/rest/api/2/myself?expand=groups,applicationRoles")
	wiretest.WantStatus(t, r, http.StatusOK)
	wantMembers(t, "Cloud user", decodeJira[map[string]json.RawMessage](t, r),
		[]string{"self", "accountId", "accountType", "emailAddress", "displayName", "active", "timeZone", "groups", "applicationRoles"},
		[]string{"key", "name"})
	u := decodeJira[jiraCloudUser](t, r)
	if u.AccountID == "" || u.AccountType != "atlassian" || u.EmailAddress != JiraSyncAccount || !u.Active {
		t.Errorf("user = %+v", u)
	}
	if u.Self != ts.URL+"/jira/rest/api/2/user?accountId="+u.AccountID {
		t.Errorf("self = %q", u.Self)
	}
	var groups []string
	for _, g := range u.Groups.Items {
		groups = append(groups, g.Name)
		if g.GroupID == "" || g.Self == "" {
			t.Errorf("group %+v lacks groupId or self", g)
		}
	}
	if u.Groups.Size != 2 || !reflect.DeepEqual(groups, []string{"jira-software-users", "jira-users"}) {
		t.Errorf("groups = %+v", u.Groups)
	}
	if u.ApplicationRoles.Size != 1 || len(u.ApplicationRoles.Items) != 1 || u.ApplicationRoles.Items[0].Key != "jira-software" {
		t.Errorf("applicationRoles = %+v", u.ApplicationRoles)
	}
}

func TestJiraMyself_ServerShape(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range allJiraSites[1:] {
		t.Run(site.kind, func(t *testing.T) {
			r := site.Get(t, ts, wiretest.AsAdmin, "/rest/api/2/myself?expand=groups")
			wiretest.WantStatus(t, r, http.StatusOK)
			wantMembers(t, "Server user", decodeJira[map[string]json.RawMessage](t, r),
				[]string{"self", "key", "name", "emailAddress", "displayName", "active", "groups"},
				[]string{"accountId", "accountType"})
			u := decodeJira[jiraServerUser](t, r)
			if u.Name != kernel.DefaultUsername || u.Key == "" || u.Self != ts.URL+site.path+"/rest/api/2/user?username=admin" {
				t.Errorf("user = %+v", u)
			}
			if len(u.Groups.Items) != 2 || u.Groups.Items[0].Name != "jira-administrators" {
				t.Errorf("groups = %+v", u.Groups)
			}
			// Only the groups were expanded.
			if u.ApplicationRoles.Size != 2 || len(u.ApplicationRoles.Items) != 0 {
				t.Errorf("applicationRoles = %+v, want size 2 and no items", u.ApplicationRoles)
			}
		})
	}
}

func TestJiraMyself_GroupItemsOnlyWhenExpanded(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range allJiraSites {
		r := site.Get(t, ts, asJiraLimited, "/rest/api/2/myself")
		wiretest.WantStatus(t, r, http.StatusOK)
		body := decodeJira[map[string]json.RawMessage](t, r)
		if got := string(body["groups"]); got != `{"size":1,"items":[]}` {
			t.Errorf("%s: groups = %s, want size 1 and no items", site.kind, got)
		}
	}
}

func TestJiraMyPermissions(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	const seed000 = "BROWSE_PROJECTS,CREATE_ISSUES,EDIT_ISSUES,ADD_COMMENTS,CREATE_ATTACHMENTS,MODIFY_REPORTER"
	for _, site := range allJiraSites {
		t.Run(site.kind, func(t *testing.T) {
			for _, tc := range []struct {
				account string
				auth    wiretest.AuthFunc
				lacking []string
			}{
				{"sync", asJiraSync, nil},
				{"limited", asJiraLimited, []string{"CREATE_ATTACHMENTS"}},
				{"admin", wiretest.AsAdmin, nil},
			} {
				r := site.Get(t, ts, tc.auth, "/rest/api/2/mypermissions?projectKey=SYNC&permissions="+seed000)
				wiretest.WantStatus(t, r, http.StatusOK)
				got := decodeJira[jiraMyPermissions](t, r)
				if len(got.Permissions) != 6 {
					t.Fatalf("%s: permissions = %+v, want the six asked for", tc.account, got.Permissions)
				}
				var lacking []string
				for key, p := range got.Permissions {
					if p.Key != key || p.ID == "" || p.Name == "" || p.Type != "PROJECT" || p.Description == "" {
						t.Errorf("%s: permission %s = %+v", tc.account, key, p)
					}
					if !p.HavePermission {
						lacking = append(lacking, key)
					}
				}
				if !slices.Equal(lacking, tc.lacking) {
					t.Errorf("%s lacks %v, want %v", tc.account, lacking, tc.lacking)
				}
			}
		})
	}
}

func TestJiraMyPermissions_Shape(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	r := allJiraSites[0].Get(t, ts, asJiraSync, "/rest/api/2/mypermissions?permissions=CREATE_ATTACHMENTS")
	wiretest.WantStatus(t, r, http.StatusOK)
	want := `{"permissions":{"CREATE_ATTACHMENTS":{"id":"19","key":"CREATE_ATTACHMENTS","name":"Create Attachments","type":"PROJECT","description":"Users with this permission may create attachments.","havePermission":true}}}` + "\n"
	if string(r.Body) != want {
		t.Errorf("body = %s\nwant   %s", r.Body, want)
	}
}

func TestJiraMyPermissions_PermissionsParameter(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	cloud, server := allJiraSites[0], allJiraSites[1]
	for _, query := range []string{"", "?permissions=", "?permissions=%20,%20&projectKey=SYNC"} {
		wantJiraError(t, cloud.Get(t, ts, asJiraSync, "/rest/api/2/mypermissions"+query),
			http.StatusBadRequest, "The 'permissions' query parameter is required.")
	}
	// Server and Data Center answer every permission.
	r := server.Get(t, ts, asJiraLimited, "/rest/api/2/mypermissions")
	wiretest.WantStatus(t, r, http.StatusOK)
	got := decodeJira[jiraMyPermissions](t, r).Permissions
	if len(got) != len(jiraPermissionCatalog()) || got["ADMINISTER"].Type != "GLOBAL" || got["ADMINISTER"].HavePermission || !got["BROWSE_PROJECTS"].HavePermission {
		t.Errorf("permissions = %+v", got)
	}
	for _, site := range allJiraSites {
		wantJiraError(t, site.Get(t, ts, asJiraSync, "/rest/api/2/mypermissions?permissions=BROWSE_PROJECTS,FLY"),
			http.StatusBadRequest, "FLY")
	}
}

func TestJiraMyPermissions_UnknownProject(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range allJiraSites {
		wantJiraError(t, site.Get(t, ts, asJiraSync, "/rest/api/2/mypermissions?permissions=BROWSE_PROJECTS&projectKey=NOPE"),
			http.StatusNotFound, "No project could be found with key 'NOPE'.")
		wiretest.WantStatus(t, site.Get(t, ts, asJiraSync, "/rest/api/2/mypermissions?permissions=BROWSE_PROJECTS&projectKey=JSM"), http.StatusOK)
	}
}

func TestJiraResolutions(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range allJiraSites {
		r := site.Get(t, ts, asJiraSync, "/rest/api/2/resolution")
		wiretest.WantStatus(t, r, http.StatusOK)
		var names []string
		for _, res := range decodeJira[[]jiraResolutionJSON](t, r) {
			names = append(names, res.Name)
			if res.Self != ts.URL+site.path+"/rest/api/2/resolution/"+res.ID || res.Description == "" {
				t.Errorf("%s: resolution %+v", site.kind, res)
			}
		}
		want := []string{"Fixed", "Won't Fix", "Duplicate", "Incomplete", "Cannot Reproduce", "Done"}
		if !slices.Equal(names, want) {
			t.Errorf("%s: resolutions %v, want %v", site.kind, names, want)
		}
	}
}

func TestJiraProject(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range allJiraSites {
		for path, want := range map[string]string{"/SYNC": "Jama Sync", "/sync": "Jama Sync", "/JSM": "Service Desk", "/10001": "Service Desk"} {
			r := site.Get(t, ts, asJiraSync, "/rest/api/2/project"+path)
			wiretest.WantStatus(t, r, http.StatusOK)
			p := decodeJira[jiraProjectJSON](t, r)
			if p.Name != want || p.ID == "" || p.Key == "" || p.Self != ts.URL+site.path+"/rest/api/2/project/"+p.ID {
				t.Errorf("%s %s: project = %+v", site.kind, path, p)
			}
		}
		wantJiraError(t, site.Get(t, ts, asJiraSync, "/rest/api/2/project/NOPE"),
			http.StatusNotFound, "No project could be found with key 'NOPE'.")
		wantJiraUnauthorized(t, site.Get(t, ts, wiretest.NoAuth, "/rest/api/2/project/SYNC"))
	}
}

func TestJiraResetKeepsFixtures(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	srv.Reset()
	r := wiretest.Call(t, ts, asJiraSync, http.MethodGet, "/jira/rest/api/2/resolution", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	if n := len(decodeJira[[]jiraResolutionJSON](t, r)); n != 6 {
		t.Errorf("resolutions after reset = %d, want 6", n)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, asJiraSync, http.MethodGet, "/jira/rest/api/2/project/SYNC", nil), http.StatusOK)
}
