package aqua

import (
	"context"
	"net/http"
	"strings"
)

// ListLicenses returns the instance's license pools with their use.
func (c *Client) ListLicenses(ctx context.Context) ([]License, error) {
	var licenses []License
	err := c.call(ctx, "list licenses", http.MethodGet, pathLicenses, nil, nil, &licenses)
	return licenses, err
}

// ListUserLicenses returns the licenses a user holds.
func (c *Client) ListUserLicenses(ctx context.Context, userID int64) ([]UserLicense, error) {
	var licenses []UserLicense
	err := c.call(ctx, "list user licenses", http.MethodGet, pathUserLicenses(userID), nil, nil, &licenses)
	return licenses, err
}

// AddUserLicense gives a user the license with code, e.g. the Jira sync
// license. If the answer is lost, the user's licenses are checked rather
// than the license added twice.
func (c *Client) AddUserLicense(ctx context.Context, userID int64, code string) error {
	return c.create(ctx, "add license", pathUserLicenses(userID), LicenseRequest{Code: code}, nil,
		func(ctx context.Context) (bool, error) { return c.holdsLicense(ctx, userID, code) })
}

// RemoveUserLicense takes the license with code away from a user.
func (c *Client) RemoveUserLicense(ctx context.Context, userID int64, code string) error {
	return c.call(ctx, "remove license", http.MethodDelete, pathUserLicense(userID, code), nil, nil, nil)
}

// holdsLicense reports whether a user holds the license with code
// (compared case-insensitively).
func (c *Client) holdsLicense(ctx context.Context, userID int64, code string) (bool, error) {
	licenses, err := c.ListUserLicenses(ctx, userID)
	if err != nil {
		return false, err
	}
	for _, l := range licenses {
		if strings.EqualFold(l.Code, code) {
			return true, nil
		}
	}
	return false, nil
}
