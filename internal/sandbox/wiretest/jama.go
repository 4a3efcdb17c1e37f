package wiretest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// JamaMeta is the meta member of Jama's envelope, as Jama documents it.
type JamaMeta struct {
	Status    string        `json:"status"`
	Timestamp string        `json:"timestamp"`
	PageInfo  *JamaPageInfo `json:"pageInfo,omitempty"`
	ID        int64         `json:"id,omitempty"`
	Location  string        `json:"location,omitempty"`
	Message   string        `json:"message,omitempty"`
}

// JamaPageInfo describes one page of a Jama list.
type JamaPageInfo struct {
	StartIndex   int `json:"startIndex"`
	ResultCount  int `json:"resultCount"`
	TotalResults int `json:"totalResults"`
}

// JamaEnvelope is Jama's response envelope around data.
type JamaEnvelope[T any] struct {
	Meta   JamaMeta       `json:"meta"`
	Links  map[string]any `json:"links"`
	Linked map[string]any `json:"linked"`
	Data   T              `json:"data"`
}

// Envelope decodes a Jama envelope.
func Envelope[T any](t testing.TB, r Response) JamaEnvelope[T] {
	t.Helper()
	return Decode[JamaEnvelope[T]](t, r)
}

// WantJamaError checks a Jama error envelope: status, meta.status and a
// message containing every fragment.
func WantJamaError(t testing.TB, r Response, status int, fragments ...string) {
	t.Helper()
	WantStatus(t, r, status)
	env := Envelope[json.RawMessage](t, r)
	if env.Meta.Status != http.StatusText(status) {
		t.Errorf("meta.status = %q, want %q", env.Meta.Status, http.StatusText(status))
	}
	if env.Meta.Timestamp == "" {
		t.Error("meta.timestamp is empty")
	}
	for _, f := range fragments {
		if !strings.Contains(env.Meta.Message, f) {
			t.Errorf("meta.message = %q, want it to contain %q", env.Meta.Message, f)
		}
	}
}

// TokenRequest asks prefix's OAuth endpoint (Jama's POST /rest/oauth/token)
// for a token with Basic client credentials (none when id is empty) and the
// given grant type (none when empty).
func TokenRequest(t testing.TB, ts *httptest.Server, prefix, id, secret, grant string) Response {
	t.Helper()
	form := url.Values{}
	if grant != "" {
		form.Set("grant_type", grant)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+prefix+"/rest/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if id != "" {
		req.SetBasicAuth(id, secret)
	}
	return Send(t, ts, req)
}

// AccessToken obtains a bearer token from prefix's OAuth endpoint with the
// default client credentials, checking the answer's documented members.
func AccessToken(t testing.TB, ts *httptest.Server, prefix string) string {
	t.Helper()
	r := TokenRequest(t, ts, prefix, kernel.DefaultClientID, kernel.DefaultClientSecret, "client_credentials")
	WantStatus(t, r, http.StatusOK)
	tok := Decode[struct {
		AccessToken string `json:"access_token"`
		TokenType   string `json:"token_type"`
		ExpiresIn   int64  `json:"expires_in"`
		Scope       string `json:"scope"`
	}](t, r)
	if tok.AccessToken == "" || tok.TokenType != "bearer" || tok.ExpiresIn != 3600 || tok.Scope != "read write" {
		t.Fatalf("unexpected token response %+v", tok)
	}
	return tok.AccessToken
}
