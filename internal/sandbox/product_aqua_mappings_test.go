package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// aquaKeyMapping maps the Jira issue key into aqua's JiraKey field.
func aquaKeyMapping() aqua.FieldMapping {
	return aqua.FieldMapping{ItemType: "Defect", AquaField: "JiraKey", JiraField: "key", Direction: aqua.DirectionToAqua, ReadOnly: true}
}

// aquaResolutionMapping maps Jira resolutions, null included.
func aquaResolutionMapping() aqua.ValueMapping {
	return aqua.ValueMapping{Field: "resolution", Values: map[string]string{"Done": "Fixed", "Won't Do": "Won't Fix"}, NullValue: "Unresolved"}
}

func TestAquaFieldMappings_CreateReadReplaceDelete(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("fields"))
	base := fmt.Sprintf("/api/JiraSync/Definition/%d/FieldMapping", d.ID)

	r := c.do(http.MethodPost, base, aquaKeyMapping())
	wantStatus(t, r, http.StatusCreated)
	m := aquaDecode[aqua.FieldMapping](t, r)
	want := aquaKeyMapping()
	want.ID, want.SyncID = 1, d.ID
	if m != want {
		t.Errorf("created = %+v, want %+v", m, want)
	}
	if !strings.HasSuffix(r.header.Get("Location"), base+"/1") {
		t.Errorf("Location = %q", r.header.Get("Location"))
	}
	if got := aquaDecode[aqua.FieldMapping](t, c.do(http.MethodGet, base+"/1", nil)); got != want {
		t.Errorf("read = %+v", got)
	}

	m.Direction, m.ReadOnly, m.ItemType = aqua.DirectionBoth, false, "defect"
	r = c.do(http.MethodPut, base+"/1", m)
	wantStatus(t, r, http.StatusOK)
	if got := aquaDecode[aqua.FieldMapping](t, r); got.Direction != aqua.DirectionBoth || got.ReadOnly || got.ItemType != "Defect" {
		t.Errorf("after PUT = %+v, want the canonical item type", got)
	}
	if all := aquaDecode[[]aqua.FieldMapping](t, c.do(http.MethodGet, base, nil)); len(all) != 1 || all[0].Direction != aqua.DirectionBoth {
		t.Errorf("list = %+v", all)
	}

	wantStatus(t, c.do(http.MethodDelete, base+"/1", nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodGet, base+"/1", nil), http.StatusNotFound, "field mapping 1 does not exist")
	wantAquaError(t, c.do(http.MethodPost, "/api/JiraSync/Definition/99/FieldMapping", aquaKeyMapping()), http.StatusNotFound, "Jira sync definition 99")
}

func TestAquaFieldMappings_Validation(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("rules"))
	base := fmt.Sprintf("/api/JiraSync/Definition/%d/FieldMapping", d.ID)
	tests := map[string]struct {
		change func(*aqua.FieldMapping)
		want   []string
	}{
		"no item type":      {func(m *aqua.FieldMapping) { m.ItemType = "" }, []string{"ItemType is required", "Defect, Requirement, TestCase"}},
		"unknown item type": {func(m *aqua.FieldMapping) { m.ItemType = "Epic" }, []string{`ItemType must be one of Defect, Requirement, TestCase, got "Epic"`}},
		"no aqua field":     {func(m *aqua.FieldMapping) { m.AquaField = "" }, []string{"AquaField is required"}},
		"unknown aqua field": {func(m *aqua.FieldMapping) { m.AquaField = "Severity" },
			[]string{`AquaField: "Severity" is not a field of Defect`, "JiraKey"}},
		"no Jira field":     {func(m *aqua.FieldMapping) { m.JiraField = " " }, []string{"JiraField is required"}},
		"no direction":      {func(m *aqua.FieldMapping) { m.Direction = "" }, []string{"Direction must be one of Both, ToJira, ToAqua"}},
		"unknown direction": {func(m *aqua.FieldMapping) { m.Direction = "both" }, []string{`Direction must be one of Both, ToJira, ToAqua, got "both"`}},
		"foreign SyncId":    {func(m *aqua.FieldMapping) { m.SyncID = d.ID + 1 }, []string{"SyncId"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := aquaKeyMapping()
			tc.change(&m)
			wantAquaError(t, c.do(http.MethodPost, base, m), http.StatusBadRequest, tc.want...)
		})
	}
}

