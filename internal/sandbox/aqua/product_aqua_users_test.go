package aqua

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// wantJSON checks that the answer's body is the JSON value want, written
// from aqua's OpenAPI document.
func wantJSON(t testing.TB, r wiretest.Response, want string) {
	t.Helper()
	got, wantValue := aquaDecode[any](t, r), aquaDecode[any](t, wiretest.Response{Body: []byte(want)})
	if fmt.Sprint(got) != fmt.Sprint(wantValue) {
		t.Errorf("answer =\n%s\nwant\n%s", r.Body, want)
	}
}

func TestAquaUsers_CreateReadUpdateDeleteInAquasShapes(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)

	r := c.do(http.MethodPost, "/api/System/User?sendNotification=false",
		`{"UserName":"jira.sync","FirstName":"Jira","Surname":"Sync","Email":"jira.sync@example.com","Phone":"","Position":"Bot"}`)
	wiretest.WantStatus(t, r, http.StatusOK)
	wantJSON(t, r, `{"UserId": 2}`)

	r = c.do(http.MethodGet, "/api/System/User/2", nil)
	wantJSON(t, r, `{"Id": 2, "UserName": "jira.sync", "FirstName": "Jira", "Surname": "Sync", "Fullname": "Jira Sync",
		"Email": "jira.sync@example.com", "Phone": "", "Position": "Bot", "PictureUrl": "", "ServerAdministrator": false,
		"Status": "LicenseDeactivated", "Projects": null, "Licenses": null}`)
	r = c.do(http.MethodGet, "/api/System/User/1?includeLicenses=true&includeProjects=true", nil)
	wantJSON(t, r, `{"Id": 1, "UserName": "admin", "FirstName": "Sandbox", "Surname": "Admin", "Fullname": "Sandbox Admin",
		"Email": "admin@example.com", "Phone": "", "Position": "", "PictureUrl": "", "ServerAdministrator": true, "Status": "Activated",
		"Projects": [{"Project": {"Id": 1, "Name": "Demo Project", "HasSubfolders": false}, "Role": {"Id": 1, "Name": "Project Administrator"}},
			{"Project": {"Id": 2, "Name": "Jira Sync Pilot", "HasSubfolders": false}, "Role": {"Id": 1, "Name": "Project Administrator"}}],
		"Licenses": [{"Code": "FULL", "Type": "Named"}]}`)
	wantJSON(t, c.do(http.MethodGet, "/api/System/User", nil), `[
		{"Id": 1, "UserName": "admin", "FirstName": "Sandbox", "Surname": "Admin", "Status": "Activated", "AnyActiveLicense": true},
		{"Id": 2, "UserName": "jira.sync", "FirstName": "Jira", "Surname": "Sync", "Status": "LicenseDeactivated", "AnyActiveLicense": false}]`)

	// PUT changes the members sent and leaves the others.
	r = c.do(http.MethodPut, "/api/System/User/2", `{"Surname":"Synchronizer","Phone":"+49 123","Position":null}`)
	wiretest.WantStatus(t, r, http.StatusNoContent)
	if u := c.getUser(2); u.Surname != "Synchronizer" || u.Phone != "+49 123" || u.Position != "Bot" || u.Email != "jira.sync@example.com" {
		t.Errorf("user after PUT = %+v", u)
	}
	wiretest.WantStatus(t, c.do(http.MethodDelete, "/api/System/User/2", nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodGet, "/api/System/User/2", nil), http.StatusNotFound, "The user with id 2 does not exist.")
	wantAquaError(t, c.do(http.MethodDelete, "/api/System/User/1", nil), http.StatusBadRequest, "cannot delete itself")
}

