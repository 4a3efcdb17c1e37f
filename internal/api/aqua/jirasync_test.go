package aqua_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

func TestSyncDefinitions_CreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	srv, root := startSandbox(t)
	c := newClient(t, root, admin)
	ctx := context.Background()

	bot, err := c.CreateUser(ctx, userReq("sync.bot"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddUserLicense(ctx, bot.ID, "JIRASYNC"); err != nil {
		t.Fatal(err)
	}
	if err := c.AddAssignment(ctx, 2, bot.ID, aqua.RoleProjectAdministrator); err != nil {
		t.Fatal(err)
	}
	in := cloudDefinition("Pilot")
	in.AquaSyncUserID = bot.ID
	in.SyncUser = &aqua.JiraAccount{Email: "sync@acme.example", APIToken: "sync-token"}
	d, err := c.CreateSyncDefinition(ctx, in)
	if err != nil || d.ID == 0 || d.AquaSyncUserID != bot.ID || d.ConfigurationUser.APIToken != "" {
		t.Fatalf("create: %+v, %v", d, err)
	}
	if token, _ := srv.AquaSyncSecret(d.ID, "configuration.apiToken"); token != "config-token" {
		t.Errorf("stored configuration token = %q", token)
	}
	got, err := c.GetSyncDefinition(ctx, d.ID)
	if err != nil || got.Name != "Pilot" || got.SyncUser == nil || got.SyncUser.APIToken != "" {
		t.Errorf("read: %+v, %v", got, err)
	}
	found, ok, err := c.FindSyncDefinition(ctx, "pilot")
	if err != nil || !ok || found.ID != d.ID {
		t.Errorf("find: %+v %t %v", found, ok, err)
	}

	got.JiraProjectKey, got.Enabled = "PILOT", false
	updated, err := c.UpdateSyncDefinition(ctx, d.ID, got)
	if err != nil || updated.JiraProjectKey != "PILOT" || updated.Enabled {
		t.Errorf("update: %+v, %v", updated, err)
	}
	if token, _ := srv.AquaSyncSecret(d.ID, "sync.apiToken"); token != "sync-token" {
		t.Errorf("sync token after an update without it = %q, want it kept", token)
	}
	if all, err := c.ListSyncDefinitions(ctx); err != nil || len(all) != 1 {
		t.Errorf("list: %+v, %v", all, err)
	}

	if err := c.DeleteSyncDefinition(ctx, d.ID); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := c.GetSyncDefinition(ctx, d.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("read after delete: %v", err)
	}
	if _, ok, err := c.FindSyncDefinition(ctx, "Pilot"); err != nil || ok {
		t.Errorf("find after delete: %t %v", ok, err)
	}
}

func TestSyncDefinitions_VendorMessagesReachTheCaller(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	c := newClient(t, root, admin)
	ctx := context.Background()

	bad := cloudDefinition("bad")
	bad.AquaProjectID = 99
	_, err := c.CreateSyncDefinition(ctx, bad)
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || apiErr.Operation != "create sync definition" ||
		!strings.Contains(apiErr.Message, "aqua project 99 does not exist") {
		t.Errorf("unknown project: %v", err)
	}
	if _, err := c.CreateSyncDefinition(ctx, cloudDefinition("dup")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateSyncDefinition(ctx, cloudDefinition("DUP")); !errors.Is(err, api.ErrConflict) {
		t.Errorf("duplicate name: %v, want ErrConflict", err)
	}
	if _, err := c.UpdateSyncDefinition(ctx, 99, cloudDefinition("x")); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("update unknown: %v, want ErrNotFound", err)
	}
}

func TestMappings_CreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	c := newClient(t, root, admin)
	ctx := context.Background()
	d, err := c.CreateSyncDefinition(ctx, cloudDefinition("maps"))
	if err != nil {
		t.Fatal(err)
	}

	fm, err := c.CreateFieldMapping(ctx, d.ID, aqua.FieldMapping{ItemType: "Defect", AquaField: "JiraKey", JiraField: "key",
		Direction: aqua.DirectionToAqua, ReadOnly: true})
	if err != nil || fm.ID == 0 || fm.SyncID != d.ID {
		t.Fatalf("create field mapping: %+v, %v", fm, err)
	}
	fm.Direction = aqua.DirectionBoth
	if got, err := c.UpdateFieldMapping(ctx, d.ID, fm.ID, fm); err != nil || got.Direction != aqua.DirectionBoth {
		t.Errorf("update field mapping: %+v, %v", got, err)
	}
	if got, err := c.GetFieldMapping(ctx, d.ID, fm.ID); err != nil || got != fm {
		t.Errorf("read field mapping: %+v, %v", got, err)
	}
	if all, err := c.ListFieldMappings(ctx, d.ID); err != nil || len(all) != 1 {
		t.Errorf("list field mappings: %+v, %v", all, err)
	}
	if _, err := c.CreateFieldMapping(ctx, d.ID, fm); !errors.Is(err, api.ErrConflict) {
		t.Errorf("duplicate field mapping: %v, want ErrConflict", err)
	}

	vm, err := c.CreateValueMapping(ctx, d.ID, aqua.ValueMapping{Field: "resolution", Values: map[string]string{"Done": "Fixed"}, NullValue: "Unresolved"})
	if err != nil || vm.ID == 0 || vm.NullValue != "Unresolved" {
		t.Fatalf("create value mapping: %+v, %v", vm, err)
	}
	vm.Values["Won't Do"] = "Won't Fix"
	if got, err := c.UpdateValueMapping(ctx, d.ID, vm.ID, vm); err != nil || len(got.Values) != 2 {
		t.Errorf("update value mapping: %+v, %v", got, err)
	}
	if got, err := c.GetValueMapping(ctx, d.ID, vm.ID); err != nil || got.Values["Won't Do"] != "Won't Fix" {
		t.Errorf("read value mapping: %+v, %v", got, err)
	}
	if all, err := c.ListValueMappings(ctx, d.ID); err != nil || len(all) != 1 {
		t.Errorf("list value mappings: %+v, %v", all, err)
	}
	_, err = c.CreateValueMapping(ctx, d.ID, aqua.ValueMapping{Field: "Resolution2", Values: map[string]string{}})
	if !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "Values must map") {
		t.Errorf("empty values: %v", err)
	}

	if err := c.DeleteFieldMapping(ctx, d.ID, fm.ID); err != nil {
		t.Errorf("delete field mapping: %v", err)
	}
	if err := c.DeleteValueMapping(ctx, d.ID, vm.ID); err != nil {
		t.Errorf("delete value mapping: %v", err)
	}
	if _, err := c.GetValueMapping(ctx, d.ID, vm.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("read deleted value mapping: %v", err)
	}
}
