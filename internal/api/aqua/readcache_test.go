package aqua_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/api/readcache/readcachetest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

func sandboxAqua(t *testing.T, sb *sandboxtest.Sandbox) *aqua.Client {
	t.Helper()
	c, err := aqua.New(sb.ProductURL("aqua"), aqua.Credentials{Username: sandboxtest.SandboxUser, Password: sandboxtest.SandboxPassword}, newClientTransport(t))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// routes counts the sandbox's aqua requests by route from now on.
func routes(sb *sandboxtest.Sandbox) func() string {
	before := sb.Server.Stats().Products["aqua"].Routes
	return func() string {
		diff := map[string]int64{}
		for k, v := range sb.Server.Stats().Products["aqua"].Routes {
			if d := v - before[k]; d != 0 && k != "POST /api/token" {
				diff[k] = d
			}
		}
		return fmt.Sprint(diff)
	}
}

// Reading many sync definitions: one GET, then the list (one request, the
// contract does not page it); each equals a plain GET field for field,
// the list lacks no member of the read, and a definition written through
// the client is read back by GET.
func TestSyncDefinitions_ManyReadsAreServedFromTheList(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t)
	setup := sandboxAqua(t, sb)
	ctx := context.Background()
	var ids []int64
	for i := range 12 {
		d := cloudDefinition(fmt.Sprintf("sync%02d", i))
		d.JiraProjectKey = fmt.Sprintf("P%d", i)
		if i%2 == 0 {
			d.JiraURL = fmt.Sprintf("https://jira%02d.example.com", i)
			d.ConfigurationUser = aqua.JiraAccount{Username: "config", Password: "pw"}
			d.SyncUser = &aqua.JiraAccount{Username: "runner", Password: "pw"}
			d.Enabled = false
		}
		created, err := setup.CreateSyncDefinition(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, created.ID)
	}

	c := sandboxAqua(t, sb)
	count := routes(sb)
	got := map[int64]aqua.SyncDefinition{}
	for _, id := range ids {
		d, err := c.GetSyncDefinition(ctx, id)
		if err != nil {
			t.Fatalf("read %d: %v", id, err)
		}
		got[id] = d
	}
	const prefix = "/almsync/aqua-jira-sync/v1"
	want := fmt.Sprint(map[string]int64{"GET " + prefix + "/contract": 1, "GET " + prefix + "/definitions": 1, "GET " + prefix + "/definitions/{id}": 1})
	if g := count(); g != want {
		t.Errorf("requests %s, want %s", g, want)
	}
	for _, id := range ids {
		plain, err := sandboxAqua(t, sb).GetSyncDefinition(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		readcachetest.Same(t, fmt.Sprintf("definition %d", id), got[id], plain)
	}
	elems, err := readcachetest.ListElements(sb.AquaCall(t, http.StatusOK, http.MethodGet, prefix+"/definitions", nil))
	if err != nil || len(elems) != len(ids) {
		t.Fatalf("list: %d elements, %v", len(elems), err)
	}
	for _, el := range elems {
		var obj struct {
			ID int64 `json:"Id"`
		}
		if err := json.Unmarshal(el, &obj); err != nil {
			t.Fatal(err)
		}
		read := sb.AquaCall(t, http.StatusOK, http.MethodGet, fmt.Sprintf("%s/definitions/%d", prefix, obj.ID), nil)
		readcachetest.SameShape(t, fmt.Sprintf("definition %d", obj.ID), read, el)
	}

	d := got[ids[5]]
	count = routes(sb)
	d.Enabled = !d.Enabled
	if _, err := c.UpdateSyncDefinition(ctx, d.ID, d); err != nil {
		t.Fatal(err)
	}
	if back, err := c.GetSyncDefinition(ctx, d.ID); err != nil || back.Enabled != d.Enabled {
		t.Errorf("read-back after update: %+v, %v", back, err)
	}
	want = fmt.Sprint(map[string]int64{"PUT " + prefix + "/definitions/{id}": 1, "GET " + prefix + "/definitions/{id}": 1})
	if g := count(); g != want {
		t.Errorf("update and read-back: requests %s, want %s", g, want)
	}
}
