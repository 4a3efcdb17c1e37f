package aqua_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

func TestUsers_CreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	c := newClient(t, root, admin)
	ctx := context.Background()

	me, err := c.CurrentUser(ctx)
	if err != nil || me.ID != 1 || me.Email != "admin@example.com" {
		t.Fatalf("current user: %+v, %v", me, err)
	}
	u, err := c.CreateUser(ctx, userReq("sync.bot"))
	if err != nil || u.ID == 0 || u.Fullname != "First Last" {
		t.Fatalf("create: %+v, %v", u, err)
	}
	req := userReq("sync.bot")
	req.Position = "Service account"
	if err := c.UpdateUser(ctx, u.ID, req); err != nil {
		t.Fatalf("update: %v", err)
	}
	if got, err := c.GetUser(ctx, u.ID); err != nil || got.Position != "Service account" {
		t.Errorf("read after update: %+v, %v", got, err)
	}
	found, ok, err := c.FindUser(ctx, "SYNC.BOT")
	if err != nil || !ok || found.ID != u.ID {
		t.Errorf("find ignoring case: %+v %t %v", found, ok, err)
	}
	if _, ok, err := c.FindUser(ctx, "nobody"); err != nil || ok {
		t.Errorf("find unknown: %t %v", ok, err)
	}
	if err := c.DeleteUser(ctx, u.ID); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := c.GetUser(ctx, u.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("read after delete: %v, want ErrNotFound", err)
	}
	if users, err := c.ListUsers(ctx); err != nil || len(users) != 1 {
		t.Errorf("list: %+v, %v", users, err)
	}
}

func TestLicenses_AddListRemove(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	c := newClient(t, root, admin)
	ctx := context.Background()
	u, err := c.CreateUser(ctx, userReq("bot"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddUserLicense(ctx, u.ID, "JIRASYNC"); err != nil {
		t.Fatalf("add: %v", err)
	}
	held, err := c.ListUserLicenses(ctx, u.ID)
	if err != nil || len(held) != 1 || held[0] != (aqua.UserLicense{Code: "JIRASYNC", Name: "Jira sync license"}) {
		t.Errorf("held: %+v, %v", held, err)
	}
	pools, err := c.ListLicenses(ctx)
	i := slices.IndexFunc(pools, func(l aqua.License) bool { return l.Code == "JIRASYNC" })
	if err != nil || i < 0 || pools[i].Used != 1 || pools[i].Total != 2 {
		t.Errorf("pools: %+v, %v", pools, err)
	}
	err = c.AddUserLicense(ctx, u.ID, "JIRASYNC")
	if !errors.Is(err, api.ErrConflict) || !strings.Contains(err.Error(), "aqua add license") {
		t.Errorf("second add: %v, want ErrConflict naming aqua and the operation", err)
	}
	if err := c.RemoveUserLicense(ctx, u.ID, "JIRASYNC"); err != nil {
		t.Fatalf("remove: %v", err)
	}
	if err := c.RemoveUserLicense(ctx, u.ID, "JIRASYNC"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("second remove: %v, want ErrNotFound", err)
	}
}

func TestProjects_AssignmentsAndFields(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	c := newClient(t, root, admin)
	ctx := context.Background()

	projects, err := c.ListProjects(ctx)
	if err != nil || len(projects) != 2 {
		t.Fatalf("projects: %+v, %v", projects, err)
	}
	if p, err := c.GetProject(ctx, 2); err != nil || p.Name != "Jira Sync Pilot" {
		t.Errorf("project 2: %+v, %v", p, err)
	}
	u, err := c.CreateUser(ctx, userReq("member"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddAssignment(ctx, 2, u.ID, "Tester"); err != nil {
		t.Fatalf("add assignment: %v", err)
	}
	if err := c.UpdateAssignment(ctx, 2, u.ID, aqua.RoleProjectAdministrator); err != nil {
		t.Fatalf("update assignment: %v", err)
	}
	m, ok, err := c.FindAssignment(ctx, 2, u.ID)
	if err != nil || !ok || m.RoleName != aqua.RoleProjectAdministrator || m.UserName != "member" {
		t.Errorf("assignment: %+v %t %v", m, ok, err)
	}
	if err := c.RemoveAssignment(ctx, 2, u.ID); err != nil {
		t.Fatalf("remove assignment: %v", err)
	}
	if _, ok, err := c.FindAssignment(ctx, 2, u.ID); err != nil || ok {
		t.Errorf("assignment after removal: %t %v", ok, err)
	}
	err = c.AddAssignment(ctx, 2, u.ID, "Owner")
	if !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "RoleName must be one of") {
		t.Errorf("unknown role: %v, want ErrBadRequest with aqua's message", err)
	}

	fields, err := c.ListFields(ctx, 2, "Defect")
	if err != nil || !slices.ContainsFunc(fields, func(f aqua.Field) bool { return f.FieldID == "Resolution" && f.Type == "Dictionary" }) {
		t.Errorf("fields: %+v, %v", fields, err)
	}
	entry, err := c.AddFieldEntry(ctx, 2, "Defect", "Resolution", "Unresolved")
	if err != nil || entry.ID == 0 || entry.Value != "Unresolved" {
		t.Fatalf("add entry: %+v, %v", entry, err)
	}
	entries, err := c.ListFieldEntries(ctx, 2, "Defect", "Resolution")
	if err != nil || !slices.Contains(entries, entry) {
		t.Errorf("entries: %+v, %v", entries, err)
	}
	if _, err := c.ListFields(ctx, 2, "Epic"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("unknown item type: %v, want ErrNotFound", err)
	}
}