func TestAquaUsers_InvalidUsersAreArgumentErrors(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	tests := map[string]struct {
		change func(*apiUserNew)
		reason string
		want   string
	}{
		"no user name":    {func(u *apiUserNew) { u.UserName = " " }, argInvalidUsername, "UserName is required"},
		"blank in name":   {func(u *apiUserNew) { u.UserName = "a b" }, argInvalidUsername, "UserName must not contain whitespace"},
		"no first name":   {func(u *apiUserNew) { u.FirstName = "" }, argInvalidBodyValue, "FirstName is required"},
		"no surname":      {func(u *apiUserNew) { u.Surname = "" }, argInvalidBodyValue, "Surname is required"},
		"empty email":     {func(u *apiUserNew) { u.Email = "" }, argInvalidEmail, "errors during synchronization"},
		"malformed email": {func(u *apiUserNew) { u.Email = "not-an-email" }, argInvalidEmail, "not-an-email"},
		"taken name":      {func(u *apiUserNew) { u.UserName = "ADMIN" }, argDuplicateUserName, `UserName "ADMIN" is already used by aqua user 1`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := aquaUserReq("valid")
			tc.change(&req)
			r := c.do(http.MethodPost, "/api/System/User", req)
			wantAquaError(t, r, http.StatusBadRequest, tc.want)
			if e := aquaDecode[apiError](t, r); e.Type != errorArgument || e.ArgumentErrorType != tc.reason {
				t.Errorf("error = %+v, want ArgumentError %s", e, tc.reason)
			}
		})
	}
	wantAquaError(t, c.do(http.MethodPost, "/api/System/User", `{"UserName":"x","LastName":"y"}`), http.StatusBadRequest, "unknown field")
}

func TestAquaLicenses_SeatsTypesAndRemoval(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	wantJSON(t, c.do(http.MethodGet, "/api/System/License", nil), `{"Licenses": [
		{"Code": "FULL", "Name": "aqua full license", "MaxNamedLicensesAvailable": 50, "MaxFloatingLicensesAvailable": 10, "StartTime": "2025-01-01T00:00:00Z", "ExpiryTime": "2030-12-31T23:59:59Z"},
		{"Code": "JIRASYNC", "Name": "Jira sync license", "MaxNamedLicensesAvailable": 2, "MaxFloatingLicensesAvailable": 1, "StartTime": "2025-01-01T00:00:00Z", "ExpiryTime": "2030-12-31T23:59:59Z"},
		{"Code": "VIEWER", "Name": "Viewer license", "MaxNamedLicensesAvailable": 100, "MaxFloatingLicensesAvailable": 20, "StartTime": "2025-01-01T00:00:00Z", "ExpiryTime": "2030-12-31T23:59:59Z"}]}`)

	a, b, third := c.createUser("a"), c.createUser("b"), c.createUser("third")
	licensePath := func(u apiUser) string { return fmt.Sprintf("/api/System/User/%d/License", u.ID) }
	named := apiUserLicenseAssignment{Code: "jirasync", Type: licenseNamed}
	wiretest.WantStatus(t, c.do(http.MethodPost, licensePath(a), named), http.StatusNoContent)
	if got := c.getUser(a.ID).Licenses; len(got) != 1 || got[0] != (apiUserLicenseAssignment{Code: "JIRASYNC", Type: licenseNamed}) {
		t.Errorf("licenses of a = %+v", got)
	}
	r := c.do(http.MethodPost, licensePath(a), named)
	wantAquaError(t, r, http.StatusBadRequest, "already holds the license JIRASYNC")
	if e := aquaDecode[apiError](t, r); e.ArgumentErrorType != argAlreadyAssigned {
		t.Errorf("error = %+v", e)
	}
	wiretest.WantStatus(t, c.do(http.MethodPost, licensePath(b), named), http.StatusNoContent)
	// Both named seats are taken; a floating license is still assigned.
	wantAquaError(t, c.do(http.MethodPost, licensePath(third), named), http.StatusBadRequest, "no free named JIRASYNC license: all 2 are assigned")
	wiretest.WantStatus(t, c.do(http.MethodPost, licensePath(third), apiUserLicenseAssignment{Code: "JIRASYNC", Type: licenseFloated}), http.StatusNoContent)
	if got := c.getUser(third.ID).Licenses; len(got) != 1 || got[0].Type != licenseFloated {
		t.Errorf("licenses of third = %+v", got)
	}
	wiretest.WantStatus(t, c.do(http.MethodDelete, licensePath(a)+"/JIRASYNC", nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodDelete, licensePath(a)+"/JIRASYNC", nil), http.StatusNotFound, "does not hold the license JIRASYNC")

	wantAquaError(t, c.do(http.MethodPost, licensePath(a), apiUserLicenseAssignment{Code: "GOLD", Type: licenseNamed}),
		http.StatusBadRequest, `The license "GOLD" does not exist`, "FULL, JIRASYNC, VIEWER")
	wantAquaError(t, c.do(http.MethodPost, licensePath(a), `{"Code":"FULL"}`), http.StatusBadRequest, `Type must be "Named" or "Floated"`)
	wantAquaError(t, c.do(http.MethodPost, "/api/System/User/99/License", apiUserLicenseAssignment{Code: "FULL", Type: licenseNamed}),
		http.StatusNotFound, "user with id 99")
}

