package aqua_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// fakeAqua serves a valid token endpoint and answers every other request
// with status, content type and body.
func fakeAqua(t *testing.T, status int, contentType, body string) *aqua.Client {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/api/token") {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"access_token":"tok","token_type":"bearer","expires_in":900,"refresh_token":"ref"}`)
			return
		}
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(hs.Close)
	return newClient(t, hs.URL, admin)
}

const htmlPage = `<!DOCTYPE html><html><head><title>Maintenance</title></head><body>aqua is being updated</body></html>`

func TestAnswers_BadBodiesAreDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		contentType, body string
	}{
		"HTML page":       {"text/html", htmlPage},
		"truncated JSON":  {"application/json", `{"Id": 7, "UserName": "bo`},
		"empty answer":    {"application/json", ""},
		"null":            {"application/json", "null"},
		"wrong JSON type": {"application/json", `"just a string"`},
	}
	calls := map[string]func(ctx context.Context, c *aqua.Client) error{
		"read user": func(ctx context.Context, c *aqua.Client) error { _, err := c.GetUser(ctx, 7); return err },
		"list users": func(ctx context.Context, c *aqua.Client) error {
			_, err := c.ListUsers(ctx)
			return err
		},
		"read sync definition": func(ctx context.Context, c *aqua.Client) error {
			_, err := c.GetSyncDefinition(ctx, 1)
			return err
		},
		"create sync definition": func(ctx context.Context, c *aqua.Client) error {
			_, err := c.CreateSyncDefinition(ctx, cloudDefinition("x"))
			return err
		},
		"update value mapping": func(ctx context.Context, c *aqua.Client) error {
			_, err := c.UpdateValueMapping(ctx, 1, 2, aqua.ValueMapping{Field: "f"})
			return err
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := fakeAqua(t, http.StatusOK, tc.contentType, tc.body)
			for op, call := range calls {
				err := call(context.Background(), c)
				var decErr *api.DecodeError
				if !errors.As(err, &decErr) || decErr.Product != "aqua" || decErr.Operation != op {
					t.Errorf("%s: err = %v, want a DecodeError of aqua %s", op, err, op)
					continue
				}
				if !strings.Contains(err.Error(), "aqua "+op) {
					t.Errorf("%s: message %q does not name aqua and the operation", op, err)
				}
				if api.IsAmbiguous(err) {
					t.Errorf("%s: a decode error counts as ambiguous", op)
				}
			}
		})
	}
}

func TestAnswers_CreatedObjectWithoutIDIsADecodeError(t *testing.T) {
	t.Parallel()
	c := fakeAqua(t, http.StatusCreated, "application/json", `{"UserName":"x"}`)
	_, err := c.CreateUser(context.Background(), userReq("x"))
	var decErr *api.DecodeError
	if !errors.As(err, &decErr) || decErr.Operation != "create user" || !strings.Contains(err.Error(), "no Id") {
		t.Errorf("err = %v, want a DecodeError about the missing Id", err)
	}
}

func TestAnswers_ErrorStatusesMapToSentinels(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		status      int
		contentType string
		body        string
		sentinel    error
		message     string
	}{
		"404 with Message": {http.StatusNotFound, "application/json", `{"Message":"aqua user 7 does not exist"}`, api.ErrNotFound, "aqua user 7 does not exist"},
		"409 with Message": {http.StatusConflict, "application/json; charset=utf-8", `{"Message":"UserName \"x\" is already used"}`, api.ErrConflict, `UserName "x" is already used`},
		"400 with ModelState": {http.StatusBadRequest, "application/json", `{"Message":"The request is invalid.","ModelState":{"user.Email":["The Email field is required."]}}`,
			api.ErrBadRequest, "The request is invalid. user.Email: The Email field is required."},
		"403 without body": {http.StatusForbidden, "", "", api.ErrForbidden, ""},
		"400 HTML page":    {http.StatusBadRequest, "text/html", htmlPage, api.ErrBadRequest, "answer is not aqua's JSON error: <!DOCTYPE html>"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := fakeAqua(t, tc.status, tc.contentType, tc.body)
			_, err := c.GetUser(context.Background(), 7)
			var apiErr *api.Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status || apiErr.Product != "aqua" || apiErr.Operation != "read user" ||
				apiErr.Path != "/api/System/User/7" || apiErr.Method != http.MethodGet {
				t.Fatalf("err = %#v", err)
			}
			if apiErr.Message != tc.message && !strings.HasPrefix(apiErr.Message, tc.message) {
				t.Errorf("Message = %q, want %q", apiErr.Message, tc.message)
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("err = %v does not match %v", err, tc.sentinel)
			}
		})
	}
}

func TestAnswers_LostCreateWithAnUnreadableLookupKeepsBothErrors(t *testing.T) {
	t.Parallel()
	c := fakeAqua(t, http.StatusInternalServerError, "text/html", htmlPage)
	_, err := c.CreateUser(context.Background(), userReq("x"))
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.Operation != "create user" || apiErr.StatusCode != http.StatusInternalServerError {
		t.Fatalf("err = %v, want the create's 500", err)
	}
	if !strings.Contains(err.Error(), "looking for the object afterwards failed") || !strings.Contains(err.Error(), "list users") {
		t.Errorf("err = %v, want the failed lookup named too", err)
	}
}

func TestAnswers_UnreadableTokenAnswerIsADecodeError(t *testing.T) {
	t.Parallel()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, htmlPage)
	}))
	t.Cleanup(hs.Close)
	c := newClient(t, hs.URL, admin)
	_, err := c.CurrentUser(context.Background())
	var decErr *api.DecodeError
	if !errors.As(err, &decErr) || decErr.Operation != "log in" || strings.Contains(err.Error(), admin.Password) {
		t.Errorf("err = %v, want a DecodeError of aqua log in", err)
	}
}
