package jama

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// jiraPath is the JIRA Connector collection as clients reach it.
const jiraPath = "/jama" + jiraConnectionsPath

func jiraItemPath(id any) string { return fmt.Sprintf("%s/%v", jiraPath, id) }

// validJiraConnection returns a connection that passes validation on a
// freshly seeded server: it runs as the seeded admin every hour.
func validJiraConnection(host string) jiraConnection {
	return jiraConnection{
		JiraURL:      "https://" + host,
		JiraUsername: "jira-sync",
		JiraPassword: "jira-secret-" + host,
		JamaUser:     kernel.DefaultUsername,
		Schedule:     syncSchedule{Type: scheduleInterval, IntervalMinutes: 60},
		Enabled:      true,
	}
}

func cronSchedule(expr string) syncSchedule {
	return syncSchedule{Type: scheduleCron, Cron: expr}
}

func createJiraConnection(t testing.TB, ts *httptest.Server, c jiraConnection) int64 {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, jiraPath, c)
	wiretest.WantStatus(t, r, http.StatusCreated)
	return wiretest.Envelope[json.RawMessage](t, r).Meta.ID
}

// getJiraConnection reads a connection and fails the test if the answer
// holds a password.
func getJiraConnection(t testing.TB, ts *httptest.Server, id int64) jiraConnection {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, jiraItemPath(id), nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	if strings.Contains(string(r.Body), "jiraPassword") || strings.Contains(string(r.Body), "secret") {
		t.Errorf("answer leaks the password: %s", r.Body)
	}
	return wiretest.Envelope[jiraConnection](t, r).Data
}

// storedJiraPassword reads a connection's password from the store.
func storedJiraPassword(t testing.TB, srv *kernel.Server, id int64) string {
	t.Helper()
	pw, ok := productOf(t, srv).JiraConnectionPassword(id)
	if !ok {
		t.Fatalf("JIRA connection %d not stored", id)
	}
	return pw
}

// deactivate deactivates a Jama user.
func deactivate(t testing.TB, ts *httptest.Server, userID int64) {
	t.Helper()
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d/active", userID),
		body{"active": false}), http.StatusOK)
}

func TestJiraConnectorAuthentication(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	id := createJiraConnection(t, ts, validJiraConnection("jira.example.com"))
	createUser(t, ts, validUser("olga"))
	token := wiretest.AccessToken(t, ts, "/jama")

	routes := []struct {
		method, path string
		body         any
	}{
		{http.MethodGet, jiraPath, nil},
		{http.MethodPost, jiraPath, validJiraConnection("other.example.com")},
		{http.MethodGet, jiraItemPath(id), nil},
		{http.MethodPut, jiraItemPath(id), validJiraConnection("jira.example.com")},
		{http.MethodDelete, jiraItemPath(id), nil},
	}
	refused := []struct {
		name    string
		auth    wiretest.AuthFunc
		message string
	}{
		{"no credentials", wiretest.NoAuth, "authentication required"},
		{"wrong password", wiretest.BasicAuth(kernel.DefaultUsername, "nope"), "invalid username or password"},
		{"bad token", wiretest.Bearer("not-a-token"), "invalid access token"},
	}
	for _, rt := range routes {
		for _, a := range refused {
			t.Run(rt.method+" "+rt.path+" "+a.name, func(t *testing.T) {
				r := wiretest.Call(t, ts, a.auth, rt.method, rt.path, rt.body)
				wiretest.WantJamaError(t, r, http.StatusUnauthorized, a.message)
				if r.Header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
			})
		}
	}
	// Nothing the refused requests asked for happened.
	if c := getJiraConnection(t, ts, id); c.JiraURL != "https://jira.example.com" {
		t.Errorf("connection after refused requests = %+v", c)
	}
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, jiraPath, nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	if n := len(wiretest.Envelope[[]jiraConnection](t, r).Data); n != 1 {
		t.Errorf("%d connections after refused requests, want 1", n)
	}

	accepted := []struct {
		name string
		auth wiretest.AuthFunc
	}{
		{"admin basic", wiretest.AsAdmin},
		{"created user basic", wiretest.BasicAuth("olga", "pw-olga")},
		{"bearer token", wiretest.Bearer(token)},
	}
	for _, a := range accepted {
		t.Run(a.name, func(t *testing.T) {
			wiretest.WantStatus(t, wiretest.Call(t, ts, a.auth, http.MethodGet, jiraItemPath(id), nil), http.StatusOK)
		})
	}
}

