package jitterbit

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// testJSONMarshal holds a wire type against literal JSON written from the
// document that defines it: v must encode to want (member order and spacing
// aside), and want must decode, with no member left over, to v. A JSON tag
// that differs from the document fails one direction or the other.
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

// documentedLogin is the answer to POST /login as the example of Jitterbit's
// "Harmony API Reference" shows it, the trailing "guid-…" member included.
const documentedLogin = `{
    "success": true,
    "uri": "https:\/\/harmony-api.na-east.jitterbit.com\/dev\/login",
    "data": {
        "authenticationToken": "{Auth Token}",
        "serverUrl": "https:\/\/na-east.jitterbit.com",
        "cloudAppsUrl": "https:\/\/apps.na-east.jitterbit.com",
        "orgAttrs": [
            {
                "orgId": "{Org Id 1}",
                "orgName": "{Org Name}",
                "orgZoneUrl": "https:\/\/na-east.jitterbit.com"
            },
            {
                "orgId": "{Org Id N}",
                "orgName": "{Org Name}",
                "orgZoneUrl": "https:\/\/na-east.jitterbit.com"
            }
        ],
        "defaultOrgId": "{Default Org Id}",
        "sessionTimeoutInSeconds": 14400
    },
    "guid-0.843237301346141": ""
}`

// documentedloginResult is the data of documentedLogin.
var documentedloginResult = loginResult{
	AuthenticationToken: "{Auth Token}",
	ServerURL:           "https://na-east.jitterbit.com",
	CloudAppsURL:        "https://apps.na-east.jitterbit.com",
	OrgAttrs: []organization{
		{OrgID: "{Org Id 1}", OrgName: "{Org Name}", OrgZoneURL: "https://na-east.jitterbit.com"},
		{OrgID: "{Org Id N}", OrgName: "{Org Name}", OrgZoneURL: "https://na-east.jitterbit.com"},
	},
	DefaultOrgID:            "{Default Org Id}",
	SessionTimeoutInSeconds: 14400,
}

func TestWire_loginResult(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, documentedloginResult, `{
		"authenticationToken": "{Auth Token}",
		"serverUrl": "https://na-east.jitterbit.com",
		"cloudAppsUrl": "https://apps.na-east.jitterbit.com",
		"orgAttrs": [
			{"orgId": "{Org Id 1}", "orgName": "{Org Name}", "orgZoneUrl": "https://na-east.jitterbit.com"},
			{"orgId": "{Org Id N}", "orgName": "{Org Name}", "orgZoneUrl": "https://na-east.jitterbit.com"}
		],
		"defaultOrgId": "{Default Org Id}",
		"sessionTimeoutInSeconds": 14400
	}`)
}

// TestWire_DocumentedLoginDecodes decodes the reference's own example the
// way the client decodes every answer.
func TestWire_DocumentedLoginDecodes(t *testing.T) {
	t.Parallel()
	var env rawEnvelope
	if err := json.Unmarshal([]byte(documentedLogin), &env); err != nil {
		t.Fatal(err)
	}
	if env.Success == nil || !*env.Success || env.URI != "https://harmony-api.na-east.jitterbit.com/dev/login" || env.Error != nil {
		t.Errorf("envelope = success %v, uri %q, error %+v", env.Success, env.URI, env.Error)
	}
	var res loginResult
	if err := json.Unmarshal(env.Data, &res); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, documentedloginResult) {
		t.Errorf("login data = %+v\nwant %+v", res, documentedloginResult)
	}
}

func TestWire_Organization(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, organization{OrgID: "100", OrgName: "Acme", OrgZoneURL: "https://emea-west.jitterbit.com"},
		`{"orgId": "100", "orgName": "Acme", "orgZoneUrl": "https://emea-west.jitterbit.com"}`)
}

func TestWire_ErrorInfo(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, errorInfo{ErrorMessage: "Invalid username or password", ErrorCode: "INVALID_CREDENTIALS", ErrorID: "c0ffee"},
		`{"errorMessage": "Invalid username or password", "errorCode": "INVALID_CREDENTIALS", "errorId": "c0ffee"}`)
}

// TestWire_Envelope holds the envelope the client decodes every answer
// into against the documented members.
func TestWire_Envelope(t *testing.T) {
	t.Parallel()
	success := true
	testJSONMarshal(t, rawEnvelope{Success: &success, URI: "https://harmony-api.na-east.jitterbit.com/dev/connections/jira-service-management/1",
		Data:  json.RawMessage(`{"id":"1","name":"p"}`),
		Error: &errorInfo{ErrorMessage: "m", ErrorCode: "c", ErrorID: "i"}},
		`{"success": true, "uri": "https://harmony-api.na-east.jitterbit.com/dev/connections/jira-service-management/1", "data": {"id":"1","name":"p"},
		  "error": {"errorMessage": "m", "errorCode": "c", "errorId": "i"}}`)
}

