package aqua_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// TestVerifyJira sends aqua's documented Integrations_Verify body
// (ApiIntegrationConfigVerifyJira) and reads IsSuccess from its
// ApiIntegrationVerifyResponse; a refusal of the call itself is an error.
func TestVerifyJira(t *testing.T) {
	t.Parallel()
	const wantBody = `{"IntegrationType":"JIRA","APIBaseURL":"https://acme.atlassian.net","APIUser":"sync@example.com","APIPassword":"tok-1"}`
	cases := map[string]struct {
		answer  handler
		want    bool
		wantErr error
	}{
		"connected":     {answer: fixed(http.StatusOK, `{"IsSuccess":true}`), want: true},
		"not connected": {answer: fixed(http.StatusOK, `{"IsSuccess":false}`), want: false},
		"empty answer":  {answer: fixed(http.StatusOK, `{}`), want: false},
		"not permitted": {
			answer:  fixed(http.StatusForbidden, `{"Message":"Not allowed to configure integrations.","Code":"E-403","Type":"Forbidden","ForbiddenErrorType":"NotPermitted"}`),
			wantErr: api.ErrForbidden,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAqua(t, map[string]handler{"POST /api/Integration/Verify": tc.answer})
			ok, err := f.client(t).VerifyJira(context.Background(), "https://acme.atlassian.net", "sync@example.com", "tok-1")
			switch {
			case tc.wantErr != nil && !errors.Is(err, tc.wantErr):
				t.Fatalf("error = %v, want %v", err, tc.wantErr)
			case tc.wantErr == nil && err != nil:
				t.Fatalf("error = %v", err)
			case ok != tc.want:
				t.Errorf("IsSuccess = %t, want %t", ok, tc.want)
			}
			assertOneRequest(t, f, "POST /api/Integration/Verify", nil, wantBody)
		})
	}
}
