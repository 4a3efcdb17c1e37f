package jira_test

import (
	"context"
	"net/http"
	"reflect"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
)

// The tests in this file hold the client against Jira's JSON as Atlassian
// documents it (the Jira Cloud platform REST API and the Jira Server and
// Data Center REST API): each serves a literal answer of that shape and
// compares everything the client makes of it, so that a JSON tag that
// differs from Jira's member name fails here, whatever the sandbox says.

// serveLiteral returns a client of a stub that answers GET path with body
// and anything else with 404.
func serveLiteral(t *testing.T, path, body string) *jira.Client {
	t.Helper()
	stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		serveJSON(w, body)
	})
	return newClient(t, stub, stubAccount)
}

// wantEqual fails the test unless got equals want.
func wantEqual[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

func TestWire_ServerInfo(t *testing.T) {
	t.Parallel()
	// ServerInformation, as GET /rest/api/2/serverInfo answers on Data Center.
	const body = `{
		"baseUrl": "https://jira.example.com/jira",
		"version": "9.12.2",
		"versionNumbers": [9, 12, 2],
		"deploymentType": "DataCenter",
		"buildNumber": 9120002,
		"buildDate": "2024-01-10T00:00:00.000+0000",
		"serverTime": "2025-03-01T12:30:45.123+0000",
		"scmInfo": "8c8c5b6f3a2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c",
		"serverTitle": "Example Jira",
		"defaultLocale": {"locale": "en_GB"}
	}`
	got, err := serveLiteral(t, "/rest/api/2/serverInfo", body).ServerInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "ServerInfo", got, jira.ServerInfo{
		BaseURL:        "https://jira.example.com/jira",
		Version:        "9.12.2",
		VersionNumbers: []int{9, 12, 2},
		DeploymentType: jira.DeploymentDataCenter,
		BuildNumber:    9120002,
		BuildDate:      "2024-01-10T00:00:00.000+0000",
		ServerTime:     "2025-03-01T12:30:45.123+0000",
		SCMInfo:        "8c8c5b6f3a2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c",
		ServerTitle:    "Example Jira",
	})
}

func TestWire_MyselfCloud(t *testing.T) {
	t.Parallel()
	// User, as GET /rest/api/2/myself?expand=groups,applicationRoles
	// answers on Jira Cloud: accountId, with key and name empty.
	const body = `{
		"self": "https://acme.atlassian.net/rest/api/2/user?accountId=5b10a2844c20165700ede21g",
		"key": "",
		"accountId": "5b10a2844c20165700ede21g",
		"accountType": "atlassian",
		"name": "",
		"emailAddress": "jama-sync@example.com",
		"avatarUrls": {"48x48": "https://avatar.example.com/48.png"},
		"displayName": "Jama Sync",
		"active": true,
		"timeZone": "Europe/Berlin",
		"locale": "en_US",
		"groups": {"size": 2, "items": [
			{"name": "jira-software-users", "groupId": "276f955c-63d7-42c8-9520-92d01dca0625", "self": "https://acme.atlassian.net/rest/api/2/group?groupId=276f955c-63d7-42c8-9520-92d01dca0625"},
			{"name": "jira-users", "groupId": "6e87dc72-4f1f-421f-9382-2fee8b652487", "self": "https://acme.atlassian.net/rest/api/2/group?groupId=6e87dc72-4f1f-421f-9382-2fee8b652487"}
		]},
		"applicationRoles": {"size": 1, "items": [{"key": "jira-software", "name": "Jira Software"}]},
		"expand": "groups,applicationRoles"
	}`
	got, err := serveLiteral(t, "/rest/api/2/myself", body).Myself(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "Myself", got, jira.User{
		AccountID:        "5b10a2844c20165700ede21g",
		AccountType:      "atlassian",
		EmailAddress:     "jama-sync@example.com",
		DisplayName:      "Jama Sync",
		TimeZone:         "Europe/Berlin",
		Active:           true,
		Groups:           []string{"jira-software-users", "jira-users"},
		ApplicationRoles: []string{"jira-software"},
	})
}

