package aqua_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// The Jira Sync routes are the provider's own contract (see doc.go); these
// tests hold the client to its paths and bodies.

func TestSyncDefinitions_CreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	const stored = `{"Id": 4, "Name": "Pilot", "AquaProjectId": 2, "JiraUrl": "https://acme.atlassian.net", "JiraProjectKey": "SYNC",
		"ConfigurationUser": {"Email": "config@acme.example"}, "SyncUser": null, "AquaSyncUserId": 7, "Enabled": true}`
	f := newFakeAqua(t, map[string]handler{
		"POST /almsync/aqua-jira-sync/v1/definitions":     fixed(http.StatusCreated, stored),
		"GET /almsync/aqua-jira-sync/v1/definitions":      fixed(http.StatusOK, "["+stored+"]"),
		"GET /almsync/aqua-jira-sync/v1/definitions/4":    fixed(http.StatusOK, stored),
		"PUT /almsync/aqua-jira-sync/v1/definitions/4":    fixed(http.StatusOK, stored),
		"DELETE /almsync/aqua-jira-sync/v1/definitions/4": fixed(http.StatusNoContent, ""),
		"GET /almsync/aqua-jira-sync/v1/definitions/5": fixed(http.StatusNotFound,
			`{"Message":"Jira sync definition 5 does not exist.","Code":"E-404","Type":"NotFound"}`),
	})
	c, ctx := f.client(t), context.Background()

	in := cloudDefinition("Pilot")
	in.ID, in.AquaSyncUserID = 99, 7
	d, err := c.CreateSyncDefinition(ctx, in)
	want := aqua.SyncDefinition{ID: 4, Name: "Pilot", AquaProjectID: 2, JiraURL: "https://acme.atlassian.net", JiraProjectKey: "SYNC",
		ConfigurationUser: aqua.JiraAccount{Email: "config@acme.example"}, AquaSyncUserID: 7, Enabled: true}
	if err != nil || !reflect.DeepEqual(d, want) {
		t.Fatalf("create: %+v, %v", d, err)
	}
	assertOneRequest(t, f, "POST /almsync/aqua-jira-sync/v1/definitions", nil, `{"Id": 0, "Name": "Pilot", "AquaProjectId": 2, "JiraUrl": "https://acme.atlassian.net",
		"JiraProjectKey": "SYNC", "ConfigurationUser": {"Email": "config@acme.example", "ApiToken": "config-token"}, "SyncUser": null,
		"AquaSyncUserId": 7, "Enabled": true}`)
	if got, err := c.GetSyncDefinition(ctx, 4); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("read: %+v, %v", got, err)
	}
	if found, ok, err := c.FindSyncDefinition(ctx, "pilot"); err != nil || !ok || found.ID != 4 {
		t.Errorf("find: %+v %t %v", found, ok, err)
	}
	assertOneRequest(t, f, "GET /almsync/aqua-jira-sync/v1/definitions", url.Values{"name": {"pilot"}}, "")
	if _, err := c.UpdateSyncDefinition(ctx, 4, in); err != nil {
		t.Errorf("update: %v", err)
	}
	if r := f.received("PUT /almsync/aqua-jira-sync/v1/definitions/4"); len(r) != 1 || !jsonHas(t, r[0].Body, "Id", float64(4)) {
		t.Errorf("update requests: %+v, want one with the path's Id", r)
	}
	if err := c.DeleteSyncDefinition(ctx, 4); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := c.GetSyncDefinition(ctx, 5); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("read unknown: %v", err)
	}
}

