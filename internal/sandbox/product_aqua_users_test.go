package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

func TestAquaUsers_CreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)

	r := c.do(http.MethodPost, "/api/System/User", aqua.UserRequest{UserName: "sync.user", FirstName: "Sync", Surname: "User",
		Email: "sync@example.com", Position: "Service account"})
	wantStatus(t, r, http.StatusCreated)
	u := aquaDecode[aqua.User](t, r)
	if u.ID != 2 || u.Fullname != "Sync User" || u.Position != "Service account" {
		t.Errorf("created user = %+v", u)
	}
	if loc := r.header.Get("Location"); !strings.HasSuffix(loc, "/aqua/api/System/User/2") {
		t.Errorf("Location = %q", loc)
	}
	path := fmt.Sprintf("/api/System/User/%d", u.ID)
	if got := aquaDecode[aqua.User](t, c.do(http.MethodGet, path, nil)); got != u {
		t.Errorf("read = %+v, want %+v", got, u)
	}
	if users := aquaDecode[[]aqua.User](t, c.do(http.MethodGet, "/api/System/User", nil)); len(users) != 2 || users[1] != u {
		t.Errorf("list = %+v", users)
	}

	// PUT replaces every field: the position sent empty is cleared.
	r = c.do(http.MethodPut, path, aqua.UserRequest{UserName: "sync.user", FirstName: "Jira", Surname: "Sync", Email: "jira.sync@example.com"})
	wantStatus(t, r, http.StatusOK)
	if got := aquaDecode[aqua.User](t, r); got.Fullname != "Jira Sync" || got.Email != "jira.sync@example.com" || got.Position != "" {
		t.Errorf("after PUT = %+v", got)
	}
	// PATCH changes only the members sent.
	r = c.do(http.MethodPatch, path, map[string]string{"Phone": "+49 123"})
	wantStatus(t, r, http.StatusOK)
	if got := aquaDecode[aqua.User](t, r); got.Phone != "+49 123" || got.Email != "jira.sync@example.com" {
		t.Errorf("after PATCH = %+v", got)
	}

	wantStatus(t, c.do(http.MethodDelete, path, nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodGet, path, nil), http.StatusNotFound, "aqua user 2 does not exist")
	wantAquaError(t, c.do(http.MethodDelete, path, nil), http.StatusNotFound)
}

func TestAquaUsers_Validation(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	tests := map[string]struct {
		change func(*aqua.UserRequest)
		want   []string
	}{
		"no user name":    {func(u *aqua.UserRequest) { u.UserName = " " }, []string{"UserName is required"}},
		"blank in name":   {func(u *aqua.UserRequest) { u.UserName = "a b" }, []string{"UserName must not contain whitespace"}},
		"no first name":   {func(u *aqua.UserRequest) { u.FirstName = "" }, []string{"FirstName is required"}},
		"no surname":      {func(u *aqua.UserRequest) { u.Surname = "" }, []string{"Surname is required"}},
		"empty email":     {func(u *aqua.UserRequest) { u.Email = "" }, []string{"Email is required", "errors during synchronization"}},
		"malformed email": {func(u *aqua.UserRequest) { u.Email = "not-an-email" }, []string{"Email must be an email address", "not-an-email"}},
		"every problem at once": {func(u *aqua.UserRequest) { *u = aqua.UserRequest{} },
			[]string{"UserName is required", "FirstName is required", "Surname is required", "Email is required"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := aquaUserReq("valid")
			tc.change(&req)
			wantAquaError(t, c.do(http.MethodPost, "/api/System/User", req), http.StatusBadRequest, tc.want...)
			wantAquaError(t, c.do(http.MethodPut, "/api/System/User/1", req), http.StatusBadRequest, tc.want...)
		})
	}
	wantAquaError(t, c.do(http.MethodPost, "/api/System/User", `{"UserName": 5}`), http.StatusBadRequest, "UserName")
}

func TestAquaUsers_UserNamesAreUniqueIgnoringCase(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	wantAquaError(t, c.do(http.MethodPost, "/api/System/User", aquaUserReq("ADMIN")), http.StatusConflict, `UserName "ADMIN" is already used by aqua user 1`)
	u := c.createUser("tester")
	wantAquaError(t, c.do(http.MethodPut, fmt.Sprintf("/api/System/User/%d", u.ID), aquaUserReq("Admin")), http.StatusConflict, "aqua user 1")
	wantAquaError(t, c.do(http.MethodPatch, fmt.Sprintf("/api/System/User/%d", u.ID), map[string]string{"UserName": "admin"}), http.StatusConflict)
	// Renaming a user to its own name in another case is fine.
	wantStatus(t, c.do(http.MethodPut, fmt.Sprintf("/api/System/User/%d", u.ID), aquaUserReq("TESTER")), http.StatusOK)
}

