package aqua

import (
	"context"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// ListLicenses returns the licenses of the instance with the seats each
// offers (GET /api/System/License).
func (c *Client) ListLicenses(ctx context.Context) ([]License, error) {
	var list LicenseList
	err := c.call(ctx, "list licenses", http.MethodGet, pathLicenses, nil, nil, &list)
	return list.Licenses, err
}

// UserLicenses returns the licenses a user holds, with their types. aqua
// has no endpoint of its own for them: they are part of the user read with
// includeLicenses=true.
func (c *Client) UserLicenses(ctx context.Context, userID int64) ([]UserLicense, error) {
	u, err := c.GetUser(ctx, userID)
	if err != nil {
		return nil, err
	}
	return u.Licenses, nil
}

// AssignLicense gives a user the license with code, e.g. the Jira sync
// license, as licenseType, LicenseNamed or LicenseFloated
// (POST /api/System/User/{userId}/License). If the answer is lost, the
// user's licenses are checked rather than the license assigned twice.
func (c *Client) AssignLicense(ctx context.Context, userID int64, code, licenseType string) error {
	post := c.poster("assign license", pathUserLicenses(userID), nil, UserLicense{Code: code, Type: licenseType}, nil)
	return api.CreateOnce(ctx, c.http.MaxRetries(), post, func(ctx context.Context) (bool, error) {
		_, held, err := c.heldLicense(ctx, userID, code)
		return held, err
	})
}

// RemoveLicense takes the license with code away from a user
// (DELETE /api/System/User/{userId}/License/{licenseCode}).
func (c *Client) RemoveLicense(ctx context.Context, userID int64, code string) error {
	return c.call(ctx, "remove license", http.MethodDelete, pathUserLicense(userID, code), nil, nil, nil)
}

// ChangeLicenseType makes a license the user holds a licenseType one. It
// removes the license and assigns it again with the new type: aqua's
// document describes PATCH .../License/{licenseCode} for this, but not the
// OperationType value its body needs, so the client uses the two
// operations it documents fully.
func (c *Client) ChangeLicenseType(ctx context.Context, userID int64, code, licenseType string) error {
	if err := c.RemoveLicense(ctx, userID, code); err != nil {
		return err
	}
	return c.AssignLicense(ctx, userID, code, licenseType)
}

// heldLicense returns the user's license with code (compared
// case-insensitively), if the user holds it.
func (c *Client) heldLicense(ctx context.Context, userID int64, code string) (UserLicense, bool, error) {
	licenses, err := c.UserLicenses(ctx, userID)
	if err != nil {
		return UserLicense{}, false, err
	}
	for _, l := range licenses {
		if strings.EqualFold(l.Code, code) {
			return l, true, nil
		}
	}
	return UserLicense{}, false, nil
}
