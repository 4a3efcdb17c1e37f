package jira_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// newClient returns a client of the Jira site at siteURL that retries fast.
func newClient(t *testing.T, siteURL string, creds jira.Credentials) *jira.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "Jira", MaxRetries: 2,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c, err := jira.New(siteURL, creds, tc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// startStub serves h as a stand-in for a Jira site and returns its URL.
func startStub(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return hs.URL
}

// Answers of Atlassian's documented shapes that stubs serve where a test
// needs the site to be of one deployment type.
const (
	cloudServerInfo      = `{"baseUrl":"https://acme.atlassian.net","version":"1001.0.0-SNAPSHOT","versionNumbers":[1001,0,0],"deploymentType":"Cloud","buildNumber":100279,"serverTitle":"Jira"}`
	dataCenterServerInfo = `{"baseUrl":"https://jira.example.com","version":"9.12.2","versionNumbers":[9,12,2],"deploymentType":"DataCenter","buildNumber":9120002,"serverTitle":"Jira"}`
)

// serveJSON answers body as JSON with status 200.
func serveJSON(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	_, _ = w.Write([]byte(body))
}

// stubAccount are Basic credentials for stubs that do not check them.
var stubAccount = jira.Credentials{Username: "sync@example.com", Password: "stub-token"}
