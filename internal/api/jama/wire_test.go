package jama_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// testJSONMarshal holds v against the literal JSON want, both ways: v
// encodes to the same JSON object as want, and want decodes to v. The
// literals are written from Jama's REST API reference, not from the Go
// types, so a wrong or renamed JSON tag fails here.
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

// A user as GET /users/{id} returns it (Jama's User model).
func TestUser_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, jama.User{
		ID: 42, Username: "jira.user", FirstName: "JIRA", LastName: "User", Email: "jira.user@example.com",
		Phone: "+1 503 555 0100", Title: "Integration service account", Location: "Portland",
		LicenseType: "NAMED", AvatarURL: "https://acme.jamacloud.com/img/avatar/42.png", Active: true,
	}, `{
		"id": 42,
		"username": "jira.user",
		"firstName": "JIRA",
		"lastName": "User",
		"email": "jira.user@example.com",
		"phone": "+1 503 555 0100",
		"title": "Integration service account",
		"location": "Portland",
		"licenseType": "NAMED",
		"avatarUrl": "https://acme.jamacloud.com/img/avatar/42.png",
		"active": true
	}`)
}

// The body of POST /users (RequestUser): password is required on create.
func TestUserRequest_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, jama.UserRequest{
		Username: "jira.user", Password: "Initial-Pa55", FirstName: "JIRA", LastName: "User",
		Email: "jira.user@example.com", Phone: "+1 503 555 0100", Title: "Integration service account",
		Location: "Portland", LicenseType: "NAMED",
	}, `{
		"username": "jira.user",
		"password": "Initial-Pa55",
		"firstName": "JIRA",
		"lastName": "User",
		"email": "jira.user@example.com",
		"phone": "+1 503 555 0100",
		"title": "Integration service account",
		"location": "Portland",
		"licenseType": "NAMED"
	}`)
	// The optional fields are left out when empty.
	testJSONMarshal(t, jama.UserRequest{
		Username: "svc", Password: "p", FirstName: "S", LastName: "V", Email: "svc@example.com", LicenseType: "FLOATING",
	}, `{"username":"svc","password":"p","firstName":"S","lastName":"V","email":"svc@example.com","licenseType":"FLOATING"}`)
}

// The body of PUT /users/{id} (RequestUser): password is not valid on
// update, so the type has none; empty optional fields are sent to clear them.
func TestUserUpdate_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, jama.UserUpdate{
		Username: "jira.user", FirstName: "JIRA", LastName: "User", Email: "integrations@example.com",
		Title: "Integration service account", LicenseType: "NAMED",
	}, `{
		"username": "jira.user",
		"firstName": "JIRA",
		"lastName": "User",
		"email": "integrations@example.com",
		"phone": "",
		"title": "Integration service account",
		"location": "",
		"licenseType": "NAMED"
	}`)
}

// The body of PUT /users/{id}/active (RequestActiveStatus).
func TestActiveRequest_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, jama.ActiveRequest{Active: false}, `{"active": false}`)
	testJSONMarshal(t, jama.ActiveRequest{Active: true}, `{"active": true}`)
}

// One page of GET /users: meta with pageInfo, empty links and linked, data
// a list of users.
func TestEnvelope_ListPage_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, jama.Envelope[[]jama.User]{
		Meta: jama.Meta{
			Status: "OK", Timestamp: "2025-03-04T10:15:30.000+0000",
			PageInfo: &jama.PageInfo{StartIndex: 20, ResultCount: 1, TotalResults: 21},
		},
		Links:  map[string]any{},
		Linked: map[string]any{},
		Data: []jama.User{{
			ID: 21, Username: "svc.interchange", FirstName: "Service", LastName: "Account",
			Email: "svc@example.com", LicenseType: "NAMED", Active: false,
		}},
	}, `{
		"meta": {
			"status": "OK",
			"timestamp": "2025-03-04T10:15:30.000+0000",
			"pageInfo": {"startIndex": 20, "resultCount": 1, "totalResults": 21}
		},
		"links": {},
		"linked": {},
		"data": [{
			"id": 21,
			"username": "svc.interchange",
			"firstName": "Service",
			"lastName": "Account",
			"email": "svc@example.com",
			"licenseType": "NAMED",
			"active": false
		}]
	}`)
}

// The answer of POST /users: 201, the new id and its location in meta, no
// data (Jama's CreatedResponse).
func TestEnvelope_Created_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, jama.Envelope[*jama.User]{
		Meta: jama.Meta{
			Status: "Created", Timestamp: "2025-03-04T10:15:30.000+0000",
			ID: 43, Location: "https://acme.jamacloud.com/rest/v1/users/43",
		},
		Links:  map[string]any{},
		Linked: map[string]any{},
	}, `{
		"meta": {
			"status": "Created",
			"timestamp": "2025-03-04T10:15:30.000+0000",
			"id": 43,
			"location": "https://acme.jamacloud.com/rest/v1/users/43"
		},
		"links": {},
		"linked": {}
	}`)
}

// An error answer: the reason is meta.message.
func TestMeta_Error_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, jama.Meta{
		Status: "Bad Request", Timestamp: "2025-03-04T10:15:30.000+0000",
		Message: "Entity with username jira.user already exists.",
	}, `{
		"status": "Bad Request",
		"timestamp": "2025-03-04T10:15:30.000+0000",
		"message": "Entity with username jira.user already exists."
	}`)
}

// Jama's PageInfo: every member is always present, zeros included.
func TestPageInfo_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, jama.PageInfo{StartIndex: 0, ResultCount: 0, TotalResults: 0},
		`{"startIndex": 0, "resultCount": 0, "totalResults": 0}`)
	testJSONMarshal(t, jama.PageInfo{StartIndex: 50, ResultCount: 10, TotalResults: 60},
		`{"startIndex": 50, "resultCount": 10, "totalResults": 60}`)
}

// The answer of POST /rest/oauth/token (OAuth 2.0 client credentials).
func TestTokenResponse_JSON(t *testing.T) {
	t.Parallel()
	testJSONMarshal(t, jama.TokenResponse{
		AccessToken: "eyJhbGciOi.example", TokenType: "bearer", ExpiresIn: 3599, Scope: "token_information",
	}, `{"access_token": "eyJhbGciOi.example", "token_type": "bearer", "expires_in": 3599, "scope": "token_information"}`)
}
