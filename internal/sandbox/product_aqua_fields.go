package sandbox

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// registerFields adds the field and dictionary entry routes.
func (p *aquaProduct) registerFields(env *productEnv, auth aquaAuthWrapper) {
	env.handle("GET /api/Project/{pid}/Meta/{itemType}/Fields", auth(p.listFields))
	env.handle("GET /api/Project/{pid}/Meta/{itemType}/Fields/{fieldId}/Entries", auth(p.listFieldEntries))
	env.handle("POST /api/Project/{pid}/Meta/{itemType}/Fields/{fieldId}/Entries", auth(p.addFieldEntry))
}

// aquaFieldRef is a dictionary field named by a request path.
type aquaFieldRef struct {
	projectID int64
	itemType  string // canonical spelling
	field     aqua.Field
}

// readItemType checks the {pid} and {itemType} path values.
func (p *aquaProduct) readItemType(r *http.Request) (int64, string, error) {
	project, err := p.readProject(r)
	if err != nil {
		return 0, "", err
	}
	itemType, ok := aquaItemType(r.PathValue("itemType"))
	if !ok {
		return 0, "", newAPIError(http.StatusNotFound, "item type %q does not exist; item types: %s",
			r.PathValue("itemType"), strings.Join(aqua.SyncItemTypes(), ", "))
	}
	return project.ID, itemType, nil
}

// readDictionaryField checks the path of an Entries route: the field must
// exist and be a dictionary.
func (p *aquaProduct) readDictionaryField(r *http.Request) (aquaFieldRef, error) {
	projectID, itemType, err := p.readItemType(r)
	if err != nil {
		return aquaFieldRef{}, err
	}
	fieldID := r.PathValue("fieldId")
	field, ok := aquaField(fieldID)
	if !ok {
		return aquaFieldRef{}, newAPIError(http.StatusNotFound, "field %q does not exist in item type %s", fieldID, itemType)
	}
	if field.Type != aquaFieldDictionary {
		return aquaFieldRef{}, newAPIError(http.StatusBadRequest, "field %s of %s is a %s field; only %s fields have entries",
			field.FieldID, itemType, field.Type, aquaFieldDictionary)
	}
	return aquaFieldRef{projectID: projectID, itemType: itemType, field: field}, nil
}

// holds reports whether entry belongs to the field.
func (ref aquaFieldRef) holds(e aquaFieldEntry) bool {
	return e.ProjectID == ref.projectID && e.ItemType == ref.itemType && e.FieldID == ref.field.FieldID
}

func (p *aquaProduct) listFields(w http.ResponseWriter, r *http.Request, _ int64) {
	if _, _, err := p.readItemType(r); err != nil {
		p.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, aquaFieldsOf())
}

func (p *aquaProduct) listFieldEntries(w http.ResponseWriter, r *http.Request, _ int64) {
	ref, err := p.readDictionaryField(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	entries := []aqua.FieldEntry{}
	p.state.read(func(s *aquaState) {
		for _, e := range s.FieldEntries.list() {
			if ref.holds(e) {
				entries = append(entries, aqua.FieldEntry{ID: e.ID, Value: e.Value})
			}
		}
	})
	writeJSON(w, http.StatusOK, entries)
}

// addFieldEntry adds a value to a dictionary; values are unique per field,
// compared case-insensitively.
func (p *aquaProduct) addFieldEntry(w http.ResponseWriter, r *http.Request, _ int64) {
	ref, err := p.readDictionaryField(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	var req aqua.FieldEntryRequest
	if err := decodeJSON(w, r, &req, false); err != nil {
		p.fail(w, err)
		return
	}
	value := strings.TrimSpace(req.Value)
	if value == "" {
		p.fail(w, newAPIError(http.StatusBadRequest, "Value is required"))
		return
	}
	var created aquaFieldEntry
	err = p.state.write(func(s *aquaState) error {
		id, _, taken := s.FieldEntries.find(func(_ int64, e aquaFieldEntry) bool {
			return ref.holds(e) && strings.EqualFold(e.Value, value)
		})
		if taken {
			return newAPIError(http.StatusConflict, "field %s of %s already has the entry %q (Id %d)", ref.field.FieldID, ref.itemType, value, id)
		}
		created = s.FieldEntries.insert(func(id int64) aquaFieldEntry {
			return aquaFieldEntry{ID: id, ProjectID: ref.projectID, ItemType: ref.itemType, FieldID: ref.field.FieldID, Value: value}
		})
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	path := fmt.Sprintf("/api/Project/%d/Meta/%s/Fields/%s/Entries", ref.projectID, ref.itemType, ref.field.FieldID)
	p.created(w, r, path, aqua.FieldEntry{ID: created.ID, Value: created.Value})
}
