package jitterbit_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// oauthConnection uses the seed's second OAuth scenario: an access token
// renewed with a refresh token.
func oauthConnection(project, name string) jitterbit.JSMConnection {
	return jitterbit.JSMConnection{
		EnvironmentID: envDev, ProjectGUID: project, Name: name, AuthScheme: jitterbit.AuthSchemeOAuth, URL: "[jsm_url]",
		OAuth: &jitterbit.OAuthSettings{
			InitiateOAuth: jitterbit.InitiateOAuthRefresh, Version: "2.0", ClientID: "client",
			AccessToken: "access-" + name, RefreshToken: "refresh-" + name, ExpiresIn: 3600,
			CertificateStoreType: "P10BFILE",
		},
		SSL:                &jitterbit.SSLSettings{ClientCertType: "P7BFILE", ClientCertPassword: "cert-" + name},
		UseProxySettings:   true,
		AdvancedProperties: map[string]string{"OAuthSettingsLocation": "/agent/oauth/" + name},
	}
}

func TestJSMConnections_CreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()

	in := oauthConnection(guidJSM, "JSM Production")
	in.ID = "42" // ignored
	created, err := c.CreateJSMConnection(ctx, in)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	want := in
	want.ID = "1"
	want.OAuth = &jitterbit.OAuthSettings{InitiateOAuth: "REFRESH", Version: "2.0", ClientID: "client", ExpiresIn: 3600, CertificateStoreType: "P10BFILE"}
	want.SSL = &jitterbit.SSLSettings{ClientCertType: "P7BFILE"}
	if !reflect.DeepEqual(created, want) {
		t.Errorf("created = %+v, want %+v", created, want)
	}
	got, err := c.GetJSMConnection(ctx, created.ID)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("read = %+v, %v; want %+v", got, err, want)
	}
	for field, value := range map[string]string{"oauth.accessToken": "access-JSM Production", "oauth.refreshToken": "refresh-JSM Production", "ssl.clientCertPassword": "cert-JSM Production"} {
		if v, ok := srv.JitterbitConnectionSecret(created.ID, field); !ok || v != value {
			t.Errorf("stored %s = %q %t, want %q", field, v, ok, value)
		}
	}

	// Replace without secrets: they are kept.
	upd := got
	upd.Name, upd.UseProxySettings = "JSM Prod", false
	upd.OAuth.Scope = "read:servicedesk-request"
	updated, err := c.UpdateJSMConnection(ctx, created.ID, upd)
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	if !reflect.DeepEqual(updated, upd) {
		t.Errorf("updated = %+v, want %+v", updated, upd)
	}
	if v, _ := srv.JitterbitConnectionSecret(created.ID, "oauth.refreshToken"); v != "refresh-JSM Production" {
		t.Errorf("refresh token after an update without it = %q", v)
	}

	if err := c.DeleteJSMConnection(ctx, created.ID); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := c.GetJSMConnection(ctx, created.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("read after delete: %v, want ErrNotFound", err)
	}
	if _, ok, err := c.FindJSMConnection(ctx, envDev, guidJSM, "JSM Prod"); err != nil || ok {
		t.Errorf("find after delete: %t %v", ok, err)
	}
}

func TestJSMConnections_FindByProjectAndName(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()

	// More than one page of connections in one project (the client asks
	// for 100), so listing pages.
	ids := make(map[string]string)
	for i := range 130 {
		project := guidJSM
		if i%5 == 0 {
			project = guidSD
		}
		name := fmt.Sprintf("conn-%03d", i)
		created, err := c.CreateJSMConnection(ctx, basicConnection(project, name))
		if err != nil {
			t.Fatal(err)
		}
		ids[project+"/"+name] = created.ID
	}
	sameName, err := c.CreateJSMConnection(ctx, basicConnection(guidSD, "conn-104"))
	if err != nil {
		t.Fatalf("the same name in another project: %v", err)
	}

	tests := []struct {
		project, name string
		want          string // "": not found
	}{
		{guidJSM, "conn-001", ids[guidJSM+"/conn-001"]},
		{guidJSM, "CONN-104", ids[guidJSM+"/conn-104"]},
		{guidSD, "conn-104", sameName.ID},
		{guidSD, "conn-100", ids[guidSD+"/conn-100"]},
		{guidJSM, "conn-100", ""},
		{guidUnknown, "conn-001", ""},
		{guidJSM, "conn-10", ""},
	}
	for _, tc := range tests {
		got, ok, err := c.FindJSMConnection(ctx, envDev, tc.project, tc.name)
		switch {
		case err != nil:
			t.Errorf("find %s/%s: %v", tc.project, tc.name, err)
		case tc.want == "" && ok:
			t.Errorf("find %s/%s = %+v, want none", tc.project, tc.name, got)
		case tc.want != "" && (!ok || got.ID != tc.want):
			t.Errorf("find %s/%s = %+v %t, want id %s", tc.project, tc.name, got, ok, tc.want)
		case ok && got.APIToken != "":
			t.Errorf("find %s/%s returned a secret", tc.project, tc.name)
		}
	}
	paged, err := c.ListJSMConnections(ctx, envDev, guidJSM)
	if err != nil || len(paged) != 104 {
		t.Errorf("list project JSM Integration: %d, %v; want 104 over two pages", len(paged), err)
	}
	inProject, err := c.ListJSMConnections(ctx, envDev, guidSD)
	if err != nil || len(inProject) != 27 {
		t.Errorf("list project Service Desk Sync: %d, %v; want 27", len(inProject), err)
	}
	// The contract lists one project of one environment at a time.
	for _, key := range [][2]string{{"", guidJSM}, {envDev, ""}} {
		if _, err := c.ListJSMConnections(ctx, key[0], key[1]); err == nil || !strings.Contains(err.Error(), "is empty") {
			t.Errorf("list %q/%q: %v, want an error before anything is sent", key[0], key[1], err)
		}
	}
}

