package interchange_test

import (
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// testJSONMarshal holds v against the literal JSON want, both ways. The
// literals spell the connector contract as doc.go publishes it, so a wrong
// or renamed JSON tag fails here.
func testJSONMarshal[T any](t *testing.T, v T, want string) {
	t.Helper()
	got, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encoding %T: %v", v, err)
	}
	var gotTree, wantTree any
	if err := json.Unmarshal(got, &gotTree); err != nil {
		t.Fatalf("decoding our own encoding of %T: %v", v, err)
	}
	if err := json.Unmarshal([]byte(want), &wantTree); err != nil {
		t.Fatalf("the literal for %T is not JSON: %v", v, err)
	}
	if !reflect.DeepEqual(gotTree, wantTree) {
		t.Errorf("%T encodes as\n%s\nwant\n%s", v, got, want)
	}
	var decoded T
	if err := json.Unmarshal([]byte(want), &decoded); err != nil {
		t.Fatalf("decoding the literal into %T: %v", v, err)
	}
	if !reflect.DeepEqual(decoded, v) {
		t.Errorf("the literal decodes as %+v, want %+v", decoded, v)
	}
}

// A basic connector as POST .../connectors takes it.
func TestConnector_Basic_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, interchange.Connector{
		Application: "JAMA_CONNECT", Name: "Production Jama", URL: "https://acme.jamacloud.com",
		VerifySSL: true, AuthType: "basic", Username: "InterchangeServiceAccount", Password: "s3cret",
	}, `{
		"application": "JAMA_CONNECT",
		"name": "Production Jama",
		"url": "https://acme.jamacloud.com",
		"verifySsl": true,
		"authType": "basic",
		"username": "InterchangeServiceAccount",
		"password": "s3cret"
	}`)
}

// An OAuth connector as GET .../connectors/{id} returns it: with its
// id, without the client secret, verifySsl present even when false.
func TestConnector_OAuthRead_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, interchange.Connector{
		ID: 7, Application: "JAMA_CONNECT", Name: "SSO Jama", URL: "https://sso.jamacloud.com",
		VerifySSL: false, AuthType: "oauth", ClientID: "interchange-client",
	}, `{
		"id": 7,
		"application": "JAMA_CONNECT",
		"name": "SSO Jama",
		"url": "https://sso.jamacloud.com",
		"verifySsl": false,
		"authType": "oauth",
		"clientId": "interchange-client"
	}`)
	testJSONMarshal(t, interchange.Connector{AuthType: "oauth", ClientID: "c", ClientSecret: "s"},
		`{"application": "", "name": "", "url": "", "verifySsl": false, "authType": "oauth", "clientId": "c", "clientSecret": "s"}`)
}

// TestCreateConnector_Wire: the create carries the form's members in Jama's
// envelope style, under the contract's /almsync/interchange-connectors/v1/connectors,
// after the discovery, which carries no credentials; the id comes from meta.id.
func TestCreateConnector_Wire(t *testing.T) {
	t.Parallel()
	var (
		body          map[string]any
		path          string
		discoveryAuth = "not sent"
	)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/almsync/interchange-connectors/v1/contract" {
			discoveryAuth = r.Header.Get("Authorization")
			_, _ = io.WriteString(w, `{"meta":{"status":"OK"},"data":{"name":"interchange-connectors","version":"1.2.0"}}`)
			return
		}
		path = r.Method + " " + r.URL.Path
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			t.Errorf("decoding the request: %v", err)
		}
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"meta":{"status":"Created","id":12,"location":"http://`+r.Host+`/almsync/interchange-connectors/v1/connectors/12"},"links":{},"linked":{}}`)
	}))
	t.Cleanup(hs.Close)
	tc, err := transport.New(transport.Config{Product: "Interchange", RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c, err := interchange.New(hs.URL, jama.Credentials{Username: "admin", Password: "p"}, tc)
	if err != nil {
		t.Fatal(err)
	}
	id, err := c.CreateConnector(context.Background(), interchange.Connector{
		Name: "Production Jama", URL: "https://acme.jamacloud.com", VerifySSL: true,
		AuthType: interchange.AuthBasic, Username: "svc", Password: "p",
	})
	if err != nil || id != 12 {
		t.Fatalf("create: id %d, %v", id, err)
	}
	if path != "POST /almsync/interchange-connectors/v1/connectors" {
		t.Errorf("sent %s", path)
	}
	if discoveryAuth != "" {
		t.Errorf("the discovery carried Authorization %q, want none", discoveryAuth)
	}
	want := []string{"application", "authType", "name", "password", "url", "username", "verifySsl"}
	if got := slices.Sorted(maps.Keys(body)); !slices.Equal(got, want) {
		t.Errorf("members %v, want %v", got, want)
	}
	if body["application"] != "JAMA_CONNECT" || body["verifySsl"] != true {
		t.Errorf("body %v", body)
	}
}
