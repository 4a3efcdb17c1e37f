package aqua_test

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

func TestLicenses_ListAssignChangeRemove(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{
		"GET /api/System/License":                    fixed(http.StatusOK, licenseListJSON),
		"POST /api/System/User/7/License":            fixed(http.StatusNoContent, ""),
		"DELETE /api/System/User/7/License/JIRASYNC": fixed(http.StatusNoContent, ""),
	})
	c, ctx := f.client(t), context.Background()

	pools, err := c.ListLicenses(ctx)
	want := []aqua.License{{Code: "JIRASYNC", Name: "Jira sync license", MaxNamedLicensesAvailable: 2, MaxFloatingLicensesAvailable: 1,
		StartTime: "2025-01-01T00:00:00Z", ExpiryTime: "2026-12-31T23:59:59"}}
	if err != nil || !reflect.DeepEqual(pools, want) {
		t.Errorf("licenses: %+v, %v", pools, err)
	}
	if err := c.AssignLicense(ctx, 7, "JIRASYNC", aqua.LicenseFloated); err != nil {
		t.Fatalf("assign: %v", err)
	}
	assertOneRequest(t, f, "POST /api/System/User/7/License", nil, userLicenseJSON)
	if err := c.RemoveLicense(ctx, 7, "JIRASYNC"); err != nil {
		t.Fatalf("remove: %v", err)
	}
	assertOneRequest(t, f, "DELETE /api/System/User/7/License/JIRASYNC", nil, "")
}

func TestLicenses_ChangeTypeRemovesAndAssignsAgain(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{
		"DELETE /api/System/User/7/License/JIRASYNC": fixed(http.StatusNoContent, ""),
		"POST /api/System/User/7/License":            fixed(http.StatusNoContent, ""),
	})
	if err := f.client(t).ChangeLicenseType(context.Background(), 7, "JIRASYNC", aqua.LicenseNamed); err != nil {
		t.Fatal(err)
	}
	assertOneRequest(t, f, "DELETE /api/System/User/7/License/JIRASYNC", nil, "")
	assertOneRequest(t, f, "POST /api/System/User/7/License", nil, `{"Code":"JIRASYNC","Type":"Named"}`)
}

func TestLicenses_RefusalsSayWhatAquaMeant(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{
		"POST /api/System/User/7/License": fixed(http.StatusBadRequest,
			`{"Message":"The license is already assigned to the user.","Code":"E-1","Type":"ArgumentError","ArgumentErrorType":"InvalidLicenseAssignmentAlreadyAssigned"}`),
		"POST /api/System/User/8/License": fixed(http.StatusBadRequest,
			`{"Message":"There are no free licenses.","Code":"E-2","Type":"ArgumentError","ArgumentErrorType":"NoFreeLicenses"}`),
	})
	c, ctx := f.client(t), context.Background()
	err := c.AssignLicense(ctx, 7, "JIRASYNC", aqua.LicenseNamed)
	if !errors.Is(err, api.ErrConflict) || !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "already assigned") {
		t.Errorf("assigning a held license: %v, want a conflict keeping its 400", err)
	}
	err = c.AssignLicense(ctx, 8, "JIRASYNC", aqua.LicenseNamed)
	if errors.Is(err, api.ErrConflict) || !strings.Contains(err.Error(), "There are no free licenses. [ArgumentError, NoFreeLicenses, code E-2]") {
		t.Errorf("no free seat: %v", err)
	}
}