func TestJiraConnectorCreateAndRead(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	pia := createUser(t, ts, validUser("pia"))
	in := jiraConnection{
		JiraURL:                 "https://acme.atlassian.net",
		JiraUsername:            "sync@acme.example",
		JiraPassword:            "api-token-secret",
		JamaUser:                "PIA", // usernames compare ignoring case
		Schedule:                syncSchedule{Type: scheduleInterval, IntervalMinutes: 720},
		FailureNotificationUser: kernel.DefaultUsername,
		Enabled:                 true,
		UsePlainText:            true,
	}
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, jiraPath, in)
	wiretest.WantStatus(t, r, http.StatusCreated)
	env := wiretest.Envelope[json.RawMessage](t, r)
	if env.Meta.ID != 1 || env.Meta.Status != "Created" || len(env.Data) != 0 {
		t.Errorf("create answer = %s, want id 1, status Created and no data", r.Body)
	}
	wantLocation := ts.URL + jiraItemPath(1)
	if env.Meta.Location != wantLocation || r.Header.Get("Location") != wantLocation {
		t.Errorf("location = %q / header %q, want %q", env.Meta.Location, r.Header.Get("Location"), wantLocation)
	}

	want := in
	want.ID, want.JiraPassword = 1, ""
	if got := getJiraConnection(t, ts, 1); got != want {
		t.Errorf("read = %+v, want %+v", got, want)
	}
	if pw := storedJiraPassword(t, srv, 1); pw != "api-token-secret" {
		t.Errorf("stored password = %q", pw)
	}
	if _, ok := productOf(t, srv).JiraConnectionPassword(2); ok {
		t.Error("JiraConnectionPassword found an unknown connection")
	}

	// The list answers no password either.
	list := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, jiraPath, nil)
	wiretest.WantStatus(t, list, http.StatusOK)
	if strings.Contains(string(list.Body), "jiraPassword") || strings.Contains(string(list.Body), "secret") {
		t.Errorf("list leaks the password: %s", list.Body)
	}
	if got := wiretest.Envelope[[]jiraConnection](t, list).Data; len(got) != 1 || got[0] != want {
		t.Errorf("list = %+v", got)
	}

	// Deactivating the Jama user afterwards does not touch the connection.
	deactivate(t, ts, pia)
	if got := getJiraConnection(t, ts, 1); got != want {
		t.Errorf("after deactivating the Jama user = %+v", got)
	}
}

