package aqua

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// ErrUnknownRole is matched by the error of a call naming a role that aqua
// does not define.
var ErrUnknownRole = errors.New("aqua has no such role")

// ListRoles returns the roles defined in aqua (GET /api/System/Role).
func (c *Client) ListRoles(ctx context.Context) ([]Role, error) {
	var roles []Role
	err := c.call(ctx, "list roles", http.MethodGet, pathRoles, nil, nil, &roles)
	return roles, err
}

// FindRole returns the role called name, compared case-insensitively. A
// name aqua does not define is an error matching ErrUnknownRole that lists
// the roles it does.
func (c *Client) FindRole(ctx context.Context, name string) (Role, error) {
	roles, err := c.ListRoles(ctx)
	if err != nil {
		return Role{}, err
	}
	names := make([]string, 0, len(roles))
	for _, r := range roles {
		if strings.EqualFold(r.Name, strings.TrimSpace(name)) {
			return r, nil
		}
		names = append(names, strconv.Quote(r.Name))
	}
	return Role{}, fmt.Errorf("%w %q; its roles are %s", ErrUnknownRole, name, strings.Join(names, ", "))
}