func TestAquaFieldMappings_OneMappingPerAquaField(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("unique"))
	other := c.createDefinition(aquaServerDefinition("other"))
	base := fmt.Sprintf("/api/JiraSync/Definition/%d/FieldMapping", d.ID)

	assignee := aqua.FieldMapping{ItemType: "Defect", AquaField: "AssignedTo", JiraField: "assignee", Direction: aqua.DirectionBoth}
	wantStatus(t, c.do(http.MethodPost, base, assignee), http.StatusCreated)
	// The same field named by its display name is the same field.
	byName := assignee
	byName.AquaField = "assigned to"
	wantAquaError(t, c.do(http.MethodPost, base, byName), http.StatusConflict, "field AssignedTo of Defect is already mapped by field mapping 1")
	// Another item type, or another definition, may map it.
	byName.ItemType = "Requirement"
	wantStatus(t, c.do(http.MethodPost, base, byName), http.StatusCreated)
	wantStatus(t, c.do(http.MethodPost, fmt.Sprintf("/api/JiraSync/Definition/%d/FieldMapping", other.ID), assignee), http.StatusCreated)
	// A mapping is reached only through its own definition.
	wantAquaError(t, c.do(http.MethodGet, fmt.Sprintf("/api/JiraSync/Definition/%d/FieldMapping/1", other.ID), nil), http.StatusNotFound)
	// Replacing a mapping onto another one's field is a conflict too.
	byName.ItemType = "Defect"
	wantAquaError(t, c.do(http.MethodPut, base+"/2", byName), http.StatusConflict)
}

func TestAquaValueMappings_CreateReadReplaceDelete(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("values"))
	base := fmt.Sprintf("/api/JiraSync/Definition/%d/ValueMapping", d.ID)

	r := c.do(http.MethodPost, base, aquaResolutionMapping())
	wantStatus(t, r, http.StatusCreated)
	m := aquaDecode[aqua.ValueMapping](t, r)
	if m.ID != 1 || m.SyncID != d.ID || m.NullValue != "Unresolved" || m.Values["Done"] != "Fixed" {
		t.Errorf("created = %+v", m)
	}
	if got := aquaDecode[aqua.ValueMapping](t, c.do(http.MethodGet, base+"/1", nil)); fmt.Sprint(got) != fmt.Sprint(m) {
		t.Errorf("read = %+v, want %+v", got, m)
	}
	m.Values = map[string]string{"Done": "Fixed", "Duplicate": "Duplicate"}
	r = c.do(http.MethodPut, base+"/1", m)
	wantStatus(t, r, http.StatusOK)
	if got := aquaDecode[aqua.ValueMapping](t, r); len(got.Values) != 2 || got.Values["Duplicate"] != "Duplicate" {
		t.Errorf("after PUT = %+v", got)
	}
	wantAquaError(t, c.do(http.MethodPost, base, aqua.ValueMapping{Field: "Resolution", Values: map[string]string{"a": "b"}, NullValue: "x"}),
		http.StatusConflict, `"Resolution" is already mapped by value mapping 1`)
	if all := aquaDecode[[]aqua.ValueMapping](t, c.do(http.MethodGet, base, nil)); len(all) != 1 {
		t.Errorf("list = %+v", all)
	}
	wantStatus(t, c.do(http.MethodDelete, base+"/1", nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodDelete, base+"/1", nil), http.StatusNotFound, "value mapping 1 does not exist")
}

func TestAquaValueMappings_Validation(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("value-rules"))
	base := fmt.Sprintf("/api/JiraSync/Definition/%d/ValueMapping", d.ID)
	tests := map[string]struct {
		mapping aqua.ValueMapping
		want    []string
	}{
		"no field":  {aqua.ValueMapping{Values: map[string]string{"a": "b"}}, []string{"Field is required"}},
		"no values": {aqua.ValueMapping{Field: "priority"}, []string{"Values must map at least one Jira value"}},
		"empty Jira value": {aqua.ValueMapping{Field: "priority", Values: map[string]string{"": "Low"}},
			[]string{"Values: a Jira value must not be empty", "NullValue"}},
		"empty aqua value": {aqua.ValueMapping{Field: "priority", Values: map[string]string{"Highest": " "}},
			[]string{`Values: the aqua value for Jira value "Highest" must not be empty`}},
		"resolution without null value": {aqua.ValueMapping{Field: "RESOLUTION", Values: map[string]string{"Done": "Fixed"}},
			[]string{"NullValue is required for the resolution field", aquaResolutionRule, "Unresolved"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			wantAquaError(t, c.do(http.MethodPost, base, tc.mapping), http.StatusBadRequest, tc.want...)
		})
	}
	// Other fields need no null value.
	wantStatus(t, c.do(http.MethodPost, base, aqua.ValueMapping{Field: "priority", Values: map[string]string{"Highest": "High"}}), http.StatusCreated)
}
