package aqua

import (
	"context"
	"net/http"
	"strings"
)

// CurrentUser returns the user the client is logged in as.
func (c *Client) CurrentUser(ctx context.Context) (User, error) {
	var u User
	err := c.call(ctx, "read session", http.MethodGet, pathSession, nil, nil, &u)
	return u, err
}

// ListUsers returns every user.
func (c *Client) ListUsers(ctx context.Context) ([]User, error) {
	var users []User
	err := c.call(ctx, "list users", http.MethodGet, pathUsers, nil, nil, &users)
	return users, err
}

// GetUser reads one user by id.
func (c *Client) GetUser(ctx context.Context, id int64) (User, error) {
	var u User
	err := c.call(ctx, "read user", http.MethodGet, pathUser(id), nil, nil, &u)
	return u, err
}

// FindUser looks a user up by UserName, compared case-insensitively.
func (c *Client) FindUser(ctx context.Context, userName string) (User, bool, error) {
	users, err := c.ListUsers(ctx)
	if err != nil {
		return User{}, false, err
	}
	for _, u := range users {
		if strings.EqualFold(u.UserName, userName) {
			return u, true, nil
		}
	}
	return User{}, false, nil
}

// CreateUser creates a user and returns it with its Id. If the answer is
// lost, the user is looked up by UserName rather than created twice.
func (c *Client) CreateUser(ctx context.Context, req UserRequest) (User, error) {
	const op = "create user"
	var u User
	err := c.create(ctx, op, pathUsers, req, &u, func(ctx context.Context) (bool, error) {
		found, ok, err := c.FindUser(ctx, req.UserName)
		u = found
		return ok, err
	})
	if err != nil {
		return User{}, err
	}
	if u.ID == 0 {
		return User{}, missingID(op)
	}
	return u, nil
}

// UpdateUser replaces a user's fields. Read the user back with GetUser to
// see what aqua stored.
func (c *Client) UpdateUser(ctx context.Context, id int64, req UserRequest) error {
	return c.call(ctx, "update user", http.MethodPut, pathUser(id), nil, req, nil)
}

// DeleteUser deletes a user.
func (c *Client) DeleteUser(ctx context.Context, id int64) error {
	return c.call(ctx, "delete user", http.MethodDelete, pathUser(id), nil, nil, nil)
}