func TestWire_MyselfDataCenter(t *testing.T) {
	t.Parallel()
	// User, as Jira Server and Data Center answer it: key and name, no
	// accountId; groups expanded, application roles not.
	const body = `{
		"self": "https://jira.example.com/rest/api/2/user?username=jsync",
		"key": "JIRAUSER10100",
		"name": "jsync",
		"emailAddress": "jsync@example.com",
		"avatarUrls": {"48x48": "https://jira.example.com/secure/useravatar?avatarId=10122"},
		"displayName": "Jama Sync",
		"active": true,
		"deleted": false,
		"timeZone": "Europe/London",
		"locale": "en_GB",
		"groups": {"size": 1, "items": [{"name": "jira-users", "self": "https://jira.example.com/rest/api/2/group?groupname=jira-users"}]},
		"applicationRoles": {"size": 1, "items": []},
		"expand": "groups,applicationRoles"
	}`
	got, err := serveLiteral(t, "/rest/api/2/myself", body).Myself(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "Myself", got, jira.User{
		Key:          "JIRAUSER10100",
		Name:         "jsync",
		EmailAddress: "jsync@example.com",
		DisplayName:  "Jama Sync",
		TimeZone:     "Europe/London",
		Active:       true,
		Groups:       []string{"jira-users"},
	})
}

func TestWire_MyPermissions(t *testing.T) {
	t.Parallel()
	// Permissions, as GET /rest/api/2/mypermissions answers: UserPermission
	// objects keyed by permission key.
	const body = `{"permissions": {
		"EDIT_ISSUES": {"id": "12", "key": "EDIT_ISSUES", "name": "Edit Issues", "type": "PROJECT",
			"description": "Ability to edit issues.", "havePermission": true},
		"CREATE_ATTACHMENTS": {"id": "19", "key": "CREATE_ATTACHMENTS", "name": "Create Attachments", "type": "PROJECT",
			"description": "Users with this permission may create attachments.", "havePermission": false, "deprecatedKey": false}
	}}`
	got, err := serveLiteral(t, "/rest/api/2/mypermissions", body).
		MyPermissions(context.Background(), []string{"EDIT_ISSUES", "CREATE_ATTACHMENTS"}, "SYNC")
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "MyPermissions", got, map[string]jira.Permission{
		"EDIT_ISSUES": {ID: "12", Key: "EDIT_ISSUES", Name: "Edit Issues", Type: "PROJECT",
			Description: "Ability to edit issues.", HavePermission: true},
		"CREATE_ATTACHMENTS": {ID: "19", Key: "CREATE_ATTACHMENTS", Name: "Create Attachments", Type: "PROJECT",
			Description: "Users with this permission may create attachments."},
	})
}

func TestWire_ResolutionList(t *testing.T) {
	t.Parallel()
	// An array of Resolution, as GET /rest/api/2/resolution answers on
	// Server and Data Center.
	stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rest/api/2/serverInfo":
			serveJSON(w, dataCenterServerInfo)
		case "/rest/api/2/resolution":
			serveJSON(w, `[
				{"self": "https://jira.example.com/rest/api/2/resolution/1", "id": "1",
				 "description": "A fix for this issue is checked into the tree and tested.", "name": "Fixed"},
				{"self": "https://jira.example.com/rest/api/2/resolution/10000", "id": "10000",
				 "description": "This is what it is supposed to do.", "name": "Works as designed", "iconUrl": ""}
			]`)
		default:
			http.NotFound(w, r)
		}
	})
	got, err := newClient(t, stub, stubAccount).Resolutions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "Resolutions", got, []jira.Resolution{
		{ID: "1", Name: "Fixed", Description: "A fix for this issue is checked into the tree and tested."},
		{ID: "10000", Name: "Works as designed", Description: "This is what it is supposed to do."},
	})
}

func TestWire_ResolutionPage(t *testing.T) {
	t.Parallel()
	// PageBeanResolutionJsonBean, as GET /rest/api/2/resolution/search
	// answers on Jira Cloud: one page holding every resolution.
	stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rest/api/2/serverInfo":
			serveJSON(w, cloudServerInfo)
		case "/rest/api/2/resolution/search":
			serveJSON(w, `{
				"self": "https://acme.atlassian.net/rest/api/2/resolution/search?startAt=0&maxResults=50",
				"maxResults": 50,
				"startAt": 0,
				"total": 2,
				"isLast": true,
				"values": [
					{"self": "https://acme.atlassian.net/rest/api/2/resolution/10000", "id": "10000",
					 "name": "Done", "description": "Work has been completed on this issue.",
					 "iconUrl": "", "default": true},
					{"self": "https://acme.atlassian.net/rest/api/2/resolution/10001", "id": "10001",
					 "name": "Won't Do", "description": "This issue won't be actioned.", "default": false}
				]
			}`)
		default:
			http.NotFound(w, r)
		}
	})
	got, err := newClient(t, stub, stubAccount).Resolutions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "Resolutions", got, []jira.Resolution{
		{ID: "10000", Name: "Done", Description: "Work has been completed on this issue."},
		{ID: "10001", Name: "Won't Do", Description: "This issue won't be actioned."},
	})
}