func TestJiraConnectorValidation(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	existing := createJiraConnection(t, ts, validJiraConnection("existing.example.com"))

	tests := []struct {
		name   string
		edit   func(*jiraConnection)
		update bool
		want   string
	}{
		{"jiraUrl missing", func(c *jiraConnection) { c.JiraURL = "" }, false, "jiraUrl is required"},
		{"jiraUrl relative", func(c *jiraConnection) { c.JiraURL = "/jira" }, false, "jiraUrl must be an absolute http or https URL"},
		{"jiraUrl no scheme", func(c *jiraConnection) { c.JiraURL = "jira.example.com" }, false, "jiraUrl must be an absolute http or https URL"},
		{"jiraUrl ftp", func(c *jiraConnection) { c.JiraURL = "ftp://jira.example.com" }, false, "jiraUrl must be an absolute http or https URL"},
		{"jiraUrl no host", func(c *jiraConnection) { c.JiraURL = "https://" }, false, "jiraUrl must be an absolute http or https URL with a host"},
		{"jiraUrl port only", func(c *jiraConnection) { c.JiraURL = "https://:8080" }, false, "jiraUrl must be"},
		{"jiraUrl malformed", func(c *jiraConnection) { c.JiraURL = "https://jira example.com" }, false, "jiraUrl must be"},
		{"jiraUsername missing", func(c *jiraConnection) { c.JiraUsername = "" }, false, "jiraUsername is required"},
		{"jiraUsername blank", func(c *jiraConnection) { c.JiraUsername = "  " }, false, "jiraUsername is required"},
		{"jiraUsername not an email on Jira Cloud", func(c *jiraConnection) {
			c.JiraURL, c.JiraUsername = "https://acme.atlassian.net", "jira-sync"
		}, false, "jiraUsername must be an email address on Jira Cloud"},
		{"Jira Cloud host in upper case", func(c *jiraConnection) {
			c.JiraURL, c.JiraUsername = "https://ACME.Atlassian.NET/", "jira-sync"
		}, false, "jiraUsername must be an email address"},
		{"jiraPassword missing on create", func(c *jiraConnection) { c.JiraPassword = "" }, false, "jiraPassword is required"},
		{"jamaUser missing", func(c *jiraConnection) { c.JamaUser = "" }, false, "jamaUser is required"},
		{"jamaUser unknown", func(c *jiraConnection) { c.JamaUser = "ghost" }, false, `jamaUser "ghost" is not an active Jama user`},
		{"failureNotificationUser unknown", func(c *jiraConnection) { c.FailureNotificationUser = "ghost" }, false,
			`failureNotificationUser "ghost" is not an active Jama user`},
		{"schedule.type missing", func(c *jiraConnection) { c.Schedule = syncSchedule{} }, false, "schedule.type is required"},
		{"schedule.type unknown", func(c *jiraConnection) { c.Schedule.Type = "HOURLY" }, false, `schedule.type must be INTERVAL or CRON, got "HOURLY"`},
		{"schedule.type lower case", func(c *jiraConnection) { c.Schedule.Type = "interval" }, false, "schedule.type must be INTERVAL or CRON"},
		{"intervalMinutes missing", func(c *jiraConnection) { c.Schedule.IntervalMinutes = 0 }, false, "schedule.intervalMinutes must be between 1 and 525600"},
		{"intervalMinutes negative", func(c *jiraConnection) { c.Schedule.IntervalMinutes = -5 }, false, "schedule.intervalMinutes must be between 1 and 525600"},
		{"intervalMinutes too large", func(c *jiraConnection) { c.Schedule.IntervalMinutes = maxIntervalMinutes + 1 }, false,
			"schedule.intervalMinutes must be between 1 and 525600"},
		{"cron with INTERVAL", func(c *jiraConnection) { c.Schedule.Cron = "0 0 12 * * ?" }, false, "schedule.cron must be empty when schedule.type is INTERVAL"},
		{"cron missing with CRON", func(c *jiraConnection) { c.Schedule = cronSchedule("") }, false, "schedule.cron is required when schedule.type is CRON"},
		{"cron blank with CRON", func(c *jiraConnection) { c.Schedule = cronSchedule("   ") }, false, "schedule.cron is required"},
		{"intervalMinutes with CRON", func(c *jiraConnection) {
			c.Schedule = cronSchedule("0 0 12 * * ?")
			c.Schedule.IntervalMinutes = 60
		}, false, "schedule.intervalMinutes must be omitted when schedule.type is CRON"},
		{"update: jiraUrl invalid", func(c *jiraConnection) { c.JiraURL = "mailto:x@example.com" }, true, "jiraUrl must be"},
		{"update: jamaUser unknown", func(c *jiraConnection) { c.JamaUser = "nobody" }, true, `jamaUser "nobody" is not an active Jama user`},
		{"update: schedule invalid", func(c *jiraConnection) { c.Schedule.IntervalMinutes = 0 }, true, "schedule.intervalMinutes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := validJiraConnection("new.example.com")
			method, path := http.MethodPost, jiraPath
			if tc.update {
				c = validJiraConnection("existing.example.com")
				method, path = http.MethodPut, jiraItemPath(existing)
			}
			tc.edit(&c)
			wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, method, path, c), http.StatusBadRequest, tc.want)
		})
	}

	t.Run("the limits of intervalMinutes are valid", func(t *testing.T) {
		for i, minutes := range []int{1, maxIntervalMinutes} {
			c := validJiraConnection(fmt.Sprintf("limit%d.example.com", i))
			c.Schedule.IntervalMinutes = minutes
			if got := getJiraConnection(t, ts, createJiraConnection(t, ts, c)); got.Schedule != c.Schedule {
				t.Errorf("schedule = %+v, want %+v", got.Schedule, c.Schedule)
			}
		}
	})
	t.Run("an email address on Jira Cloud is valid", func(t *testing.T) {
		c := validJiraConnection("acme.atlassian.net")
		c.JiraUsername = "sync@acme.example"
		createJiraConnection(t, ts, c)
	})
	t.Run("any username off Jira Cloud is valid", func(t *testing.T) {
		c := validJiraConnection("atlassian.net.example.com")
		c.JiraUsername = "plain-user"
		createJiraConnection(t, ts, c)
	})
	t.Run("several problems are all reported", func(t *testing.T) {
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, jiraPath, jiraConnection{}), http.StatusBadRequest,
			"jiraUrl", "jiraUsername", "jiraPassword", "jamaUser", "schedule.type")
	})
	t.Run("nothing invalid was stored", func(t *testing.T) {
		r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, jiraPath, nil)
		wiretest.WantStatus(t, r, http.StatusOK)
		if n := wiretest.Envelope[[]jiraConnection](t, r).Meta.PageInfo.TotalResults; n != 5 {
			t.Errorf("%d connections stored, want 5", n)
		}
		if c := getJiraConnection(t, ts, existing); c.JiraURL != "https://existing.example.com" || c.Schedule.IntervalMinutes != 60 {
			t.Errorf("a refused update changed the connection: %+v", c)
		}
	})
}

