package aqua

import (
	"context"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// ListFieldMappings returns the field mappings of a sync definition.
func (c *Client) ListFieldMappings(ctx context.Context, syncID int64) ([]FieldMapping, error) {
	var ms []FieldMapping
	err := c.contractCall(ctx, "list field mappings", http.MethodGet, pathFieldMappings(syncID), nil, nil, &ms)
	return ms, err
}

// GetFieldMapping reads one field mapping of a sync definition.
func (c *Client) GetFieldMapping(ctx context.Context, syncID, id int64) (FieldMapping, error) {
	var m FieldMapping
	err := c.contractCall(ctx, "read field mapping", http.MethodGet, pathFieldMapping(syncID, id), nil, nil, &m)
	return m, err
}

// CreateFieldMapping creates a field mapping in a sync definition and
// returns it with its Id; m.ID is ignored. If the answer is lost, the
// mapping is looked up by ItemType and AquaField rather than created twice.
func (c *Client) CreateFieldMapping(ctx context.Context, syncID int64, m FieldMapping) (FieldMapping, error) {
	const op = "create field mapping"
	m.ID, m.SyncID = 0, syncID
	var created FieldMapping
	err := api.CreateOnce(ctx, c.http.MaxRetries(), c.contractPoster(op, pathFieldMappings(syncID), m, &created), func(ctx context.Context) (bool, error) {
		all, err := c.ListFieldMappings(ctx, syncID)
		if err != nil {
			return false, err
		}
		for _, x := range all {
			if strings.EqualFold(x.ItemType, m.ItemType) && strings.EqualFold(x.AquaField, m.AquaField) {
				created = x
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil {
		return FieldMapping{}, err
	}
	if created.ID == 0 {
		return FieldMapping{}, missingID(op, http.StatusCreated, "Id")
	}
	return created, nil
}

// UpdateFieldMapping replaces a field mapping and returns what aqua stored.
func (c *Client) UpdateFieldMapping(ctx context.Context, syncID, id int64, m FieldMapping) (FieldMapping, error) {
	m.ID, m.SyncID = id, syncID
	var updated FieldMapping
	err := c.contractCall(ctx, "update field mapping", http.MethodPut, pathFieldMapping(syncID, id), nil, m, &updated)
	return updated, err
}

// DeleteFieldMapping deletes a field mapping.
func (c *Client) DeleteFieldMapping(ctx context.Context, syncID, id int64) error {
	return c.contractCall(ctx, "delete field mapping", http.MethodDelete, pathFieldMapping(syncID, id), nil, nil, nil)
}

// ListValueMappings returns the value mappings of a sync definition.
func (c *Client) ListValueMappings(ctx context.Context, syncID int64) ([]ValueMapping, error) {
	var ms []ValueMapping
	err := c.contractCall(ctx, "list value mappings", http.MethodGet, pathValueMappings(syncID), nil, nil, &ms)
	return ms, err
}

// GetValueMapping reads one value mapping of a sync definition.
func (c *Client) GetValueMapping(ctx context.Context, syncID, id int64) (ValueMapping, error) {
	var m ValueMapping
	err := c.contractCall(ctx, "read value mapping", http.MethodGet, pathValueMapping(syncID, id), nil, nil, &m)
	return m, err
}

// CreateValueMapping creates a value mapping in a sync definition and
// returns it with its Id; m.ID is ignored. If the answer is lost, the
// mapping is looked up by Field rather than created twice.
func (c *Client) CreateValueMapping(ctx context.Context, syncID int64, m ValueMapping) (ValueMapping, error) {
	const op = "create value mapping"
	m.ID, m.SyncID = 0, syncID
	var created ValueMapping
	err := api.CreateOnce(ctx, c.http.MaxRetries(), c.contractPoster(op, pathValueMappings(syncID), m, &created), func(ctx context.Context) (bool, error) {
		all, err := c.ListValueMappings(ctx, syncID)
		if err != nil {
			return false, err
		}
		for _, x := range all {
			if strings.EqualFold(x.Field, m.Field) {
				created = x
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil {
		return ValueMapping{}, err
	}
	if created.ID == 0 {
		return ValueMapping{}, missingID(op, http.StatusCreated, "Id")
	}
	return created, nil
}

// UpdateValueMapping replaces a value mapping and returns what aqua stored.
func (c *Client) UpdateValueMapping(ctx context.Context, syncID, id int64, m ValueMapping) (ValueMapping, error) {
	m.ID, m.SyncID = id, syncID
	var updated ValueMapping
	err := c.contractCall(ctx, "update value mapping", http.MethodPut, pathValueMapping(syncID, id), nil, m, &updated)
	return updated, err
}

// DeleteValueMapping deletes a value mapping.
func (c *Client) DeleteValueMapping(ctx context.Context, syncID, id int64) error {
	return c.contractCall(ctx, "delete value mapping", http.MethodDelete, pathValueMapping(syncID, id), nil, nil, nil)
}
