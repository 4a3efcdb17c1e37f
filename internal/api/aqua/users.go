package aqua

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// CurrentUser returns the user the client is logged in as
// (GET /api/Session).
func (c *Client) CurrentUser(ctx context.Context) (User, error) {
	var u User
	err := c.call(ctx, "read session", http.MethodGet, pathSession, nil, nil, &u)
	return u, err
}

// ListUsers returns every user (GET /api/System/User), without their email
// addresses or licenses.
func (c *Client) ListUsers(ctx context.Context) ([]UserSummary, error) {
	var users []UserSummary
	err := c.call(ctx, "list users", http.MethodGet, pathUsers, nil, nil, &users)
	return users, err
}

// GetUser reads one user by id, with the licenses the user holds
// (GET /api/System/User/{userId}?includeLicenses=true).
func (c *Client) GetUser(ctx context.Context, id int64) (User, error) {
	var u User
	q := url.Values{"includeLicenses": {"true"}}
	err := c.call(ctx, "read user", http.MethodGet, pathUser(id), q, nil, &u)
	return u, err
}

// FindUser looks a user up by UserName, compared case-insensitively.
func (c *Client) FindUser(ctx context.Context, userName string) (UserSummary, bool, error) {
	users, err := c.ListUsers(ctx)
	if err != nil {
		return UserSummary{}, false, err
	}
	for _, u := range users {
		if strings.EqualFold(u.UserName, userName) {
			return u, true, nil
		}
	}
	return UserSummary{}, false, nil
}

// CreateUser creates a user (POST /api/System/User) and returns it as aqua
// stored it. With sendNotification aqua emails the new user, as it does
// by default. aqua answers the new user's id only, so the user is read
// back. If the answer is lost, the user is looked up by UserName rather
// than created twice.
func (c *Client) CreateUser(ctx context.Context, req UserRequest, sendNotification bool) (User, error) {
	const op = "create user"
	var created UserCreated
	q := url.Values{"sendNotification": {strconv.FormatBool(sendNotification)}}
	post := c.poster(op, pathUsers, q, req, &created)
	err := api.CreateOnce(ctx, c.http.MaxRetries(), post, func(ctx context.Context) (bool, error) {
		found, ok, err := c.FindUser(ctx, req.UserName)
		created.UserID = found.ID
		return ok, err
	})
	if err != nil {
		return User{}, err
	}
	if created.UserID <= 0 {
		return User{}, missingID(op, http.StatusOK, "UserId")
	}
	return c.GetUser(ctx, created.UserID)
}

// UpdateUser replaces a user's fields (PUT /api/System/User/{userId}).
// Read the user back with GetUser to see what aqua stored.
func (c *Client) UpdateUser(ctx context.Context, id int64, req UserRequest) error {
	return c.call(ctx, "update user", http.MethodPut, pathUser(id), nil, req, nil)
}

// DeleteUser deletes a user (DELETE /api/System/User/{userId}).
func (c *Client) DeleteUser(ctx context.Context, id int64) error {
	return c.call(ctx, "delete user", http.MethodDelete, pathUser(id), nil, nil, nil)
}
