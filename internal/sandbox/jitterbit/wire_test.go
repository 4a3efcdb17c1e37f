package jitterbit

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// testJSONMarshal holds a wire shape of this package against literal JSON
// written from the document that defines it: v must encode to want (member
// order and spacing aside), and want must decode, with no member left over,
// to v.
func testJSONMarshal[T any](t *testing.T, v T, want string) {
	t.Helper()
	got, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encoding %T: %v", v, err)
	}
	var gotAny, wantAny any
	if err := json.Unmarshal(got, &gotAny); err != nil {
		t.Fatalf("decoding the encoded %T: %v", v, err)
	}
	if err := json.Unmarshal([]byte(want), &wantAny); err != nil {
		t.Fatalf("the literal JSON is not JSON: %v", err)
	}
	if !reflect.DeepEqual(gotAny, wantAny) {
		t.Errorf("%T encodes as\n%s\nwant\n%s", v, got, want)
	}
	var decoded T
	dec := json.NewDecoder(bytes.NewReader([]byte(want)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&decoded); err != nil {
		t.Fatalf("decoding the literal JSON into %T: %v", v, err)
	}
	if !reflect.DeepEqual(decoded, v) {
		t.Errorf("the literal JSON decodes as\n%+v\nwant\n%+v", decoded, v)
	}
}

// TestWire_Login holds the data of a login against the example of the
// Harmony API Reference (POST /login).
func TestWire_Login(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, loginData{
		AuthenticationToken: "{Auth Token}",
		ServerURL:           "https://na-east.jitterbit.com",
		CloudAppsURL:        "https://apps.na-east.jitterbit.com",
		OrgAttrs: []orgAttr{
			{OrgID: "{Org Id 1}", OrgName: "{Org Name}", OrgZoneURL: "https://na-east.jitterbit.com"},
			{OrgID: "{Org Id N}", OrgName: "{Org Name}", OrgZoneURL: "https://na-east.jitterbit.com"},
		},
		DefaultOrgID:            "{Default Org Id}",
		SessionTimeoutInSeconds: 14400,
	}, `{
		"authenticationToken": "{Auth Token}",
		"serverUrl": "https:\/\/na-east.jitterbit.com",
		"cloudAppsUrl": "https:\/\/apps.na-east.jitterbit.com",
		"orgAttrs": [
			{"orgId": "{Org Id 1}", "orgName": "{Org Name}", "orgZoneUrl": "https:\/\/na-east.jitterbit.com"},
			{"orgId": "{Org Id N}", "orgName": "{Org Name}", "orgZoneUrl": "https:\/\/na-east.jitterbit.com"}
		],
		"defaultOrgId": "{Default Org Id}",
		"sessionTimeoutInSeconds": 14400
	}`)
}

// TestWire_Envelope holds both kinds of answer: data on success, error on
// failure, each with the uri called.
func TestWire_Envelope(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, envelope{Success: true, URI: "https://harmony-api.na-east.jitterbit.com/dev/project",
		Data: map[string]any{"guid": "g-1"}},
		`{"success": true, "uri": "https://harmony-api.na-east.jitterbit.com/dev/project", "data": {"guid": "g-1"}}`)
	testJSONMarshal(t, envelope{URI: "https://harmony-api.na-east.jitterbit.com/dev/login",
		Error: &errorInfo{ErrorMessage: "Invalid username or password", ErrorCode: "INVALID_CREDENTIALS", ErrorID: "e-1"}},
		`{"success": false, "uri": "https://harmony-api.na-east.jitterbit.com/dev/login",
		  "error": {"errorMessage": "Invalid username or password", "errorCode": "INVALID_CREDENTIALS", "errorId": "e-1"}}`)
}

