package kernel

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// plainProduct answers errors as "status message" text.
type plainProduct struct{}

func (plainProduct) Name() string            { return "plain" }
func (plainProduct) Register(env *Env) error { return nil }
func (plainProduct) WriteError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	http.Error(w, message, status)
}

func TestErrorsAnswersInTheProductsFormat(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		err        error
		wantStatus int
		wantBody   string
	}{
		"api error":   {NewAPIError(http.StatusConflict, "name %q exists", "a"), http.StatusConflict, "name \"a\" exists\n"},
		"other error": {errors.New("disk full"), http.StatusInternalServerError, "internal error: disk full\n"},
		"no error":    {nil, http.StatusNoContent, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := Errors(plainProduct{}, func(w http.ResponseWriter, _ *http.Request) error {
				if tc.err == nil {
					w.WriteHeader(http.StatusNoContent)
				}
				return tc.err
			})
			rec := httptest.NewRecorder()
			h(rec, httptest.NewRequest(http.MethodGet, "/", nil))
			if rec.Code != tc.wantStatus || rec.Body.String() != tc.wantBody {
				t.Errorf("got %d %q, want %d %q", rec.Code, rec.Body.String(), tc.wantStatus, tc.wantBody)
			}
		})
	}
}

func TestDecodeJSONStrictIsCaseSensitive(t *testing.T) {
	t.Parallel()
	type schedule struct {
		Type string `json:"type"`
	}
	type body struct {
		VerifySSL bool       `json:"verifySsl"`
		Schedule  *schedule  `json:"schedule,omitempty"`
		Items     []schedule `json:"items,omitempty"`
	}
	cases := map[string]string{
		`{"verifySsl": true}`:                       "",
		`{"verifySSL": true}`:                       `unknown field "verifySSL"`,
		`{"schedule": {"Type": "INTERVAL"}}`:        `unknown field "schedule.Type"`,
		`{"items": [{"type": "a"}, {"TYPE": "b"}]}`: `unknown field "items.TYPE"`,
		`{"other": 1}`:                              `unknown field "other"`,
	}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(in))
			var b body
			err := DecodeJSON(httptest.NewRecorder(), r, &b, true)
			switch {
			case want == "" && err != nil:
				t.Fatalf("DecodeJSON = %v, want no error", err)
			case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
				t.Fatalf("DecodeJSON = %v, want %s", err, want)
			}
		})
	}
}
