package aqua_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

func TestSyncDefinitions_TestConnection(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{
		"POST /almsync/aqua-jira-sync/v1/definitions/4/test": fixed(http.StatusOK, syncTestResultJSON),
		"POST /almsync/aqua-jira-sync/v1/definitions/5/test": fixed(http.StatusBadRequest,
			`{"Message":"TrustedCaPem holds no PEM certificate.","Code":"E-400","Type":"ArgumentError","ArgumentErrorType":"InvalidBodyValue"}`),
	})
	c, ctx := f.client(t), context.Background()

	res, err := c.TestSyncDefinition(ctx, 4, "-----BEGIN CERTIFICATE-----")
	want := api.ConnectionTest{Message: "authentication failed", CheckedAt: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), DurationMS: 12,
		Checks: []api.ConnectionCheck{{Name: "authentication", Detail: "HTTP 401"}}}
	if err != nil || res.Success || res.Message != want.Message || !res.CheckedAt.Equal(want.CheckedAt) || len(res.Checks) != 1 || res.Checks[0] != want.Checks[0] {
		t.Fatalf("test result: %+v, %v", res, err)
	}
	assertOneRequest(t, f, "POST /almsync/aqua-jira-sync/v1/definitions/4/test", nil, syncTestRequestJSON)
	if check, ok := res.Check("authentication"); !ok || check.Success {
		t.Errorf("authentication check = %+v, %t", check, ok)
	}
	if _, err := c.TestSyncDefinition(ctx, 5, "no certificate"); !errors.Is(err, api.ErrBadRequest) {
		t.Errorf("invalid TrustedCaPem: %v, want ErrBadRequest", err)
	}
}