func TestJiraConnectorMalformedBodies(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	id := createJiraConnection(t, ts, validJiraConnection("jira.example.com"))
	tests := []struct {
		name, method, path, body, message string
	}{
		{"syntax", http.MethodPost, jiraPath, `{"jiraUrl":`, "malformed JSON"},
		{"empty", http.MethodPost, jiraPath, ``, "request body is required"},
		{"array", http.MethodPost, jiraPath, `[]`, "must be a JSON object"},
		{"wrong type", http.MethodPost, jiraPath, `{"enabled":"yes"}`, "enabled"},
		{"schedule wrong type", http.MethodPost, jiraPath, `{"schedule":{"intervalMinutes":"60"}}`, "intervalMinutes"},
		{"unknown field", http.MethodPost, jiraPath, `{"jira_url":"https://x.example.com"}`, `unknown field "jira_url"`},
		{"unknown schedule field", http.MethodPut, jiraItemPath(id), `{"schedule":{"type":"CRON","expression":"0 0 12 * * ?"}}`, `unknown field "expression"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, tc.method, tc.path, tc.body), http.StatusBadRequest, tc.message)
		})
	}
}

func TestJiraConnectorCronSchedules(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	n := 0
	create := func(t *testing.T, expr string) wiretest.Response {
		t.Helper()
		n++
		c := validJiraConnection(fmt.Sprintf("cron%d.example.com", n))
		c.Schedule = cronSchedule(expr)
		return wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, jiraPath, c)
	}

	accepted := []struct {
		name, cron, want string
	}{
		// The examples of Jama's "Create a connection" page.
		{"noon every day", "0 0 12 * * ?", "0 0 12 * * ?"},
		{"every 5 minutes from 2pm", "0 0/5 14 * * ?", "0 0/5 14 * * ?"},
		{"last Friday of the month", "0 15 10 ? * 6L", "0 15 10 ? * 6L"},
		// Normalised forms.
		{"lower-case names", "0 15 10 ? * mon-fri", "0 15 10 ? * MON-FRI"},
		{"double spaces", "0  15 10 ?  * MON-FRI", "0 15 10 ? * MON-FRI"},
		{"tabs and surrounding blanks", " 0\t15 10 ? jan,jul 6l ", "0 15 10 ? JAN,JUL 6L"},
		{"with a year", "0 0 12 * * ? 2030", "0 0 12 * * ? 2030"},
	}
	for _, tc := range accepted {
		t.Run("accepts "+tc.name, func(t *testing.T) {
			r := create(t, tc.cron)
			wiretest.WantStatus(t, r, http.StatusCreated)
			got := getJiraConnection(t, ts, wiretest.Envelope[json.RawMessage](t, r).Meta.ID)
			if want := cronSchedule(tc.want); got.Schedule != want {
				t.Errorf("schedule = %+v, want %+v", got.Schedule, want)
			}
		})
	}

	rejected := []struct {
		name, cron string
		fragments  []string
	}{
		{"both day fields set", "0 0 * * * *", []string{"schedule.cron must be a valid Quartz cron expression", "day-of-week", "'?'"}},
		{"day of month out of range", "0/5 * * 32W 1 ?", []string{"schedule.cron must be a valid Quartz cron expression", "day-of-month", "32W", "between 1 and 31"}},
		{"five fields", "0 12 * * ?", []string{"schedule.cron must be a valid Quartz cron expression"}},
		{"unknown day name", "0 0 12 ? * FUNDAY", []string{"schedule.cron", "day-of-week"}},
		{"never fires", "0 0 12 31 2 ?", []string{"schedule.cron will never fire", "day-of-month"}},
		{"a past year", "0 0 12 1 1 ? 2020", []string{"schedule.cron will never fire", "year"}},
	}
	for _, tc := range rejected {
		t.Run("rejects "+tc.name, func(t *testing.T) {
			wiretest.WantJamaError(t, create(t, tc.cron), http.StatusBadRequest, tc.fragments...)
		})
	}

	t.Run("an update is normalised too", func(t *testing.T) {
		c := validJiraConnection("cron-update.example.com")
		id := createJiraConnection(t, ts, c)
		c.JiraPassword = ""
		c.Schedule = cronSchedule("0 0/30  8-18 ? * mon-fri")
		wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, jiraItemPath(id), c), http.StatusOK)
		if got := getJiraConnection(t, ts, id).Schedule; got != cronSchedule("0 0/30 8-18 ? * MON-FRI") {
			t.Errorf("schedule after update = %+v", got)
		}
		c.Schedule = syncSchedule{Type: scheduleInterval, IntervalMinutes: 15}
		wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, jiraItemPath(id), c), http.StatusOK)
		if got := getJiraConnection(t, ts, id).Schedule; got != c.Schedule {
			t.Errorf("schedule back to an interval = %+v", got)
		}
	})
}

func TestJiraConnectorJamaUsers(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	createUser(t, ts, validUser("quinn"))
	rae := createUser(t, ts, validUser("rae"))
	deactivate(t, ts, rae)

	tests := []struct {
		name         string
		jamaUser     string
		notification string
		want         string // "" when accepted
	}{
		{"active user", "quinn", "", ""},
		{"active user, other case", "QUINN", "Admin", ""},
		{"inactive jamaUser", "rae", "", `jamaUser "rae" is not an active Jama user`},
		{"inactive jamaUser, other case", "Rae", "", `jamaUser "Rae" is not an active Jama user`},
		{"unknown jamaUser", "sam", "", `jamaUser "sam" is not an active Jama user`},
		{"prefix of a user", "quin", "", `jamaUser "quin" is not an active Jama user`},
		{"inactive failureNotificationUser", "quinn", "rae", `failureNotificationUser "rae" is not an active Jama user`},
		{"unknown failureNotificationUser", "quinn", "sam", `failureNotificationUser "sam" is not an active Jama user`},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := validJiraConnection(fmt.Sprintf("users%d.example.com", i))
			c.JamaUser, c.FailureNotificationUser = tc.jamaUser, tc.notification
			r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, jiraPath, c)
			if tc.want == "" {
				wiretest.WantStatus(t, r, http.StatusCreated)
				return
			}
			wiretest.WantJamaError(t, r, http.StatusBadRequest, tc.want)
		})
	}
}

func TestJiraConnectorDuplicateURLs(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	first := createJiraConnection(t, ts, validJiraConnection("jira.example.com"))
	second := createJiraConnection(t, ts, validJiraConnection("jira.example.com/sub"))

	for _, dup := range []string{"https://jira.example.com", "HTTPS://JIRA.Example.com/", "https://jira.example.com//"} {
		c := validJiraConnection("ignored")
		c.JiraURL = dup
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, jiraPath, c), http.StatusConflict,
			fmt.Sprintf("JIRA connection %d", first), "already used")
	}
	// Updating onto another connection's URL conflicts.
	c := validJiraConnection("JIRA.example.com/")
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, jiraItemPath(second), c), http.StatusConflict,
		fmt.Sprintf("JIRA connection %d", first))
	// Keeping one's own URL, spelt differently, is no conflict.
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, jiraItemPath(first), c), http.StatusOK)
	if got := getJiraConnection(t, ts, first).JiraURL; got != "https://JIRA.example.com/" {
		t.Errorf("jiraUrl after update = %q", got)
	}
	// Once deleted, the URL is free again.
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodDelete, jiraItemPath(first), nil), http.StatusNoContent)
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, jiraItemPath(second), c), http.StatusOK)
}

func TestJiraConnectorUpdateKeepsPassword(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	id := createJiraConnection(t, ts, validJiraConnection("jira.example.com"))

	c := validJiraConnection("jira2.example.com")
	c.JiraPassword = ""
	c.JiraUsername, c.Enabled, c.UsePlainText = "other-user", false, true
	c.ID = 999 // ignored
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, jiraItemPath(id), c), http.StatusOK)
	want := c
	want.ID = id
	if got := getJiraConnection(t, ts, id); got != want {
		t.Errorf("after update = %+v, want %+v", got, want)
	}
	if pw := storedJiraPassword(t, srv, id); pw != "jira-secret-jira.example.com" {
		t.Errorf("password after an update without one = %q, want the stored one", pw)
	}

	c.JiraPassword = "rotated-secret"
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, jiraItemPath(id), c), http.StatusOK)
	if pw := storedJiraPassword(t, srv, id); pw != "rotated-secret" {
		t.Errorf("password after an update with one = %q", pw)
	}
	getJiraConnection(t, ts, id) // still never returned
}

func TestJiraConnectorIDsAndDelete(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	id := createJiraConnection(t, ts, validJiraConnection("jira.example.com"))
	valid := validJiraConnection("jira.example.com")

	tests := []struct {
		name, method, path string
		body               any
		want               int
		message            string
	}{
		{"get non-numeric", http.MethodGet, jiraItemPath("abc"), nil, http.StatusBadRequest, "id must be an integer"},
		{"get unknown", http.MethodGet, jiraItemPath(99), nil, http.StatusNotFound, "JIRA connection 99 not found"},
		{"get overflow", http.MethodGet, jiraItemPath("99999999999999999999"), nil, http.StatusBadRequest, "id must be an integer"},
		{"put non-numeric", http.MethodPut, jiraItemPath("x"), valid, http.StatusBadRequest, "id must be an integer"},
		{"put unknown", http.MethodPut, jiraItemPath(99), valid, http.StatusNotFound, "JIRA connection 99 not found"},
		{"delete non-numeric", http.MethodDelete, jiraItemPath("1.5"), nil, http.StatusBadRequest, "id must be an integer"},
		{"delete unknown", http.MethodDelete, jiraItemPath(99), nil, http.StatusNotFound, "JIRA connection 99 not found"},
		{"patch is not allowed", http.MethodPatch, jiraItemPath(id), valid, http.StatusMethodNotAllowed, "PATCH"},
		{"delete on the collection is not allowed", http.MethodDelete, jiraPath, nil, http.StatusMethodNotAllowed, "DELETE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, tc.method, tc.path, tc.body), tc.want, tc.message)
		})
	}

	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodDelete, jiraItemPath(id), nil)
	wiretest.WantStatus(t, r, http.StatusNoContent)
	if len(r.Body) != 0 {
		t.Errorf("204 with a body: %s", r.Body)
	}
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, jiraItemPath(id), nil), http.StatusNotFound, "not found")
	wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodDelete, jiraItemPath(id), nil), http.StatusNotFound, "not found")
	if _, ok := productOf(t, srv).JiraConnectionPassword(id); ok {
		t.Error("the deleted connection is still stored")
	}
	// Ids are not reused.
	if got := createJiraConnection(t, ts, valid); got != id+1 {
		t.Errorf("id after a delete = %d, want %d", got, id+1)
	}
	if n := srv.Stats().Products["jama"].Routes["DELETE "+jiraConnectionsPath+"/{id}"]; n != 4 {
		t.Errorf("DELETE route counted %d times, want 4", n)
	}
}

func TestJiraConnectorListFilterAndPaging(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	const total = 60
	for i := range total {
		createJiraConnection(t, ts, validJiraConnection(fmt.Sprintf("jira%02d.example.com", i)))
	}

	listPage := func(query string) ([]jiraConnection, wiretest.JamaPageInfo) {
		t.Helper()
		r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, jiraPath+query, nil)
		wiretest.WantStatus(t, r, http.StatusOK)
		env := wiretest.Envelope[[]jiraConnection](t, r)
		if env.Meta.PageInfo == nil {
			t.Fatalf("no pageInfo in %s", r.Body)
		}
		return env.Data, *env.Meta.PageInfo
	}

	conns, info := listPage("")
	if len(conns) != defaultMaxResults || info != (wiretest.JamaPageInfo{StartIndex: 0, ResultCount: 20, TotalResults: total}) {
		t.Errorf("default page: %d connections, %+v", len(conns), info)
	}
	var seen []int64
	for start := 0; ; start += maxMaxResults {
		conns, info := listPage(fmt.Sprintf("?startAt=%d&maxResults=%d", start, maxMaxResults))
		if info.StartIndex != start || info.TotalResults != total || info.ResultCount != len(conns) {
			t.Fatalf("page at %d: %+v with %d connections", start, info, len(conns))
		}
		for _, c := range conns {
			seen = append(seen, c.ID)
		}
		if start+info.ResultCount >= info.TotalResults {
			break
		}
	}
	if len(seen) != total {
		t.Fatalf("paged through %d connections, want %d", len(seen), total)
	}
	for i, id := range seen {
		if id != int64(i+1) {
			t.Fatalf("connection #%d has id %d: ids must be sequential in order", i, id)
		}
	}
	if conns, info := listPage("?startAt=500"); len(conns) != 0 || info.TotalResults != total {
		t.Errorf("past the end: %d connections, %+v", len(conns), info)
	}
	if conns, info := listPage("?maxResults=51"); len(conns) != maxMaxResults || info.ResultCount != maxMaxResults {
		t.Errorf("maxResults=51: %d connections, %+v; want the 50 Jama's paging allows", len(conns), info)
	}
	for _, query := range []string{"?maxResults=0", "?startAt=-1", "?startAt=x"} {
		field := "maxResults"
		if strings.HasPrefix(query, "?startAt") {
			field = "startAt"
		}
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, jiraPath+query, nil), http.StatusBadRequest, field)
	}

	filters := []struct {
		jiraURL string
		want    int64 // 0: no match
	}{
		{"https://jira07.example.com", 8},
		{"HTTPS://JIRA07.EXAMPLE.COM/", 8},
		{"https://jira59.example.com/", 60},
		{"https://jira07.example", 0},
		{"http://jira07.example.com", 0},
	}
	for _, tc := range filters {
		conns, info := listPage("?jiraUrl=" + url.QueryEscape(tc.jiraURL))
		switch {
		case tc.want == 0 && (len(conns) != 0 || info.TotalResults != 0):
			t.Errorf("jiraUrl=%s matched %+v", tc.jiraURL, conns)
		case tc.want != 0 && (len(conns) != 1 || conns[0].ID != tc.want || info.TotalResults != 1):
			t.Errorf("jiraUrl=%s = %+v (%+v), want connection %d only", tc.jiraURL, conns, info, tc.want)
		}
	}
}

func TestJiraConnectorPersistence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	srv, ts := newTestServer(t, kernel.Options{StatePath: path})
	kept := validJiraConnection("kept.example.com")
	kept.Schedule = cronSchedule("0 15 10 ? * mon-fri")
	kept.UsePlainText = true
	keptID := createJiraConnection(t, ts, kept)
	deleted := createJiraConnection(t, ts, validJiraConnection("deleted.example.com"))
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodDelete, jiraItemPath(deleted), nil), http.StatusNoContent)

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Products map[string]struct {
			JiraConnections *struct {
				LastID int64                     `json:"last_id"`
				Items  map[string]jiraConnection `json:"items"`
			} `json:"jiraConnections"`
		} `json:"products"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	if jc := file.Products["jama"].JiraConnections; jc == nil || jc.LastID != deleted || len(jc.Items) != 1 ||
		jc.Items[fmt.Sprint(keptID)].JiraPassword != kept.JiraPassword {
		t.Errorf("state file = %s", raw)
	}

	ts.Close()
	if err := srv.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	srv2, ts2 := newTestServer(t, kernel.Options{StatePath: path})
	want := kept
	want.ID, want.JiraPassword, want.Schedule.Cron = keptID, "", "0 15 10 ? * MON-FRI"
	if got := getJiraConnection(t, ts2, keptID); got != want {
		t.Errorf("after restart = %+v, want %+v", got, want)
	}
	if pw := storedJiraPassword(t, srv2, keptID); pw != kept.JiraPassword {
		t.Errorf("password after restart = %q", pw)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts2, wiretest.AsAdmin, http.MethodGet, jiraItemPath(deleted), nil), http.StatusNotFound)
	if id := createJiraConnection(t, ts2, validJiraConnection("next.example.com")); id != deleted+1 {
		t.Errorf("next id after restart = %d, want %d", id, deleted+1)
	}
	if n := srv2.Stats().Products["jama"].Routes["POST "+jiraConnectionsPath]; n != 1 {
		t.Errorf("POST route counted %d times, want 1", n)
	}

	srv2.Reset()
	wiretest.WantStatus(t, wiretest.Call(t, ts2, wiretest.AsAdmin, http.MethodGet, jiraItemPath(keptID), nil), http.StatusNotFound)
	if id := createJiraConnection(t, ts2, validJiraConnection("after-reset.example.com")); id != 1 {
		t.Errorf("first id after reset = %d, want 1", id)
	}
}

func TestJiraConnectorOlderStateFile(t *testing.T) {
	// A state file written before the JIRA Connector existed still loads.
	path := filepath.Join(t.TempDir(), "state.json")
	content := `{"format": 1, "products": {"jama": {"users": {"last_id": 1, "items": {"1": {"id": 1, "username": "admin",
		"firstName": "A", "lastName": "B", "email": "admin@example.com", "licenseType": "NAMED", "active": true, "password": "sandbox"}}}}}}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, kernel.Options{StatePath: path})
	if id := createJiraConnection(t, ts, validJiraConnection("jira.example.com")); id != 1 {
		t.Errorf("first connection id = %d, want 1", id)
	}
}

// TestJiraConnectionWire holds the contract's connection against literal
// JSON, as the provider's published contract spells it: the password is
// taken on create and never answered.
func TestJiraConnectionWire(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, jiraPath, `{
		"jiraUrl": "https://jira.example.com", "jiraUsername": "jira-sync", "jiraPassword": "s3cret",
		"jamaUser": "admin", "schedule": {"type": "CRON", "cron": "0 15 10 ? * MON-FRI"},
		"failureNotificationUser": "admin", "enabled": true, "usePlainText": true
	}`)
	wiretest.WantStatus(t, r, http.StatusCreated)
	id := wiretest.Envelope[json.RawMessage](t, r).Meta.ID
	got := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, jiraItemPath(id), nil)
	wiretest.WantStatus(t, got, http.StatusOK)
	wantJSON(t, wiretest.Envelope[json.RawMessage](t, got).Data, fmt.Sprintf(`{
		"id": %d, "jiraUrl": "https://jira.example.com", "jiraUsername": "jira-sync",
		"jamaUser": "admin", "schedule": {"type": "CRON", "cron": "0 15 10 ? * MON-FRI"},
		"failureNotificationUser": "admin", "enabled": true, "usePlainText": true
	}`, id))
	interval := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPut, jiraItemPath(id), `{
		"jiraUrl": "https://jira.example.com", "jiraUsername": "jira-sync",
		"jamaUser": "admin", "schedule": {"type": "INTERVAL", "intervalMinutes": 15}, "enabled": false, "usePlainText": false
	}`)
	wiretest.WantStatus(t, interval, http.StatusOK)
	got = wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, jiraItemPath(id), nil)
	wantJSON(t, wiretest.Envelope[json.RawMessage](t, got).Data, fmt.Sprintf(`{
		"id": %d, "jiraUrl": "https://jira.example.com", "jiraUsername": "jira-sync",
		"jamaUser": "admin", "schedule": {"type": "INTERVAL", "intervalMinutes": 15}, "enabled": false, "usePlainText": false
	}`, id))
}