func TestJSMConnections_Errors(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()

	if _, err := c.GetJSMConnection(ctx, "9999"); !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "Jitterbit read JSM connection") {
		t.Errorf("read unknown id: %v, want ErrNotFound naming the operation", err)
	}
	if _, err := c.UpdateJSMConnection(ctx, "9999", basicConnection(guidJSM, "x")); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("update unknown id: %v, want ErrNotFound", err)
	}
	if err := c.DeleteJSMConnection(ctx, "9999"); !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "delete JSM connection") {
		t.Errorf("delete unknown id: %v, want ErrNotFound naming the operation", err)
	}
	if err := c.DeleteJSMConnection(ctx, ""); err == nil || !strings.Contains(err.Error(), "id is empty") {
		t.Errorf("delete without an id: %v", err)
	}

	// The vendor's message reaches the caller.
	bad := basicConnection(guidJSM, "bad")
	bad.User = "" // the document's schema allows it; its rules for Basic do not
	_, err := c.CreateJSMConnection(ctx, bad)
	var apiErr *api.Error
	if !errors.Is(err, api.ErrBadRequest) || !errors.As(err, &apiErr) || apiErr.Operation != "create JSM connection" ||
		!strings.HasPrefix(apiErr.Message, "user is required when authScheme is Basic") {
		t.Errorf("Basic without user: %v, want ErrBadRequest with the vendor message", err)
	}
	bad = basicConnection(guidUnknown, "bad")
	if _, err := c.CreateJSMConnection(ctx, bad); !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "projectGuid") {
		t.Errorf("unknown project: %v, want ErrBadRequest naming projectGuid", err)
	}

	first, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "Taken"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "TAKEN")); !errors.Is(err, api.ErrConflict) || !strings.Contains(err.Error(), "HTTP 409") {
		t.Errorf("duplicate name: %v, want ErrConflict", err)
	}
	if _, err := c.CreateJSMConnection(ctx, basicConnection(guidSD, "taken")); err != nil {
		t.Errorf("the same name in another project: %v", err)
	}
	second, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "Second"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateJSMConnection(ctx, second.ID, basicConnection(guidJSM, "taken")); !errors.Is(err, api.ErrConflict) ||
		!strings.Contains(err.Error(), "JSM connection "+first.ID) {
		t.Errorf("rename onto another connection's name: %v, want ErrConflict naming connection %s", err, first.ID)
	}
}

// TestJSMConnections_LostAnswerDoesNotDuplicate forwards the first create
// to the sandbox but answers 502, as a proxy that lost the answer would.
func TestJSMConnections_LostAnswerDoesNotDuplicate(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	var lost atomic.Bool
	front := startFront(t, base, func(w http.ResponseWriter, r *http.Request, forward http.Handler) bool {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/almsync/jitterbit-jsm-connections/v1/connections") || !lost.CompareAndSwap(false, true) {
			return false
		}
		forward.ServeHTTP(httptest.NewRecorder(), r) // applied, answer lost
		w.WriteHeader(http.StatusBadGateway)
		return true
	})
	c := newClient(t, front+"/jitterbit", admin)
	ctx := context.Background()

	// The lookup matches the stored name despite another spelling.
	created, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "Once"))
	if err != nil {
		t.Fatalf("create with a lost answer: %v", err)
	}
	if !lost.Load() {
		t.Fatal("the create was not intercepted")
	}
	if created.ID != "1" || created.Name != "Once" {
		t.Errorf("adopted connection = %+v", created)
	}
	all, err := c.ListJSMConnections(ctx, envDev, guidJSM)
	if err != nil || len(all) != 1 {
		t.Errorf("connections after the lost answer: %+v, %v; want exactly one", all, err)
	}
	if n := srv.Stats().Products["jitterbit"].Routes["POST /almsync/jitterbit-jsm-connections/v1/connections"]; n != 1 {
		t.Errorf("creates sent = %d, want 1", n)
	}
}

// TestJSMConnections_LostAnswerOfARefusedCreate: when the lost create was
// not applied, the lookup finds nothing and the original error stands.
func TestJSMConnections_LostAnswerOfARefusedCreate(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	front := startFront(t, base, func(w http.ResponseWriter, r *http.Request, _ http.Handler) bool {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/almsync/jitterbit-jsm-connections/v1/connections") {
			return false
		}
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	})
	_, err := newClient(t, front+"/jitterbit", admin).CreateJSMConnection(context.Background(), basicConnection(guidJSM, "never"))
	if err == nil || !strings.Contains(err.Error(), "503") || !strings.Contains(err.Error(), "create JSM connection") {
		t.Errorf("error = %v, want the 503 of the create", err)
	}
}
