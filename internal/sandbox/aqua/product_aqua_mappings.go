package aqua

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// The field and value mappings of a Jira sync definition, part of the
// provider's own contract (shapes in wire_jirasync.go):
//
//	GET/POST        /almsync/aqua-jira-sync/v1/definitions/{id}/field-mappings
//	GET/PUT/DELETE  /almsync/aqua-jira-sync/v1/definitions/{id}/field-mappings/{mappingId}
//	GET/POST        /almsync/aqua-jira-sync/v1/definitions/{id}/value-mappings
//	GET/PUT/DELETE  /almsync/aqua-jira-sync/v1/definitions/{id}/value-mappings/{mappingId}
//
// POST answers 201 and PUT 200 with the mapping, DELETE 204. A field
// mapping is unique per (ItemType, AquaField) in its definition, a value
// mapping per Field: a second one is a 409. Bodies are decoded strictly.

// aquaResolutionRule is the checklist's rule for the resolution field.
const aquaResolutionRule = "For the resolution field you must check that all values must be mapped, including null values."

// aquaMapping is what the generic mapping handlers need of a mapping type.
type aquaMapping interface {
	fieldMapping | valueMapping
}

// aquaMappingKind describes one kind of mapping to the generic handlers.
type aquaMappingKind[M aquaMapping] struct {
	noun       string // e.g. "field mapping"
	collection func(s *aquaState) *kernel.Collection[M]
	ids        func(m M) (id, syncID int64)
	withIDs    func(m M, id, syncID int64) M
	// resolve validates m for the definition syncID, ignoring the mapping
	// self (0 on create), and returns the mapping to store.
	resolve func(s *aquaState, m M, syncID, self int64) (M, error)
}

// registerMappings adds the field and value mapping routes.
func (p *Product) registerMappings(env *kernel.Env, auth aquaAuthWrapper) {
	registerAquaMappingRoutes(p, env, auth, aquaSyncDefinitionsPath+"/{id}/field-mappings", aquaFieldMappingKind())
	registerAquaMappingRoutes(p, env, auth, aquaSyncDefinitionsPath+"/{id}/value-mappings", aquaValueMappingKind())
}

// aquaFieldMappingKind describes field mappings.
func aquaFieldMappingKind() aquaMappingKind[fieldMapping] {
	return aquaMappingKind[fieldMapping]{
		noun:       "field mapping",
		collection: func(s *aquaState) *kernel.Collection[fieldMapping] { return &s.FieldMappings },
		ids:        func(m fieldMapping) (int64, int64) { return m.ID, m.SyncID },
		withIDs: func(m fieldMapping, id, syncID int64) fieldMapping {
			m.ID, m.SyncID = id, syncID
			return m
		},
		resolve: aquaResolveFieldMapping,
	}
}

// aquaValueMappingKind describes value mappings.
func aquaValueMappingKind() aquaMappingKind[valueMapping] {
	return aquaMappingKind[valueMapping]{
		noun:       "value mapping",
		collection: func(s *aquaState) *kernel.Collection[valueMapping] { return &s.ValueMappings },
		ids:        func(m valueMapping) (int64, int64) { return m.ID, m.SyncID },
		withIDs: func(m valueMapping, id, syncID int64) valueMapping {
			m.ID, m.SyncID = id, syncID
			return m
		},
		resolve: aquaResolveValueMapping,
	}
}

// aquaResolveFieldMapping checks a field mapping: a known item type, an
// existing aqua field of it, a Jira field, a direction, and no other
// mapping of the same aqua field.
func aquaResolveFieldMapping(s *aquaState, m fieldMapping, syncID, self int64) (fieldMapping, error) {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	// The contract's ItemType is an enum, spelled exactly.
	itemType, knownType := m.ItemType, slices.Contains(syncItemTypes(), m.ItemType)
	switch {
	case m.ItemType == "":
		add("ItemType is required: one of %s", strings.Join(syncItemTypes(), ", "))
	case !knownType:
		add("ItemType must be one of %s (spelled exactly), got %q", strings.Join(syncItemTypes(), ", "), m.ItemType)
	}
	field, knownField := aquaField(m.AquaField)
	switch {
	case strings.TrimSpace(m.AquaField) == "":
		add("AquaField is required")
	case knownType && !knownField:
		add("AquaField: %q is not a field of %s; fields: %s", m.AquaField, itemType, aquaFieldIDs())
	}
	if strings.TrimSpace(m.JiraField) == "" {
		add("JiraField is required")
	}
	if !slices.Contains(directions(), m.Direction) {
		add("Direction must be one of %s, got %q", strings.Join(directions(), ", "), m.Direction)
	}
	if len(problems) > 0 {
		return fieldMapping{}, kernel.NewAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
	}
	id, _, taken := s.FieldMappings.Find(func(id int64, x fieldMapping) bool {
		other, _ := aquaField(x.AquaField)
		return id != self && x.SyncID == syncID && x.ItemType == m.ItemType && other.ID == field.ID
	})
	if taken {
		return fieldMapping{}, kernel.NewAPIError(http.StatusConflict, "AquaField: field %s of %s is already mapped by field mapping %d", field.ID, itemType, id)
	}
	return m, nil
}

// aquaFieldIDs lists the field ids of every item type.
func aquaFieldIDs() string {
	fields := seedFields()
	ids := make([]string, len(fields))
	for i, f := range fields {
		ids[i] = f.ID
	}
	return strings.Join(ids, ", ")
}

// aquaResolveValueMapping checks a value mapping: a field, at least one
// value pair with both sides set, a NullValue for the resolution field, and
// no other mapping of the same field.
func aquaResolveValueMapping(s *aquaState, m valueMapping, syncID, self int64) (valueMapping, error) {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	m.Field = strings.TrimSpace(m.Field)
	if m.Field == "" {
		add("Field is required")
	}
	if len(m.Values) == 0 {
		add("Values must map at least one Jira value to an aqua value")
	}
	for _, jira := range slices.Sorted(maps.Keys(m.Values)) {
		switch {
		case strings.TrimSpace(jira) == "":
			add("Values: a Jira value must not be empty; map the empty Jira value with NullValue")
		case strings.TrimSpace(m.Values[jira]) == "":
			add("Values: the aqua value for Jira value %q must not be empty", jira)
		}
	}
	if strings.EqualFold(m.Field, resolutionField) && strings.TrimSpace(m.NullValue) == "" {
		add("NullValue is required for the resolution field: %q (add a value such as 'Unresolved' to the aqua resolution dictionary and map null values to it)", aquaResolutionRule)
	}
	if len(problems) > 0 {
		return valueMapping{}, kernel.NewAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
	}
	id, _, taken := s.ValueMappings.Find(func(id int64, x valueMapping) bool {
		return id != self && x.SyncID == syncID && strings.EqualFold(x.Field, m.Field)
	})
	if taken {
		return valueMapping{}, kernel.NewAPIError(http.StatusConflict, "Field: %q is already mapped by value mapping %d", m.Field, id)
	}
	return m, nil
}
