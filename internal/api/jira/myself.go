package jira

import (
	"context"
	"net/url"
)

// Myself reads the account the client logs in as, with its groups and
// application roles.
func (c *Client) Myself(ctx context.Context) (User, error) {
	var u userWire
	q := url.Values{"expand": {"groups,applicationRoles"}}
	if err := c.get(ctx, "read current user", pathMyself, q, authenticated, &u); err != nil {
		return User{}, err
	}
	return u.user(), nil
}
