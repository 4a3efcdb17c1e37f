package aqua

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// FuzzAquaHandler feeds arbitrary requests to the aqua routes: the product
// must answer without panicking and without internal errors, and never
// succeed without a token (the token endpoint aside).
func FuzzAquaHandler(f *testing.F) {
	seeds := []struct{ method, path, body string }{
		{"POST", "/aqua/api/System/User", `{"UserName":"a","Email":"x"}`},
		{"PUT", "/aqua/api/System/User/1", `{"Email":null}`},
		{"GET", "/aqua/api/System/User/1?includeLicenses=maybe", ""},
		{"POST", "/aqua/api/System/User/1/License", `{"Code":"JIRASYNC","Type":"Floated"}`},
		{"DELETE", "/aqua/api/System/User/1/License/%2F", ""},
		{"POST", "/aqua/api/Project/2/UserAssignment", `{"UserId":-1,"FolderId":3,"RoleId":"5"}`},
		{"PATCH", "/aqua/api/Project/2/UserAssignment?userId=1&folderId=0", `{"OperationType":"Replace","NewRoleId":99}`},
		{"DELETE", "/aqua/api/Project/2/UserAssignment?userId=abc", ""},
		{"POST", "/aqua/api/Project/2/Meta/defect/Fields/resolution/Entries", `{"Name":"Unresolved","IsDefault":true}`},
		{"POST", "/aqua/almsync/aqua-jira-sync/v1/definitions", `{"Name":"n","AquaProjectId":2,"JiraUrl":"http://[::1","SyncUser":{}}`},
		{"PUT", "/aqua/almsync/aqua-jira-sync/v1/definitions/1", `{"ConfigurationUser":null}`},
		{"POST", "/aqua/almsync/aqua-jira-sync/v1/definitions/1/value-mappings", `{"Field":"resolution","Values":{"":""}}`},
		{"PUT", "/aqua/almsync/aqua-jira-sync/v1/definitions/1/field-mappings/99999999999999999999", `[`},
		{"POST", "/aqua/api/token", "grant_type=refresh_token&refresh_token=%zz"},
	}
	for _, s := range seeds {
		f.Add(s.method, s.path, s.body, true)
	}
	srv, err := kernel.NewServer(kernel.Options{}, New())
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = srv.Close() })
	h := srv.Handler()
	form := url.Values{"grant_type": {"password"}, "username": {kernel.DefaultUsername}, "password": {kernel.DefaultPassword}}
	login := httptest.NewRequest(http.MethodPost, "/aqua/api/token", strings.NewReader(form.Encode()))
	login.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, login)
	token := aquaDecode[struct {
		AccessToken string `json:"access_token"`
	}](f, wiretest.Response{Status: rec.Code, Body: rec.Body.Bytes()}).AccessToken

	f.Fuzz(func(t *testing.T, method, path, body string, authenticated bool) {
		if !strings.HasPrefix(path, "/aqua/") {
			return
		}
		req, err := http.NewRequest(method, "http://sandbox"+path, strings.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("Content-Type", "application/json")
		if authenticated {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Errorf("%s %s: %d %s", method, path, rec.Code, rec.Body)
		}
		if !authenticated && rec.Code < 300 && !strings.HasPrefix(req.URL.Path, "/aqua/api/token") {
			t.Errorf("%s %s succeeded without a token: %d", method, path, rec.Code)
		}
	})
}
