package sandbox

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// The field and value mappings of a Jira sync definition, part of the
// provider's own contract (see package aqua):
//
//	GET/POST        /api/JiraSync/Definition/{id}/FieldMapping
//	GET/PUT/DELETE  /api/JiraSync/Definition/{id}/FieldMapping/{mappingId}
//	GET/POST        /api/JiraSync/Definition/{id}/ValueMapping
//	GET/PUT/DELETE  /api/JiraSync/Definition/{id}/ValueMapping/{mappingId}
//
// POST answers 201 and PUT 200 with the mapping, DELETE 204. A field
// mapping is unique per (ItemType, AquaField) in its definition, a value
// mapping per Field: a second one is a 409. Bodies are decoded strictly.

// aquaResolutionRule is the checklist's rule for the resolution field.
const aquaResolutionRule = "For the resolution field you must check that all values must be mapped, including null values."

// aquaMapping is what the generic mapping handlers need of a mapping type.
type aquaMapping interface {
	aqua.FieldMapping | aqua.ValueMapping
}

// aquaMappingKind describes one kind of mapping to the generic handlers.
type aquaMappingKind[M aquaMapping] struct {
	noun       string // e.g. "field mapping"
	collection func(s *aquaState) *collection[M]
	ids        func(m M) (id, syncID int64)
	withIDs    func(m M, id, syncID int64) M
	// resolve validates m for the definition syncID, ignoring the mapping
	// self (0 on create), and returns the mapping to store.
	resolve func(s *aquaState, m M, syncID, self int64) (M, error)
}

// registerMappings adds the field and value mapping routes.
func (p *aquaProduct) registerMappings(env *productEnv, auth aquaAuthWrapper) {
	registerAquaMappingRoutes(p, env, auth, aquaSyncDefinitionsPath+"/{id}/FieldMapping", aquaFieldMappingKind())
	registerAquaMappingRoutes(p, env, auth, aquaSyncDefinitionsPath+"/{id}/ValueMapping", aquaValueMappingKind())
}

// aquaFieldMappingKind describes field mappings.
func aquaFieldMappingKind() aquaMappingKind[aqua.FieldMapping] {
	return aquaMappingKind[aqua.FieldMapping]{
		noun:       "field mapping",
		collection: func(s *aquaState) *collection[aqua.FieldMapping] { return &s.FieldMappings },
		ids:        func(m aqua.FieldMapping) (int64, int64) { return m.ID, m.SyncID },
		withIDs: func(m aqua.FieldMapping, id, syncID int64) aqua.FieldMapping {
			m.ID, m.SyncID = id, syncID
			return m
		},
		resolve: aquaResolveFieldMapping,
	}
}

// aquaValueMappingKind describes value mappings.
func aquaValueMappingKind() aquaMappingKind[aqua.ValueMapping] {
	return aquaMappingKind[aqua.ValueMapping]{
		noun:       "value mapping",
		collection: func(s *aquaState) *collection[aqua.ValueMapping] { return &s.ValueMappings },
		ids:        func(m aqua.ValueMapping) (int64, int64) { return m.ID, m.SyncID },
		withIDs: func(m aqua.ValueMapping, id, syncID int64) aqua.ValueMapping {
			m.ID, m.SyncID = id, syncID
			return m
		},
		resolve: aquaResolveValueMapping,
	}
}

// aquaResolveFieldMapping checks a field mapping: a known item type, an
// existing aqua field of it, a Jira field, a direction, and no other
// mapping of the same aqua field.
func aquaResolveFieldMapping(s *aquaState, m aqua.FieldMapping, syncID, self int64) (aqua.FieldMapping, error) {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	itemType, knownType := aquaItemType(m.ItemType)
	switch {
	case m.ItemType == "":
		add("ItemType is required: one of %s", strings.Join(aqua.SyncItemTypes(), ", "))
	case !knownType:
		add("ItemType must be one of %s, got %q", strings.Join(aqua.SyncItemTypes(), ", "), m.ItemType)
	default:
		m.ItemType = itemType
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
	if !slices.Contains(aqua.Directions(), m.Direction) {
		add("Direction must be one of %s, got %q", strings.Join(aqua.Directions(), ", "), m.Direction)
	}
	if len(problems) > 0 {
		return aqua.FieldMapping{}, newAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
	}
	id, _, taken := s.FieldMappings.find(func(id int64, x aqua.FieldMapping) bool {
		other, _ := aquaField(x.AquaField)
		return id != self && x.SyncID == syncID && x.ItemType == m.ItemType && other.FieldID == field.FieldID
	})
	if taken {
		return aqua.FieldMapping{}, newAPIError(http.StatusConflict, "AquaField: field %s of %s is already mapped by field mapping %d", field.FieldID, itemType, id)
	}
	return m, nil
}

// aquaFieldIDs lists the field ids of every item type.
func aquaFieldIDs() string {
	fields := aquaFieldsOf()
	ids := make([]string, len(fields))
	for i, f := range fields {
		ids[i] = f.FieldID
	}
	return strings.Join(ids, ", ")
}

// aquaResolveValueMapping checks a value mapping: a field, at least one
// value pair with both sides set, a NullValue for the resolution field, and
// no other mapping of the same field.
func aquaResolveValueMapping(s *aquaState, m aqua.ValueMapping, syncID, self int64) (aqua.ValueMapping, error) {
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
	if strings.EqualFold(m.Field, aqua.ResolutionField) && strings.TrimSpace(m.NullValue) == "" {
		add("NullValue is required for the resolution field: %q (add a value such as 'Unresolved' to the aqua resolution dictionary and map null values to it)", aquaResolutionRule)
	}
	if len(problems) > 0 {
		return aqua.ValueMapping{}, newAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
	}
	id, _, taken := s.ValueMappings.find(func(id int64, x aqua.ValueMapping) bool {
		return id != self && x.SyncID == syncID && strings.EqualFold(x.Field, m.Field)
	})
	if taken {
		return aqua.ValueMapping{}, newAPIError(http.StatusConflict, "Field: %q is already mapped by value mapping %d", m.Field, id)
	}
	return m, nil
}
