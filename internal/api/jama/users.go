package jama

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/readcache"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// Client is a Jama Connect REST API client, and the client of the
// provider's JIRA Connector contract (contract.JamaJiraConnector), served
// at the contract URL (WithContractURL; default instanceURL).
//
// GetUser and GetJiraConnection are list-backed when many objects are read
// in a row (package readcache): the client lists the type, every user
// (inactive ones too) or every connection, one request per page, and
// serves the reads from it. Every write through the client makes the
// object's next reads plain GETs.
type Client struct {
	rest      *REST
	users     *readcache.Cache[int64, User]
	jiraConns *readcache.Cache[int64, JiraConnection]
}

// New returns a client for the Jama Connect instance at instanceURL. The
// JIRA Connector contract is its; opts may say where it is served
// (WithContractURL).
func New(instanceURL string, creds Credentials, tc *transport.Client, opts ...Option) (*Client, error) {
	rest, err := NewREST("Jama", instanceURL, creds, tc, append([]Option{WithContract(contract.JamaJiraConnector)}, opts...)...)
	if err != nil {
		return nil, err
	}
	c := &Client{rest: rest}
	c.users = readcache.New(readcache.Options[int64, User]{
		List:     func(ctx context.Context) ([]User, error) { return c.ListUsers(ctx, true) },
		Key:      func(u User) int64 { return u.ID },
		PageSize: MaxMaxResults,
	})
	c.jiraConns = readcache.New(readcache.Options[int64, JiraConnection]{
		List:     c.ListJiraConnections,
		Key:      func(conn JiraConnection) int64 { return conn.ID },
		PageSize: MaxMaxResults,
	})
	return c, nil
}

// CurrentUser returns the user the client authenticates as.
func (c *Client) CurrentUser(ctx context.Context) (User, error) {
	var u User
	_, err := c.rest.Call(ctx, "read current user", http.MethodGet, pathUserCurrent, nil, nil, &u)
	return u, err
}

// GetUser reads one user by id, active or not; list-backed when many
// users are read (see Client).
func (c *Client) GetUser(ctx context.Context, id int64) (User, error) {
	return c.users.Get(ctx, id, func(ctx context.Context) (User, error) {
		var u User
		_, err := c.rest.Call(ctx, "read user", http.MethodGet, pathUser(id), nil, nil, &u)
		return u, err
	})
}

// FindUser looks a user up by username (case-insensitive), active or not.
func (c *Client) FindUser(ctx context.Context, username string) (User, bool, error) {
	q := url.Values{"username": {username}, "includeInactive": {"true"}}
	users, err := List[User](ctx, c.rest, "find user", pathUsers, q)
	if err != nil {
		return User{}, false, err
	}
	for _, u := range users {
		if strings.EqualFold(u.Username, username) {
			return u, true, nil
		}
	}
	return User{}, false, nil
}

// CreateUser creates a user and returns its id. If the answer is lost, the
// user is looked up by username rather than created twice. A username in
// use is an *AlreadyExistsError (Jama answers 400 "already exists"), which
// matches api.ErrConflict.
func (c *Client) CreateUser(ctx context.Context, req UserRequest) (int64, error) {
	id, err := c.rest.Create(ctx, "create user", pathUsers, req, func(ctx context.Context) (int64, bool, error) {
		u, found, err := c.FindUser(ctx, req.Username)
		return u.ID, found, err
	})
	if id != 0 {
		c.users.Forget(id)
	}
	return id, err
}

// UpdateUser replaces a user's fields. It cannot change the password:
// Jama's PUT /users/{id} does not accept one (see UserUpdate).
func (c *Client) UpdateUser(ctx context.Context, id int64, req UserUpdate) error {
	c.users.Forget(id)
	_, err := c.rest.Call(ctx, "update user", http.MethodPut, pathUser(id), nil, req, nil)
	return err
}

// SetUserActive activates or deactivates a user (Jama has no user delete).
func (c *Client) SetUserActive(ctx context.Context, id int64, active bool) error {
	c.users.Forget(id)
	_, err := c.rest.Call(ctx, "set user active", http.MethodPut, pathUserActive(id), nil, ActiveRequest{Active: active}, nil)
	return err
}