// loginAs logs username in with password and returns a client acting as
// it.
func loginAs(t testing.TB, c *aquaClient, username, password string) *aquaClient {
	t.Helper()
	r := aquaTokenCall(t, c.ts, url.Values{"grant_type": {"password"}, "username": {username}, "password": {password}})
	wiretest.WantStatus(t, r, http.StatusOK)
	return &aquaClient{t: t, ts: c.ts, token: aquaDecode[tokenAnswer](t, r).AccessToken}
}

func TestAquaRefusals_NotPermittedAndNotLicensed(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	admin := newAquaClient(t, ts)
	u := admin.createUser("viewer")
	// Users created through the API have no password until one is set.
	login := url.Values{"grant_type": {"password"}, "username": {"viewer"}, "password": {"viewer-pass"}}
	r := aquaTokenCall(t, ts, login)
	wiretest.WantStatus(t, r, http.StatusBadRequest)
	if !strings.Contains(string(r.Body), "invalid_grant") {
		t.Errorf("login of a user without password: %s", r.Body)
	}
	userPath := fmt.Sprintf("/api/System/User/%d", u.ID)
	wantAquaError(t, admin.do(http.MethodPatch, userPath, `{"OperationType":"SetUserPassword","NewPassword":"short"}`), http.StatusBadRequest, "at least 8")
	wiretest.WantStatus(t, admin.do(http.MethodPatch, userPath, `{"OperationType":"SetUserPassword","NewPassword":"viewer-pass"}`), http.StatusNoContent)
	wiretest.WantStatus(t, admin.do(http.MethodPost, userPath+"/License", apiUserLicenseAssignment{Code: licenseViewer, Type: licenseFloated}), http.StatusNoContent)
	wiretest.WantStatus(t, admin.do(http.MethodPost, "/api/Project/1/UserAssignment", apiUserProjectFolderAssignment{UserID: u.ID, RoleID: 4}), http.StatusNoContent)
	viewer := loginAs(t, admin, "viewer", "viewer-pass")

	r = viewer.do(http.MethodPost, "/api/System/User", aquaUserReq("x"))
	wantAquaError(t, r, http.StatusForbidden, `aqua user "viewer" is not a server administrator`)
	if e := aquaDecode[apiError](t, r); e.Type != errorForbidden || e.ForbiddenErrorType != forbiddenNotPermitted {
		t.Errorf("refusal = %+v, want Forbidden NotPermitted", e)
	}
	wiretest.WantStatus(t, viewer.do(http.MethodGet, "/api/Project/1", nil), http.StatusOK)
	wantAquaError(t, viewer.do(http.MethodGet, "/api/Project/2", nil), http.StatusForbidden, "not assigned to project 2")
	if projects := aquaDecode[[]apiProjectInfo](t, viewer.do(http.MethodGet, "/api/Project", nil)); len(projects) != 1 || projects[0].ID != 1 {
		t.Errorf("the viewer's projects = %+v, want project 1 only", projects)
	}

	// Without its license the viewer may do nothing.
	wiretest.WantStatus(t, admin.do(http.MethodDelete, userPath+"/License/VIEWER", nil), http.StatusNoContent)
	r = viewer.do(http.MethodGet, "/api/Session", nil)
	wantAquaError(t, r, http.StatusForbidden, `aqua user "viewer" holds no license`)
	if e := aquaDecode[apiError](t, r); e.ForbiddenErrorType != forbiddenNotLicensed {
		t.Errorf("refusal = %+v, want Forbidden NotLicensed", e)
	}
}
