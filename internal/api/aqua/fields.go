package aqua

import (
	"context"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// ListFields returns the fields of an item type (e.g. "Defect") in a
// project (GET /api/Project/{projectId}/Meta/{itemType}/Fields).
func (c *Client) ListFields(ctx context.Context, projectID int64, itemType string) ([]Field, error) {
	var fields []Field
	err := c.call(ctx, "list fields", http.MethodGet, pathFields(projectID, itemType), nil, nil, &fields)
	return fields, err
}

// GetDictionary returns a dictionary field's entries
// (GET /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries).
func (c *Client) GetDictionary(ctx context.Context, projectID int64, itemType, fieldID string) (Dictionary, error) {
	var d Dictionary
	err := c.call(ctx, "list field entries", http.MethodGet, pathFieldEntries(projectID, itemType, fieldID), nil, nil, &d)
	return d, err
}

// AddFieldEntry adds an entry to a dictionary field, e.g. "Unresolved" to
// Resolution as the Jira sync checklist recommends, and returns it with
// its id (POST .../Fields/{fieldId}/Entries). If the answer is lost, the
// entry is looked up by name rather than added twice.
func (c *Client) AddFieldEntry(ctx context.Context, projectID int64, itemType, fieldID string, entry FieldEntryRequest) (FieldEntry, error) {
	const op = "add field entry"
	var added FieldEntry
	path := pathFieldEntries(projectID, itemType, fieldID)
	err := api.CreateOnce(ctx, c.http.MaxRetries(), c.poster(op, path, nil, entry, &added), func(ctx context.Context) (bool, error) {
		d, err := c.GetDictionary(ctx, projectID, itemType, fieldID)
		if err != nil {
			return false, err
		}
		for _, e := range d.Entries {
			if strings.EqualFold(e.Name, entry.Name) {
				added = e
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil {
		return FieldEntry{}, err
	}
	if added.ID <= 0 {
		return FieldEntry{}, missingID(op, http.StatusOK, "Id")
	}
	return added, nil
}
