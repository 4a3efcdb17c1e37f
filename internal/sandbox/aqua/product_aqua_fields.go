package aqua

import (
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// registerFields adds the field and dictionary entry routes.
func (p *Product) registerFields(env *kernel.Env, auth aquaAuthWrapper) {
	env.Handle("GET /api/Project/{projectId}/Meta/{itemType}/Fields", auth(p.listFields))
	env.Handle("GET /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries", auth(p.getDictionary))
	env.Handle("POST /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries", auth(p.addFieldEntry))
}

// fieldRef is a dictionary field named by a request path.
type fieldRef struct {
	projectID int64
	itemType  string // canonical spelling
	field     seedField
}

// readItemType checks the {projectId} and {itemType} path values.
func (p *Product) readItemType(r *http.Request, principal aquaUser) (int64, string, error) {
	project, err := p.readProject(r, "projectId", principal)
	if err != nil {
		return 0, "", err
	}
	itemType, ok := aquaItemType(r.PathValue("itemType"))
	if !ok {
		return 0, "", argumentError(argItemTypeNotSupported, "The item type %q is not supported; item types: %s.",
			r.PathValue("itemType"), strings.Join(syncItemTypes(), ", "))
	}
	return project.ID, itemType, nil
}

// readDictionaryField checks the path of an Entries route: the field must
// exist and be a dictionary.
func (p *Product) readDictionaryField(r *http.Request, principal aquaUser) (fieldRef, error) {
	projectID, itemType, err := p.readItemType(r, principal)
	if err != nil {
		return fieldRef{}, err
	}
	fieldID := r.PathValue("fieldId")
	field, ok := aquaField(fieldID)
	if !ok {
		return fieldRef{}, notFound("The field %q does not exist in item type %s.", fieldID, itemType)
	}
	if field.FieldType != fieldDictionary {
		return fieldRef{}, argumentError(argWrongFieldType, "The field %s of %s is a %s field; only %s fields have entries.",
			field.ID, itemType, field.FieldType, fieldDictionary)
	}
	return fieldRef{projectID: projectID, itemType: itemType, field: field}, nil
}

// holds reports whether entry belongs to the field.
func (ref fieldRef) holds(e aquaFieldEntry) bool {
	return e.ProjectID == ref.projectID && e.ItemType == ref.itemType && e.FieldID == ref.field.ID
}

// listFields serves GET .../Meta/{itemType}/Fields: every field, the
// dictionary fields with their entries.
func (p *Product) listFields(w http.ResponseWriter, r *http.Request, principal aquaUser) {
	projectID, itemType, err := p.readItemType(r, principal)
	if err != nil {
		p.fail(w, err)
		return
	}
	fields := []apiFieldMeta{}
	p.state.Read(func(s *aquaState) {
		for _, f := range seedFields() {
			meta := apiFieldMeta{ID: f.ID, Title: f.Title, FieldType: f.FieldType, IsActive: true}
			if f.FieldType == fieldDictionary {
				shared := false
				meta.IsShared, meta.Entries = &shared, []apiFieldMetaDictEntry{}
				ref := fieldRef{projectID: projectID, itemType: itemType, field: f}
				for _, e := range s.FieldEntries.List() {
					if ref.holds(e) {
						meta.Entries = append(meta.Entries, apiFieldMetaDictEntry{ID: e.ID, Name: e.Name, IsDefault: e.IsDefault})
					}
				}
			}
			fields = append(fields, meta)
		}
	})
	kernel.WriteJSON(w, http.StatusOK, fields)
}

// getDictionary serves GET .../Fields/{fieldId}/Entries.
func (p *Product) getDictionary(w http.ResponseWriter, r *http.Request, principal aquaUser) {
	ref, err := p.readDictionaryField(r, principal)
	if err != nil {
		p.fail(w, err)
		return
	}
	p.state.Read(func(s *aquaState) {
		d := ref.dictionary(s)
		kernel.WriteJSON(w, http.StatusOK, d)
	})
}

// dictionary is the field's dictionary as ApiProjectTemplateDictionary:
// its id is that of the field's first seeded entry's field, its
// consistency key changes with every entry added.
func (ref fieldRef) dictionary(s *aquaState) apiProjectTemplateDictionary {
	d := apiProjectTemplateDictionary{Entries: []apiProjectTemplateDictionaryEntry{}, ID: ref.field.dictionaryID(ref.projectID), Name: ref.field.Title}
	var last int64
	for _, e := range s.FieldEntries.List() {
		if ref.holds(e) {
			d.Entries = append(d.Entries, apiProjectTemplateDictionaryEntry{ID: e.ID, Name: e.Name, IsDefault: e.IsDefault})
			last = max(last, e.ID)
		}
	}
	d.ConsistencyKey = consistencyKey(len(d.Entries), last)
	return d
}

// addFieldEntry serves POST .../Fields/{fieldId}/Entries {Name,
// IsDefault}: 200 with the entry. Names are unique per field, compared
// case-insensitively; a new default entry replaces the old default.
func (p *Product) addFieldEntry(w http.ResponseWriter, r *http.Request, principal aquaUser) {
	ref, err := p.readDictionaryField(r, principal)
	if err != nil {
		p.fail(w, err)
		return
	}
	var req apiProjectTemplateDictionaryEntryNew
	if err := kernel.DecodeJSON(w, r, &req, true); err != nil {
		p.fail(w, err)
		return
	}
	name := strings.TrimSpace(req.Name)
	if name == "" {
		p.fail(w, argumentError(argFieldValueEmptyName, "Name is required."))
		return
	}
	var created aquaFieldEntry
	err = p.state.Write(func(s *aquaState) error {
		for _, e := range s.FieldEntries.List() {
			switch {
			case !ref.holds(e):
			case strings.EqualFold(e.Name, name):
				return argumentError(argDuplicateEntry, "The field %s of %s already has the entry %q (Id %d).", ref.field.ID, ref.itemType, name, e.ID)
			case req.IsDefault && e.IsDefault:
				e.IsDefault = false
				s.FieldEntries.Replace(e.ID, e)
			}
		}
		created = s.FieldEntries.Insert(func(id int64) aquaFieldEntry {
			return aquaFieldEntry{ID: id, ProjectID: ref.projectID, ItemType: ref.itemType, FieldID: ref.field.ID, Name: name, IsDefault: req.IsDefault}
		})
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	kernel.WriteJSON(w, http.StatusOK, apiProjectTemplateDictionaryEntry{ID: created.ID, Name: created.Name, IsDefault: created.IsDefault})
}
