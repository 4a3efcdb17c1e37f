package aqua

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// aquaKeyMapping maps the Jira issue key into aqua's JiraKey field.
func aquaKeyMapping() fieldMapping {
	return fieldMapping{ItemType: "Defect", AquaField: "JiraKey", JiraField: "key", Direction: directionToAqua, ReadOnly: true}
}

// aquaResolutionMapping maps Jira resolutions, null included.
func aquaResolutionMapping() valueMapping {
	return valueMapping{Field: "resolution", Values: map[string]string{"Done": "Fixed", "Won't Do": "Won't Fix"}, NullValue: "Unresolved"}
}

func TestAquaFieldMappings_CreateReadReplaceDelete(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("fields"))
	base := fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/field-mappings", d.ID)

	r := c.do(http.MethodPost, base, aquaKeyMapping())
	wiretest.WantStatus(t, r, http.StatusCreated)
	m := aquaDecode[fieldMapping](t, r)
	want := aquaKeyMapping()
	want.ID, want.SyncID = 1, d.ID
	if m != want {
		t.Errorf("created = %+v, want %+v", m, want)
	}
	if !strings.HasSuffix(r.Header.Get("Location"), base+"/1") {
		t.Errorf("Location = %q", r.Header.Get("Location"))
	}
	if got := aquaDecode[fieldMapping](t, c.do(http.MethodGet, base+"/1", nil)); got != want {
		t.Errorf("read = %+v", got)
	}

	m.Direction, m.ReadOnly = directionBoth, false
	r = c.do(http.MethodPut, base+"/1", m)
	wiretest.WantStatus(t, r, http.StatusOK)
	if got := aquaDecode[fieldMapping](t, r); got != m {
		t.Errorf("after PUT = %+v, want %+v", got, m)
	}
	if all := aquaDecode[[]fieldMapping](t, c.do(http.MethodGet, base, nil)); len(all) != 1 || all[0].Direction != directionBoth {
		t.Errorf("list = %+v", all)
	}

	wiretest.WantStatus(t, c.do(http.MethodDelete, base+"/1", nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodGet, base+"/1", nil), http.StatusNotFound, "field mapping 1 does not exist")
	wantAquaError(t, c.do(http.MethodPost, "/almsync/aqua-jira-sync/v1/definitions/99/field-mappings", aquaKeyMapping()), http.StatusNotFound, "Jira sync definition 99")
}

