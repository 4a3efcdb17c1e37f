package aqua

import (
	"context"
	"net/http"
	"strings"
)

// ListFields returns the fields of an item type (e.g. "Defect") in a
// project.
func (c *Client) ListFields(ctx context.Context, projectID int64, itemType string) ([]Field, error) {
	var fields []Field
	err := c.call(ctx, "list fields", http.MethodGet, pathFields(projectID, itemType), nil, nil, &fields)
	return fields, err
}

// ListFieldEntries returns the entries of a dictionary field.
func (c *Client) ListFieldEntries(ctx context.Context, projectID int64, itemType, fieldID string) ([]FieldEntry, error) {
	var entries []FieldEntry
	err := c.call(ctx, "list field entries", http.MethodGet, pathFieldEntries(projectID, itemType, fieldID), nil, nil, &entries)
	return entries, err
}

// AddFieldEntry adds value to a dictionary field, e.g. "Unresolved" to
// Resolution as the Jira sync checklist recommends, and returns the new
// entry. If the answer is lost, the entry is looked up by value rather
// than added twice.
func (c *Client) AddFieldEntry(ctx context.Context, projectID int64, itemType, fieldID, value string) (FieldEntry, error) {
	const op = "add field entry"
	var entry FieldEntry
	path := pathFieldEntries(projectID, itemType, fieldID)
	err := c.create(ctx, op, path, FieldEntryRequest{Value: value}, &entry, func(ctx context.Context) (bool, error) {
		entries, err := c.ListFieldEntries(ctx, projectID, itemType, fieldID)
		if err != nil {
			return false, err
		}
		for _, e := range entries {
			if strings.EqualFold(e.Value, value) {
				entry = e
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil {
		return FieldEntry{}, err
	}
	if entry.ID == 0 {
		return FieldEntry{}, missingID(op)
	}
	return entry, nil
}