// TestWire_RawEnvelope: the envelope as the client decodes it reads every
// documented member.
func TestWire_RawEnvelope(t *testing.T) {
	t.Parallel()
	const failed = `{"success": false, "uri": "https://harmony-api.na-east.jitterbit.com/dev/project",
		"error": {"errorMessage": "Project not found", "errorCode": "NOT_FOUND", "errorId": "a1b2"}}`
	var env rawEnvelope
	dec := json.NewDecoder(bytes.NewReader([]byte(failed)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		t.Fatal(err)
	}
	want := errorInfo{ErrorMessage: "Project not found", ErrorCode: "NOT_FOUND", ErrorID: "a1b2"}
	if env.Success == nil || *env.Success || env.URI != "https://harmony-api.na-east.jitterbit.com/dev/project" ||
		env.Error == nil || *env.Error != want || env.Data != nil {
		t.Errorf("decoded success %v, uri %q, error %+v, data %s", env.Success, env.URI, env.Error, env.Data)
	}
}

// TestWire_JSMConnection holds the connection of the provider's contract,
// every field set, against the keys the contract gives them (see
// JSMConnection and the package documentation).
func TestWire_JSMConnection(t *testing.T) {
	t.Parallel()
	conn := JSMConnection{
		ID: "7", EnvironmentID: "201", ProjectGUID: "g-1", Name: "JSM", AuthScheme: AuthSchemeAuto, URL: "[jsm_url]",
		User: "svc", Password: "pw", APIToken: "tok",
		SSO: &SSOSettings{LoginURL: "https://crowd.example.com/login", Properties: "a=b",
			ExchangeURL: "https://sso.example.com/x", AppName: "jira", AppPassword: "app-pw"},
		OAuth: &OAuthSettings{
			InitiateOAuth: InitiateOAuthGetAndRefresh, Version: "2.0", ClientID: "cid", ClientSecret: "cs",
			AccessToken: "at", Scope: "read:jira-work", CloudID: "cloud", Verifier: "v", AuthToken: "atk",
			AuthKey: "ak", RefreshToken: "rt", ExpiresIn: 3600, TokenTimestamp: "1700000000",
			CertificateStoreType: "P10BFILE", CertificateStore: "/certs/store.p10b",
			CertificateStorePassword: "csp", CertificateSubject: "CN=jsm",
		},
		SSL: &SSLSettings{ClientCert: "/certs/client.p7b", ClientCertType: "P7BFILE",
			ClientCertPassword: "ccp", ClientCertSubject: "*", ServerCert: "*"},
		UseProxySettings:   true,
		AdvancedProperties: map[string]string{"Timeout": "60"},
	}
	testJSONMarshal(t, conn, `{
		"id": "7", "environmentId": "201", "projectGuid": "g-1", "name": "JSM", "authScheme": "Auto", "url": "[jsm_url]",
		"user": "svc", "password": "pw", "apiToken": "tok",
		"sso": {"loginUrl": "https://crowd.example.com/login", "properties": "a=b",
			"exchangeUrl": "https://sso.example.com/x", "appName": "jira", "appPassword": "app-pw"},
		"oauth": {
			"initiateOAuth": "GETANDREFRESH", "version": "2.0", "clientId": "cid", "clientSecret": "cs",
			"accessToken": "at", "scope": "read:jira-work", "cloudId": "cloud", "verifier": "v", "authToken": "atk",
			"authKey": "ak", "refreshToken": "rt", "expiresIn": 3600, "tokenTimestamp": "1700000000",
			"certificateStoreType": "P10BFILE", "certificateStore": "/certs/store.p10b",
			"certificateStorePassword": "csp", "certificateSubject": "CN=jsm"
		},
		"ssl": {"clientCert": "/certs/client.p7b", "clientCertType": "P7BFILE",
			"clientCertPassword": "ccp", "clientCertSubject": "*", "serverCert": "*"},
		"useProxySettings": true,
		"advancedProperties": {"Timeout": "60"}
	}`)

	// A create leaves the id out; empty secrets and absent blocks are not
	// sent, and useProxySettings always is.
	testJSONMarshal(t, JSMConnection{EnvironmentID: "201", ProjectGUID: "g-1", Name: "min", AuthScheme: AuthSchemeBasic},
		`{"environmentId": "201", "projectGuid": "g-1", "name": "min", "authScheme": "Basic", "useProxySettings": false}`)
}

func TestWire_Page(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, listPage[JSMConnection]{
		Items:    []JSMConnection{{ID: "1", EnvironmentID: "201", ProjectGUID: "g-1", Name: "a", AuthScheme: AuthSchemeBasic}},
		Page:     2,
		PageSize: 1,
		Total:    3,
	}, `{"items": [{"id": "1", "environmentId": "201", "projectGuid": "g-1", "name": "a", "authScheme": "Basic", "useProxySettings": false}],
		"page": 2, "pageSize": 1, "total": 3}`)
}

// TestWire_IDsAndCodesAsNumbers: Jitterbit's tables type ids and error
// codes as integers where its examples quote them; both decode.
func TestWire_IDsAndCodesAsNumbers(t *testing.T) {
	t.Parallel()
	var res loginResult
	if err := json.Unmarshal([]byte(`{"authenticationToken":"t","defaultOrgId":20001,
		"orgAttrs":[{"orgId":20001,"orgName":"Acme"},{"orgId":"20002","orgName":"Beta"}]}`), &res); err != nil {
		t.Fatal(err)
	}
	want := loginResult{AuthenticationToken: "t", DefaultOrgID: "20001",
		OrgAttrs: []organization{{OrgID: "20001", OrgName: "Acme"}, {OrgID: "20002", OrgName: "Beta"}}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("login data = %+v, want %+v", res, want)
	}

	var info errorInfo
	if err := json.Unmarshal([]byte(`{"errorMessage":"expired","errorCode":401,"errorId":"x"}`), &info); err != nil || info.ErrorCode != "401" {
		t.Errorf("numeric errorCode = %q, %v", info.ErrorCode, err)
	}
	if err := json.Unmarshal([]byte(`{"errorMessage":"m","errorCode":null}`), &info); err != nil || info.ErrorCode != "401" {
		t.Errorf("null errorCode changed the value: %q, %v", info.ErrorCode, err)
	}
	for _, bad := range []string{`true`, `{"a":1}`, `["1"]`} {
		var v textOrNumber
		if err := json.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("%s decoded as %q, want an error", bad, v)
		}
	}
}