func TestMappings_CreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	const base = "/almsync/aqua-jira-sync/v1/definitions/4"
	f := newFakeAqua(t, map[string]handler{
		"POST " + base + "/field-mappings":     fixed(http.StatusCreated, fieldMappingJSON),
		"GET " + base + "/field-mappings":      fixed(http.StatusOK, "["+fieldMappingJSON+"]"),
		"GET " + base + "/field-mappings/5":    fixed(http.StatusOK, fieldMappingJSON),
		"PUT " + base + "/field-mappings/5":    fixed(http.StatusOK, fieldMappingJSON),
		"DELETE " + base + "/field-mappings/5": fixed(http.StatusNoContent, ""),
		"POST " + base + "/value-mappings":     fixed(http.StatusCreated, valueMappingJSON),
		"GET " + base + "/value-mappings":      fixed(http.StatusOK, "["+valueMappingJSON+"]"),
		"GET " + base + "/value-mappings/6":    fixed(http.StatusOK, valueMappingJSON),
		"PUT " + base + "/value-mappings/6":    fixed(http.StatusOK, valueMappingJSON),
		"DELETE " + base + "/value-mappings/6": fixed(http.StatusNoContent, ""),
		"GET " + base + "/jira/resolutions":    fixed(http.StatusOK, "["+jiraResolutionJSON+"]"),
	})
	c, ctx := f.client(t), context.Background()

	fm := aqua.FieldMapping{ID: 5, SyncID: 4, ItemType: "Defect", AquaField: "JiraKey", JiraField: "key", Direction: aqua.DirectionToAqua, ReadOnly: true}
	if got, err := c.CreateFieldMapping(ctx, 4, aqua.FieldMapping{ItemType: "Defect", AquaField: "JiraKey", JiraField: "key",
		Direction: aqua.DirectionToAqua, ReadOnly: true}); err != nil || got != fm {
		t.Errorf("create field mapping: %+v, %v", got, err)
	}
	assertOneRequest(t, f, "POST "+base+"/field-mappings", nil,
		`{"Id": 0, "SyncId": 4, "ItemType": "Defect", "AquaField": "JiraKey", "JiraField": "key", "Direction": "ToAqua", "ReadOnly": true}`)
	if got, err := c.GetFieldMapping(ctx, 4, 5); err != nil || got != fm {
		t.Errorf("read field mapping: %+v, %v", got, err)
	}
	if got, err := c.UpdateFieldMapping(ctx, 4, 5, fm); err != nil || got != fm {
		t.Errorf("update field mapping: %+v, %v", got, err)
	}
	if all, err := c.ListFieldMappings(ctx, 4); err != nil || len(all) != 1 {
		t.Errorf("list field mappings: %+v, %v", all, err)
	}
	if err := c.DeleteFieldMapping(ctx, 4, 5); err != nil {
		t.Errorf("delete field mapping: %v", err)
	}

	vm := aqua.ValueMapping{ID: 6, SyncID: 4, Field: "resolution", Values: map[string]string{"Done": "Fixed"}, NullValue: "Unresolved"}
	if got, err := c.CreateValueMapping(ctx, 4, aqua.ValueMapping{Field: "resolution", Values: map[string]string{"Done": "Fixed"},
		NullValue: "Unresolved"}); err != nil || !reflect.DeepEqual(got, vm) {
		t.Errorf("create value mapping: %+v, %v", got, err)
	}
	assertOneRequest(t, f, "POST "+base+"/value-mappings", nil,
		`{"Id": 0, "SyncId": 4, "Field": "resolution", "Values": {"Done": "Fixed"}, "NullValue": "Unresolved"}`)
	if got, err := c.GetValueMapping(ctx, 4, 6); err != nil || !reflect.DeepEqual(got, vm) {
		t.Errorf("read value mapping: %+v, %v", got, err)
	}
	if got, err := c.UpdateValueMapping(ctx, 4, 6, vm); err != nil || !reflect.DeepEqual(got, vm) {
		t.Errorf("update value mapping: %+v, %v", got, err)
	}
	if all, err := c.ListValueMappings(ctx, 4); err != nil || len(all) != 1 {
		t.Errorf("list value mappings: %+v, %v", all, err)
	}
	if err := c.DeleteValueMapping(ctx, 4, 6); err != nil {
		t.Errorf("delete value mapping: %v", err)
	}
	rs, err := c.JiraResolutions(ctx, 4)
	if err != nil || !reflect.DeepEqual(rs, []aqua.JiraResolution{{ID: "10000", Name: "Done", Description: "Work has been completed."}}) {
		t.Errorf("Jira resolutions: %+v, %v", rs, err)
	}
}

// jsonHas reports whether the JSON object body has member key equal to
// want (numbers decode as float64).
func jsonHas(t *testing.T, body, key string, want any) bool {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Errorf("body is not a JSON object: %v", err)
		return false
	}
	return reflect.DeepEqual(m[key], want)
}