func TestAquaUsers_DeleteFreesLicensesAndAssignments(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	u := c.syncUser("leaving", 2)
	wantStatus(t, c.do(http.MethodDelete, fmt.Sprintf("/api/System/User/%d", u.ID), nil), http.StatusNoContent)

	for _, l := range aquaDecode[[]aqua.License](t, c.do(http.MethodGet, "/api/System/License", nil)) {
		if l.Code == aquaLicenseJiraSync && l.Used != 0 {
			t.Errorf("JIRASYNC used = %d after the holder was deleted", l.Used)
		}
	}
	for _, m := range aquaDecode[[]aqua.UserAssignment](t, c.do(http.MethodGet, "/api/Project/2/UserAssignment", nil)) {
		if m.UserID == u.ID {
			t.Errorf("deleted user still assigned: %+v", m)
		}
	}
	wantAquaError(t, c.do(http.MethodDelete, "/api/System/User/1", nil), http.StatusBadRequest, "logged-in user")
}

func TestAquaLicenses_CountedAgainstTheirTotal(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	want := []aqua.License{
		{Code: "FULL", Name: "aqua full license", Total: 50, Used: 1},
		{Code: "JIRASYNC", Name: "Jira sync license", Total: 2, Used: 0},
		{Code: "VIEWER", Name: "Viewer license", Total: 100, Used: 0},
	}
	if got := aquaDecode[[]aqua.License](t, c.do(http.MethodGet, "/api/System/License", nil)); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("licenses = %+v, want %+v", got, want)
	}
	if got := aquaDecode[[]aqua.UserLicense](t, c.do(http.MethodGet, "/api/System/User/1/License", nil)); len(got) != 1 || got[0].Code != "FULL" {
		t.Errorf("admin licenses = %+v, want FULL", got)
	}

	licensePath := func(u aqua.User) string { return fmt.Sprintf("/api/System/User/%d/License", u.ID) }
	a, b, third := c.createUser("a"), c.createUser("b"), c.createUser("c")
	r := c.do(http.MethodPost, licensePath(a), aqua.LicenseRequest{Code: "jirasync"})
	wantStatus(t, r, http.StatusCreated)
	if got := aquaDecode[aqua.UserLicense](t, r); got.Code != "JIRASYNC" || got.Name != "Jira sync license" {
		t.Errorf("added license = %+v", got)
	}
	wantAquaError(t, c.do(http.MethodPost, licensePath(a), aqua.LicenseRequest{Code: "JIRASYNC"}), http.StatusConflict, "already holds license JIRASYNC")
	wantStatus(t, c.do(http.MethodPost, licensePath(b), aqua.LicenseRequest{Code: "JIRASYNC"}), http.StatusCreated)
	wantAquaError(t, c.do(http.MethodPost, licensePath(third), aqua.LicenseRequest{Code: "JIRASYNC"}), http.StatusBadRequest, "no free JIRASYNC license")

	// Taking one back frees it for someone else.
	wantStatus(t, c.do(http.MethodDelete, licensePath(b)+"/JIRASYNC", nil), http.StatusNoContent)
	wantStatus(t, c.do(http.MethodPost, licensePath(third), aqua.LicenseRequest{Code: "JIRASYNC"}), http.StatusCreated)
	wantAquaError(t, c.do(http.MethodDelete, licensePath(b)+"/JIRASYNC", nil), http.StatusNotFound, "does not hold license JIRASYNC")

	wantAquaError(t, c.do(http.MethodPost, licensePath(a), aqua.LicenseRequest{Code: "GOLD"}), http.StatusBadRequest, `Code: license "GOLD" does not exist`, "FULL, JIRASYNC, VIEWER")
	wantAquaError(t, c.do(http.MethodPost, licensePath(a), aqua.LicenseRequest{}), http.StatusBadRequest, "Code is required")
	wantAquaError(t, c.do(http.MethodPost, "/api/System/User/99/License", aqua.LicenseRequest{Code: "FULL"}), http.StatusNotFound, "aqua user 99")
	wantAquaError(t, c.do(http.MethodGet, "/api/System/User/99/License", nil), http.StatusNotFound)
}
