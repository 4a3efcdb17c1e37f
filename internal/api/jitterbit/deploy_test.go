package jitterbit

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// documentedDeploy is the reference's example answer of Deploy Project.
const documentedDeploy = `{
    "success": true,
    "uri": "https://harmony-api.na-east.jitterbit.com/dev/project",
    "guid-0.15465179017754982": ""
}`

// TestDeployProject_Documented: PUT /project carries the session's headers
// and the body {"projectGuid"} alone; the reference's answer, which has no
// data, is a success.
func TestDeployProject_Documented(t *testing.T) {
	t.Parallel()
	var method, path, body, token, org atomic.Value
	c, _ := stubHarmony(t, plainLogin, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		method.Store(r.Method)
		path.Store(r.URL.Path + "?" + r.URL.RawQuery)
		body.Store(string(b))
		token.Store(r.Header.Get("authToken"))
		org.Store(r.Header.Get("organizationId"))
		answerJSON(w, http.StatusOK, documentedDeploy)
	})
	if err := c.DeployProject(context.Background(), "9a87b6c5-a1b2-34c5-6d7e-123456a7b89c"); err != nil {
		t.Fatal(err)
	}
	if method.Load() != http.MethodPut || path.Load() != "/project?" {
		t.Errorf("request %v %v, want PUT /project without a query", method.Load(), path.Load())
	}
	if got := body.Load(); got != `{"projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b89c"}` {
		t.Errorf("body %v, want the documented {\"projectGuid\"} alone", got)
	}
	if token.Load() != "t" || org.Load() != "100" {
		t.Errorf("authToken %q, organizationId %q; want the login's", token.Load(), org.Load())
	}
}

// TestDeployProject_Refused: HTTP 200 with "success": false is a failure,
// its status taken from the error code, and its message Harmony's.
func TestDeployProject_Refused(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		status int
		body   string
		is     error
		want   string
	}{
		"HTTP 200 not found": {http.StatusOK,
			`{"success":false,"uri":"x","error":{"errorMessage":"Project not found","errorCode":"NOT_FOUND","errorId":"e-7"}}`,
			api.ErrNotFound, "Project not found (errorId e-7)"},
		"HTTP 200 without a code": {http.StatusOK, `{"success":false,"error":{"errorMessage":"Deployment failed: no agent"}}`,
			nil, "Deployment failed: no agent"},
		"HTTP 403":            {http.StatusForbidden, `{"success":false,"error":{"errorMessage":"no deploy permission"}}`, api.ErrForbidden, "no deploy permission"},
		"HTTP 200 no success": {http.StatusOK, `{"uri":"x"}`, nil, `"success" member is missing`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _ := stubHarmony(t, plainLogin, func(w http.ResponseWriter, _ *http.Request) { answerJSON(w, tc.status, tc.body) })
			err := c.DeployProject(context.Background(), "g-9")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "deploy project") ||
				(tc.is != nil && !errors.Is(err, tc.is)) {
				t.Errorf("error = %v, want one matching %v naming the operation and containing %q", err, tc.is, tc.want)
			}
		})
	}
}

// TestDeployProject_RequiresGUID: nothing is sent without a GUID.
func TestDeployProject_RequiresGUID(t *testing.T) {
	t.Parallel()
	var sent atomic.Int64
	c, logins := stubHarmony(t, plainLogin, func(w http.ResponseWriter, _ *http.Request) {
		sent.Add(1)
		answerJSON(w, http.StatusOK, documentedDeploy)
	})
	if err := c.DeployProject(context.Background(), ""); err == nil || !strings.Contains(err.Error(), "project GUID is empty") {
		t.Errorf("error = %v", err)
	}
	if sent.Load() != 0 || logins.Load() != 0 {
		t.Errorf("%d requests and %d logins sent, want none", sent.Load(), logins.Load())
	}
}