// TestWire_JSMConnection holds the contract's connection, every field set,
// against the keys the contract names.
func TestWire_JSMConnection(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, everySecretJSM("g-1", "JSM"), `{
		"environmentId": "201", "projectGuid": "g-1", "name": "JSM", "authScheme": "Auto", "url": "https://acme.atlassian.net/",
		"user": "svc", "password": "s-password", "apiToken": "s-apiToken",
		"sso": {"loginUrl": "[sso.login]", "properties": "a=b", "exchangeUrl": "https://sso.example.com/x",
			"appName": "app", "appPassword": "s-appPassword"},
		"oauth": {
			"initiateOAuth": "GETANDREFRESH", "version": "1.0", "clientId": "cid", "clientSecret": "s-clientSecret",
			"accessToken": "s-accessToken", "scope": "read:jira-work", "cloudId": "cloud", "verifier": "s-verifier",
			"authToken": "s-authToken", "authKey": "s-authKey", "refreshToken": "s-refreshToken", "expiresIn": 60,
			"tokenTimestamp": "1700000000", "certificateStoreType": "P10BFILE", "certificateStore": "/certs/store.p10b",
			"certificateStorePassword": "s-certificateStorePassword", "certificateSubject": "CN=jsm"
		},
		"ssl": {"clientCert": "/certs/client.p7b", "clientCertType": "P7BFILE",
			"clientCertPassword": "s-clientCertPassword", "clientCertSubject": "*", "serverCert": "*"},
		"useProxySettings": true,
		"advancedProperties": {"Timeout": "60", "Other": "[other]"}
	}`)
	testJSONMarshal(t, JSMConnection{ID: "3", EnvironmentID: "201", ProjectGUID: "g-1", Name: "min", AuthScheme: AuthSchemeBasic},
		`{"id": "3", "environmentId": "201", "projectGuid": "g-1", "name": "min", "authScheme": "Basic", "useProxySettings": false}`)
}

func TestWire_ConnectionPage(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, connectionPage{Items: []JSMConnection{{ID: "1", EnvironmentID: "201", ProjectGUID: "g-1", Name: "a", AuthScheme: AuthSchemeBasic}},
		Page: 2, PageSize: 1, Total: 3},
		`{"items": [{"id": "1", "environmentId": "201", "projectGuid": "g-1", "name": "a", "authScheme": "Basic", "useProxySettings": false}],
		  "page": 2, "pageSize": 1, "total": 3}`)
}

func TestWire_TestRequest(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, testRequest{TrustedCAPEM: "-----BEGIN CERTIFICATE-----"}, `{"trustedCaPem": "-----BEGIN CERTIFICATE-----"}`)
}

// TestLoginAnswersTheDocumentedMembers reads the login answer as generic
// JSON, with no struct of this package in between: it holds exactly the
// members of the reference's example.
func TestLoginAnswersTheDocumentedMembers(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	r := jitterbitLogin(t, ts, kernel.DefaultUsername, kernel.DefaultPassword)
	wiretest.WantStatus(t, r, http.StatusOK)
	object := func(what string, raw json.RawMessage, want ...string) map[string]json.RawMessage {
		t.Helper()
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s is not an object: %s", what, raw)
		}
		got := slices.Sorted(maps.Keys(m))
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s members = %v, want %v", what, got, want)
		}
		return m
	}
	top := object("answer", r.Body, "success", "uri", "data")
	data := object("data", top["data"], "authenticationToken", "serverUrl", "cloudAppsUrl", "orgAttrs", "defaultOrgId", "sessionTimeoutInSeconds")
	var orgs []json.RawMessage
	if err := json.Unmarshal(data["orgAttrs"], &orgs); err != nil || len(orgs) != 1 {
		t.Fatalf("orgAttrs = %s", data["orgAttrs"])
	}
	object("orgAttrs[0]", orgs[0], "orgId", "orgName", "orgZoneUrl")
	if string(top["success"]) != "true" || string(data["sessionTimeoutInSeconds"]) != "14400" {
		t.Errorf("success %s, sessionTimeoutInSeconds %s", top["success"], data["sessionTimeoutInSeconds"])
	}
}

// TestTestAnswersTheContractMembers reads the data of a "Test" as generic
// JSON: it holds the members the contract names for a result and its
// checks.
func TestTestAnswersTheContractMembers(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	c := basicJSM(seedProjectJSM, "variable")
	c.URL = "[jsm_url]"
	created := createJSM(t, ts, auth, c)
	r := wiretest.Call(t, ts, auth, http.MethodPost, jsmPath+"/"+created.ID+"/test", testRequest{})
	data := wantJitterbitData[map[string]json.RawMessage](t, r, http.StatusOK)
	if got, want := slices.Sorted(maps.Keys(data)), []string{"checkedAt", "checks", "durationMs", "message", "success"}; !slices.Equal(got, want) {
		t.Errorf("result members = %v, want %v", got, want)
	}
	var checks []map[string]json.RawMessage
	if err := json.Unmarshal(data["checks"], &checks); err != nil || len(checks) == 0 {
		t.Fatalf("checks = %s", data["checks"])
	}
	for _, check := range checks {
		if got, want := slices.Sorted(maps.Keys(check)), []string{"detail", "name", "success"}; !slices.Equal(got, want) {
			t.Errorf("check members = %v, want %v", got, want)
		}
	}
	if string(data["success"]) != "false" || !bytes.Contains(data["message"], []byte("variable reference")) {
		t.Errorf("a url that is a variable reference: success %s, message %s", data["success"], data["message"])
	}
}
