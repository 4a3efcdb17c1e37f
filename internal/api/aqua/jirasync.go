package aqua

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// ListSyncDefinitions returns every Jira sync definition, without secrets.
func (c *Client) ListSyncDefinitions(ctx context.Context) ([]SyncDefinition, error) {
	var defs []SyncDefinition
	err := c.contractCall(ctx, "list sync definitions", http.MethodGet, pathSyncDefinitions, nil, nil, &defs)
	return defs, err
}

// FindSyncDefinition looks a definition up by Name, compared
// case-insensitively.
func (c *Client) FindSyncDefinition(ctx context.Context, name string) (SyncDefinition, bool, error) {
	var defs []SyncDefinition
	q := url.Values{"name": {name}}
	if err := c.contractCall(ctx, "find sync definition", http.MethodGet, pathSyncDefinitions, q, nil, &defs); err != nil {
		return SyncDefinition{}, false, err
	}
	for _, d := range defs {
		if strings.EqualFold(d.Name, name) {
			return d, true, nil
		}
	}
	return SyncDefinition{}, false, nil
}

// GetSyncDefinition reads one definition by id. Password and ApiToken come
// back empty. List-backed when many definitions are read (see Client).
func (c *Client) GetSyncDefinition(ctx context.Context, id int64) (SyncDefinition, error) {
	return c.syncDefs.Get(ctx, id, func(ctx context.Context) (SyncDefinition, error) {
		var d SyncDefinition
		err := c.contractCall(ctx, "read sync definition", http.MethodGet, pathSyncDefinition(id), nil, nil, &d)
		return d, err
	})
}

// CreateSyncDefinition creates a definition and returns it with its Id;
// def.ID is ignored. If the answer is lost, the definition is looked up by
// Name rather than created twice.
func (c *Client) CreateSyncDefinition(ctx context.Context, def SyncDefinition) (SyncDefinition, error) {
	const op = "create sync definition"
	def.ID = 0
	var created SyncDefinition
	err := api.CreateOnce(ctx, c.http.MaxRetries(), c.contractPoster(op, pathSyncDefinitions, def, &created), func(ctx context.Context) (bool, error) {
		found, ok, err := c.FindSyncDefinition(ctx, def.Name)
		created = found
		return ok, err
	})
	if created.ID != 0 {
		c.syncDefs.Forget(created.ID)
	}
	if err != nil {
		return SyncDefinition{}, err
	}
	if created.ID == 0 {
		return SyncDefinition{}, missingID(op, http.StatusCreated, "Id")
	}
	return created, nil
}

// UpdateSyncDefinition replaces a definition and returns what aqua stored.
// An empty Password or ApiToken keeps the stored secret; a nil SyncUser
// removes the Jira sync user.
func (c *Client) UpdateSyncDefinition(ctx context.Context, id int64, def SyncDefinition) (SyncDefinition, error) {
	c.syncDefs.Forget(id)
	def.ID = id
	var updated SyncDefinition
	err := c.contractCall(ctx, "update sync definition", http.MethodPut, pathSyncDefinition(id), nil, def, &updated)
	return updated, err
}

// DeleteSyncDefinition deletes a definition and its mappings.
func (c *Client) DeleteSyncDefinition(ctx context.Context, id int64) error {
	c.syncDefs.Forget(id)
	return c.contractCall(ctx, "delete sync definition", http.MethodDelete, pathSyncDefinition(id), nil, nil, nil)
}
