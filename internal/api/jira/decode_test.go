package jira_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
)

// methods calls each method of the client, named by its operation.
var methods = map[string]func(context.Context, *jira.Client) error{
	"read server info": func(ctx context.Context, c *jira.Client) error {
		_, err := c.ServerInfo(ctx)
		return err
	},
	"read current user": func(ctx context.Context, c *jira.Client) error {
		_, err := c.Myself(ctx)
		return err
	},
	"read permissions": func(ctx context.Context, c *jira.Client) error {
		_, err := c.MyPermissions(ctx, jira.DefaultRequiredPermissions(), "SYNC")
		return err
	},
	"list resolutions": func(ctx context.Context, c *jira.Client) error {
		_, err := c.Resolutions(ctx)
		return err
	},
	"read Service Management info": func(ctx context.Context, c *jira.Client) error {
		_, err := c.ServiceDeskInfo(ctx)
		return err
	},
	"read project": func(ctx context.Context, c *jira.Client) error {
		_, err := c.Project(ctx, "SYNC")
		return err
	},
}

// TestBadAnswers serves answers that are not Jira's JSON: every method must
// fail with a DecodeError naming Jira and the operation, never panic.
func TestBadAnswers(t *testing.T) {
	t.Parallel()
	answers := map[string]struct {
		contentType, body string
		want              string
	}{
		"HTML login page":   {"text/html;charset=UTF-8", "<!DOCTYPE html><html><title>Log in - Jira</title></html>", "HTML page"},
		"HTML without type": {"", "  <html><body>proxy</body></html>", "HTML page"},
		"truncated JSON":    {"application/json", `{"version":"9.12.2","deploymentType":"Ser`, "unexpected end of JSON input"},
		"empty body":        {"application/json", "", "the answer is empty"},
		"JSON null":         {"application/json", "null", "the answer is empty"},
		"plain text":        {"text/plain", "OK", "invalid character"},
		"wrong shape":       {"application/json", `{"status":"ok"}`, ""},
		"array of numbers":  {"application/json", `[1,2,3]`, "cannot unmarshal"},
	}
	for name, a := range answers {
		for op, call := range methods {
			t.Run(name+"/"+op, func(t *testing.T) {
				t.Parallel()
				// The site's serverInfo is sound except when it is the
				// answer under test, so that listing resolutions, which
				// asks it first, reaches the bad answer.
				stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
					if r.URL.Path == "/rest/api/2/serverInfo" && op != "read server info" {
						serveJSON(w, dataCenterServerInfo)
						return
					}
					if a.contentType != "" {
						w.Header().Set("Content-Type", a.contentType)
					}
					_, _ = w.Write([]byte(a.body))
				})
				err := call(context.Background(), newClient(t, stub, stubAccount))
				var decErr *api.DecodeError
				if !errors.As(err, &decErr) {
					t.Fatalf("error = %v, want an *api.DecodeError", err)
				}
				if decErr.Product != "Jira" || decErr.Operation != op || !strings.Contains(err.Error(), "Jira "+op) {
					t.Errorf("error = %v, want it to name Jira and %q", err, op)
				}
				if !strings.Contains(err.Error(), a.want) {
					t.Errorf("error = %v, want it to contain %q", err, a.want)
				}
			})
		}
	}
}

func TestErrorAnswers(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		status      int
		header      map[string]string
		body        string
		sentinel    error
		wantMessage string
	}{
		"messages and field errors": {http.StatusBadRequest, nil,
			`{"errorMessages":["First.","Second."],"errors":{"zeta":"Z is wrong.","alpha":"A is wrong."}}`,
			api.ErrBadRequest, "First.; Second.; alpha: A is wrong.; zeta: Z is wrong."},
		"field errors only": {http.StatusBadRequest, nil, `{"errorMessages":[],"errors":{"project":"Unknown project."}}`,
			api.ErrBadRequest, "project: Unknown project."},
		"gateway message": {http.StatusForbidden, nil, `{"message":"Client must be authenticated to access this resource.","status-code":403}`,
			api.ErrForbidden, "Client must be authenticated to access this resource."},
		"HTML error page": {http.StatusForbidden, map[string]string{"Content-Type": "text/html"}, "<html><body>Forbidden by proxy</body></html>",
			api.ErrForbidden, "answer is an HTML page, not Jira's JSON: <html><body>Forbidden by proxy"},
		"empty 404": {http.StatusNotFound, nil, "", api.ErrNotFound, ""},
		"unknown JSON": {http.StatusConflict, nil, `{"oops":true}`,
			api.ErrConflict, `answer is not Jira's error JSON: {"oops":true}`},
		"CAPTCHA demanded": {http.StatusForbidden, map[string]string{"X-Seraph-LoginReason": "AUTHENTICATION_DENIED"}, "",
			api.ErrForbidden, "Jira refuses this login until a CAPTCHA is answered"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			stub := startStub(t, func(w http.ResponseWriter, _ *http.Request) {
				for k, v := range tc.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			})
			_, err := newClient(t, stub, stubAccount).Project(context.Background(), "SYNC")
			var apiErr *api.Error
			if !errors.As(err, &apiErr) {
				t.Fatalf("error = %v, want an *api.Error", err)
			}
			if apiErr.StatusCode != tc.status || apiErr.Product != "Jira" || apiErr.Operation != "read project" || apiErr.Path != "/rest/api/2/project/SYNC" {
				t.Errorf("error = %+v", apiErr)
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.sentinel)
			}
			if !strings.HasPrefix(apiErr.Message, tc.wantMessage) || (tc.wantMessage == "" && apiErr.Message != "") {
				t.Errorf("message = %q, want %q", apiErr.Message, tc.wantMessage)
			}
		})
	}
}
