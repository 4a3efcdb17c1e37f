package interchange_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/readcache/readcachetest"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

func sandboxClient(t *testing.T, sb *sandboxtest.Sandbox) *interchange.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "Interchange", MaxRetries: 2,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c, err := interchange.New(sb.ProductURL("interchange"), jama.Credentials{Username: sandbox.DefaultUsername, Password: sandbox.DefaultPassword}, tc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// routes counts the sandbox's Interchange requests by route from now on.
func routes(sb *sandboxtest.Sandbox) func() string {
	before := sb.Server.Stats().Products["interchange"].Routes
	return func() string {
		diff := map[string]int64{}
		for k, v := range sb.Server.Stats().Products["interchange"].Routes {
			if d := v - before[k]; d != 0 {
				diff[k] = d
			}
		}
		return fmt.Sprint(diff)
	}
}

// Reading many connectors: one GET, then the list, 50 a page; each equals
// a plain GET field for field, the list lacks no member of the read, and a
// connector written through the client is read back by GET.
func TestConnectors_ManyReadsAreServedFromTheList(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t)
	setup := sandboxClient(t, sb)
	ctx := context.Background()
	var ids []int64
	for i := range 70 {
		conn := interchange.Connector{Name: fmt.Sprintf("conn%02d", i), URL: fmt.Sprintf("https://jama%02d.example.com", i),
			VerifySSL: i%2 == 0, AuthType: interchange.AuthBasic, Username: "svc", Password: "pw"}
		if i%3 == 0 {
			conn.AuthType, conn.Username, conn.Password = interchange.AuthOAuth, "", ""
			conn.ClientID, conn.ClientSecret = "client"+fmt.Sprint(i), "secret"
		}
		id, err := setup.CreateConnector(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}

	c := sandboxClient(t, sb)
	count := routes(sb)
	got := map[int64]interchange.Connector{}
	for _, id := range ids {
		conn, err := c.GetConnector(ctx, id)
		if err != nil {
			t.Fatalf("read %d: %v", id, err)
		}
		got[id] = conn
	}
	const prefix = "/almsync/interchange-connectors/v1"
	want := fmt.Sprint(map[string]int64{"GET " + prefix + "/contract": 1, "GET " + prefix + "/connectors": 2, "GET " + prefix + "/connectors/{id}": 1})
	if g := count(); g != want {
		t.Errorf("requests %s, want %s", g, want)
	}
	for _, id := range ids {
		plain, err := sandboxClient(t, sb).GetConnector(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		readcachetest.Same(t, fmt.Sprintf("connector %d", id), got[id], plain)
	}
	for _, start := range []int{0, 50} {
		elems, err := readcachetest.ListElements(sb.MustCall(t, http.StatusOK, http.MethodGet, fmt.Sprintf("/interchange%s/connectors?startAt=%d&maxResults=50", prefix, start), nil))
		if err != nil || len(elems) == 0 {
			t.Fatalf("list page at %d: %d elements, %v", start, len(elems), err)
		}
		for _, el := range elems {
			var obj struct {
				ID int64 `json:"id"`
			}
			if err := json.Unmarshal(el, &obj); err != nil {
				t.Fatal(err)
			}
			read, err := readcachetest.ReadObject(sb.MustCall(t, http.StatusOK, http.MethodGet, fmt.Sprintf("/interchange%s/connectors/%d", prefix, obj.ID), nil), true)
			if err != nil {
				t.Fatal(err)
			}
			readcachetest.SameShape(t, fmt.Sprintf("connector %d", obj.ID), read, el)
		}
	}

	conn := got[ids[7]]
	count = routes(sb)
	conn.Name = "renamed"
	if err := c.UpdateConnector(ctx, conn.ID, conn); err != nil {
		t.Fatal(err)
	}
	if back, err := c.GetConnector(ctx, conn.ID); err != nil || back.Name != "renamed" {
		t.Errorf("read-back after update: %+v, %v", back, err)
	}
	want = fmt.Sprint(map[string]int64{"PUT " + prefix + "/connectors/{id}": 1, "GET " + prefix + "/connectors/{id}": 1})
	if g := count(); g != want {
		t.Errorf("update and read-back: requests %s, want %s", g, want)
	}
}