func TestAquaFieldMappings_Validation(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("rules"))
	base := fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/field-mappings", d.ID)
	tests := map[string]struct {
		change func(*fieldMapping)
		want   []string
	}{
		"no item type":              {func(m *fieldMapping) { m.ItemType = "" }, []string{"ItemType is required", "Defect, Requirement, TestCase"}},
		"unknown item type":         {func(m *fieldMapping) { m.ItemType = "Epic" }, []string{`ItemType must be one of Defect, Requirement, TestCase (spelled exactly), got "Epic"`}},
		"item type in another case": {func(m *fieldMapping) { m.ItemType = "defect" }, []string{`ItemType must be one of Defect, Requirement, TestCase (spelled exactly), got "defect"`}},
		"no aqua field":             {func(m *fieldMapping) { m.AquaField = "" }, []string{"AquaField is required"}},
		"unknown aqua field": {func(m *fieldMapping) { m.AquaField = "Severity" },
			[]string{`AquaField: "Severity" is not a field of Defect`, "JiraKey"}},
		"no Jira field":     {func(m *fieldMapping) { m.JiraField = " " }, []string{"JiraField is required"}},
		"no direction":      {func(m *fieldMapping) { m.Direction = "" }, []string{"Direction must be one of Both, ToJira, ToAqua"}},
		"unknown direction": {func(m *fieldMapping) { m.Direction = "both" }, []string{`Direction must be one of Both, ToJira, ToAqua, got "both"`}},
		"foreign SyncId":    {func(m *fieldMapping) { m.SyncID = d.ID + 1 }, []string{"SyncId"}},
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
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("unique"))
	other := c.createDefinition(aquaServerDefinition("other"))
	base := fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/field-mappings", d.ID)

	assignee := fieldMapping{ItemType: "Defect", AquaField: "AssignedTo", JiraField: "assignee", Direction: directionBoth}
	wiretest.WantStatus(t, c.do(http.MethodPost, base, assignee), http.StatusCreated)
	// The same field named by its display name is the same field.
	byName := assignee
	byName.AquaField = "assigned to"
	wantAquaError(t, c.do(http.MethodPost, base, byName), http.StatusConflict, "field AssignedTo of Defect is already mapped by field mapping 1")
	// Another item type, or another definition, may map it.
	byName.ItemType = "Requirement"
	wiretest.WantStatus(t, c.do(http.MethodPost, base, byName), http.StatusCreated)
	wiretest.WantStatus(t, c.do(http.MethodPost, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/field-mappings", other.ID), assignee), http.StatusCreated)
	// A mapping is reached only through its own definition.
	wantAquaError(t, c.do(http.MethodGet, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/field-mappings/1", other.ID), nil), http.StatusNotFound)
	// Replacing a mapping onto another one's field is a conflict too.
	byName.ItemType = "Defect"
	wantAquaError(t, c.do(http.MethodPut, base+"/2", byName), http.StatusConflict)
}

func TestAquaValueMappings_CreateReadReplaceDelete(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("values"))
	base := fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/value-mappings", d.ID)

	r := c.do(http.MethodPost, base, aquaResolutionMapping())
	wiretest.WantStatus(t, r, http.StatusCreated)
	m := aquaDecode[valueMapping](t, r)
	if m.ID != 1 || m.SyncID != d.ID || m.NullValue != "Unresolved" || m.Values["Done"] != "Fixed" {
		t.Errorf("created = %+v", m)
	}
	if got := aquaDecode[valueMapping](t, c.do(http.MethodGet, base+"/1", nil)); fmt.Sprint(got) != fmt.Sprint(m) {
		t.Errorf("read = %+v, want %+v", got, m)
	}
	m.Values = map[string]string{"Done": "Fixed", "Duplicate": "Duplicate"}
	r = c.do(http.MethodPut, base+"/1", m)
	wiretest.WantStatus(t, r, http.StatusOK)
	if got := aquaDecode[valueMapping](t, r); len(got.Values) != 2 || got.Values["Duplicate"] != "Duplicate" {
		t.Errorf("after PUT = %+v", got)
	}
	wantAquaError(t, c.do(http.MethodPost, base, valueMapping{Field: "Resolution", Values: map[string]string{"a": "b"}, NullValue: "x"}),
		http.StatusConflict, `"Resolution" is already mapped by value mapping 1`)
	if all := aquaDecode[[]valueMapping](t, c.do(http.MethodGet, base, nil)); len(all) != 1 {
		t.Errorf("list = %+v", all)
	}
	wiretest.WantStatus(t, c.do(http.MethodDelete, base+"/1", nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodDelete, base+"/1", nil), http.StatusNotFound, "value mapping 1 does not exist")
}

func TestAquaValueMappings_Validation(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaServerDefinition("value-rules"))
	base := fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/value-mappings", d.ID)
	tests := map[string]struct {
		mapping valueMapping
		want    []string
	}{
		"no field":  {valueMapping{Values: map[string]string{"a": "b"}}, []string{"Field is required"}},
		"no values": {valueMapping{Field: "priority"}, []string{"Values must map at least one Jira value"}},
		"empty Jira value": {valueMapping{Field: "priority", Values: map[string]string{"": "Low"}},
			[]string{"Values: a Jira value must not be empty", "NullValue"}},
		"empty aqua value": {valueMapping{Field: "priority", Values: map[string]string{"Highest": " "}},
			[]string{`Values: the aqua value for Jira value "Highest" must not be empty`}},
		"resolution without null value": {valueMapping{Field: "RESOLUTION", Values: map[string]string{"Done": "Fixed"}},
			[]string{"NullValue is required for the resolution field", aquaResolutionRule, "Unresolved"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			wantAquaError(t, c.do(http.MethodPost, base, tc.mapping), http.StatusBadRequest, tc.want...)
		})
	}
	// Other fields need no null value.
	wiretest.WantStatus(t, c.do(http.MethodPost, base, valueMapping{Field: "priority", Values: map[string]string{"Highest": "High"}}), http.StatusCreated)
}
