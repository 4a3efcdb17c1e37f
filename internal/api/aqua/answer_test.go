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

const htmlPage = `<!DOCTYPE html><html><head><title>Maintenance</title></head><body>aqua is being updated</body></html>`

func TestAnswers_BadBodiesAreDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"HTML page":       htmlPage,
		"truncated JSON":  `{"Id": 7, "UserName": "bo`,
		"empty answer":    "",
		"null":            "null",
		"wrong JSON type": `"just a string"`,
	}
	calls := map[string]func(ctx context.Context, c *aqua.Client) error{
		"read user": func(ctx context.Context, c *aqua.Client) error { _, err := c.GetUser(ctx, 7); return err },
		"list users": func(ctx context.Context, c *aqua.Client) error {
			_, err := c.ListUsers(ctx)
			return err
		},
		"list licenses": func(ctx context.Context, c *aqua.Client) error {
			_, err := c.ListLicenses(ctx)
			return err
		},
		"list project assignments": func(ctx context.Context, c *aqua.Client) error {
			_, err := c.ListAssignments(ctx, 2)
			return err
		},
		"read sync definition": func(ctx context.Context, c *aqua.Client) error {
			_, err := c.GetSyncDefinition(ctx, 1)
			return err
		},
		"update value mapping": func(ctx context.Context, c *aqua.Client) error {
			_, err := c.UpdateValueMapping(ctx, 1, 2, aqua.ValueMapping{Field: "f"})
			return err
		},
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := answeringAll(t, http.StatusOK, body).client(t)
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

func TestAnswers_ErrorStatusesMapToSentinels(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		status   int
		body     string
		sentinel error
		message  string
	}{
		"404 NotFound": {http.StatusNotFound, `{"Message":"The user does not exist.","Code":"E-404","Type":"NotFound"}`,
			api.ErrNotFound, "The user does not exist. [NotFound, code E-404]"},
		"400 duplicate user name": {http.StatusBadRequest, argumentErrorJSON,
			api.ErrConflict, "The user name is already used. [ArgumentError, DuplicateUserName, code E-17]"},
		"400 invalid email": {http.StatusBadRequest, `{"Message":"The email is not valid.","Code":"E-3","Type":"ArgumentError","ArgumentErrorType":"InvalidEmail"}`,
			api.ErrBadRequest, "The email is not valid. [ArgumentError, InvalidEmail, code E-3]"},
		"403 NotPermitted": {http.StatusForbidden, forbiddenErrorJSON, aqua.ErrNotPermitted,
			"You are not allowed to manage users. Permission: UserAdministration. aqua refused because the aqua user the provider logs in as lacks the permission"},
		"403 NotLicensed": {http.StatusForbidden, `{"Message":"Your license does not allow this.","Code":"E-5","Type":"Forbidden","ForbiddenErrorType":"NotLicensed"}`,
			aqua.ErrNotLicensed, "Your license does not allow this. aqua refused because the license of the aqua user the provider logs in as does not allow this operation"},
		"403 without body": {http.StatusForbidden, "", api.ErrForbidden, ""},
		"400 HTML page":    {http.StatusBadRequest, htmlPage, api.ErrBadRequest, "answer is not aqua's JSON error: <!DOCTYPE html>"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := answeringAll(t, tc.status, tc.body).client(t).GetUser(context.Background(), 7)
			var apiErr *api.Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status || apiErr.Product != "aqua" || apiErr.Operation != "read user" ||
				apiErr.Path != "/api/System/User/7" || apiErr.Method != http.MethodGet {
				t.Fatalf("err = %#v", err)
			}
			if !strings.HasPrefix(apiErr.Message, tc.message) {
				t.Errorf("Message = %q, want it to start %q", apiErr.Message, tc.message)
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("err = %v does not match %v", err, tc.sentinel)
			}
		})
	}
}

func TestAnswers_RefusalsAreToldApart(t *testing.T) {
	t.Parallel()
	notLicensed := `{"Message":"m","Code":"c","Type":"Forbidden","ForbiddenErrorType":"NotLicensed"}`
	_, err := answeringAll(t, http.StatusForbidden, notLicensed).client(t).ListLicenses(context.Background())
	if !errors.Is(err, aqua.ErrNotLicensed) || errors.Is(err, aqua.ErrNotPermitted) || !errors.Is(err, api.ErrForbidden) {
		t.Errorf("NotLicensed: %v", err)
	}
	var aquaErr *aqua.Error
	if !errors.As(err, &aquaErr) || aquaErr.Body.Type != aqua.ErrorTypeForbidden || aquaErr.Body.Code != "c" {
		t.Errorf("the ApiError body is not kept: %#v", err)
	}
	_, err = answeringAll(t, http.StatusForbidden, forbiddenErrorJSON).client(t).ListLicenses(context.Background())
	if errors.Is(err, aqua.ErrNotLicensed) || !errors.Is(err, aqua.ErrNotPermitted) {
		t.Errorf("NotPermitted: %v", err)
	}
}

func TestAnswers_LostCreateWithAnUnreadableLookupKeepsBothErrors(t *testing.T) {
	t.Parallel()
	_, err := answeringAll(t, http.StatusInternalServerError, htmlPage).client(t).CreateUser(context.Background(), userReq("x"), true)
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
	c, err := aqua.New(hs.URL, admin, newClientTransport(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CurrentUser(context.Background())
	var decErr *api.DecodeError
	if !errors.As(err, &decErr) || decErr.Operation != "log in" || strings.Contains(err.Error(), admin.Password) {
		t.Errorf("err = %v, want a DecodeError of aqua log in", err)
	}
}
