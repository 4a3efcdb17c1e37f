package jama

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"

	"github.com/almsync/terraform-provider-almsync/internal/quartz"
)

// The classic JIRA Connector has no public API; these routes of the jama
// product serve the provider's own contract for it, as
// contracts/jama-jira-connector.yaml publishes it, below its own prefix
// /almsync/jama-jira-connector/v1 (never inside Jama's /rest routes), as a
// bridge on the Jama host would:
//
//	GET    /almsync/jama-jira-connector/v1/contract           discovery, without credentials
//	GET    /almsync/jama-jira-connector/v1/connections        list (jiraUrl filter, paging)
//	POST   /almsync/jama-jira-connector/v1/connections        create: 201, meta.id and meta.location, no data
//	GET    /almsync/jama-jira-connector/v1/connections/{id}   read, without jiraPassword
//	PUT    /almsync/jama-jira-connector/v1/connections/{id}   replace: 200, no data; empty jiraPassword keeps it
//	DELETE /almsync/jama-jira-connector/v1/connections/{id}   delete: 204
//	POST   /almsync/jama-jira-connector/v1/connections/{id}/test   "Test Connection" (conntest_jiraconnector.go)
//
// Connections are stored with their passwords in the jama product's state.
// jamaUser and failureNotificationUser are checked against that state's
// users. Request bodies are decoded strictly: unknown fields are a 400.

// The JIRA Connector contract's name, version and routes below the
// product prefix.
const (
	jiraConnectorContract        = "jama-jira-connector"
	jiraConnectorContractVersion = "1.0.0"
	jiraConnectorPrefix          = "/almsync/" + jiraConnectorContract + "/v1"
	jiraConnectorDiscoveryPath   = jiraConnectorPrefix + "/contract"
	jiraConnectionsPath          = jiraConnectorPrefix + "/connections"
)

// jiraCloudHostSuffix marks Jira Cloud hosts, where Jira usernames are
// email addresses.
const jiraCloudHostSuffix = ".atlassian.net"

// registerJiraConnector adds the JIRA Connector routes; auth wraps a handler
// with the product's authentication.
func (p *Product) registerJiraConnector(env *kernel.Env, auth func(func(http.ResponseWriter, *http.Request, int64)) http.HandlerFunc) {
	env.Handle("GET "+jiraConnectorDiscoveryPath, p.ContractHandler(jiraConnectorContract, jiraConnectorContractVersion))
	env.Handle("GET "+jiraConnectionsPath, auth(p.listJiraConnections))
	env.Handle("POST "+jiraConnectionsPath, auth(p.createJiraConnection))
	env.Handle("GET "+jiraConnectionsPath+"/{id}", auth(p.getJiraConnection))
	env.Handle("PUT "+jiraConnectionsPath+"/{id}", auth(p.updateJiraConnection))
	env.Handle("DELETE "+jiraConnectionsPath+"/{id}", auth(p.deleteJiraConnection))
	env.Handle("POST "+jiraConnectionsPath+"/{id}/test", auth(p.testJiraConnection))
}

// publicJiraConnection is c as the API returns it: without the password.
func publicJiraConnection(c jiraConnection) jiraConnection {
	c.JiraPassword = ""
	return c
}

func jiraConnectionPath(id int64) string { return fmt.Sprintf("%s/%d", jiraConnectionsPath, id) }

func jiraConnectionNotFound(id int64) error {
	return kernel.NewAPIError(http.StatusNotFound, "JIRA connection %d not found", id)
}

func (p *Product) listJiraConnections(w http.ResponseWriter, r *http.Request, _ int64) {
	q := r.URL.Query()
	pg, err := ParsePage(q)
	if err != nil {
		p.Fail(w, err)
		return
	}
	jiraURL := q.Get("jiraUrl")
	matched := []jiraConnection{}
	p.state.Read(func(s *jamaState) {
		for _, c := range s.JiraConnections.List() {
			if jiraURL == "" || sameJiraURL(c.JiraURL, jiraURL) {
				matched = append(matched, publicJiraConnection(c))
			}
		}
	})
	items, info := Paginate(matched, pg)
	p.List(w, items, info)
}

func (p *Product) createJiraConnection(w http.ResponseWriter, r *http.Request, _ int64) {
	var in jiraConnection
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.Fail(w, err)
		return
	}
	var created jiraConnection
	err := p.state.Write(func(s *jamaState) error {
		c, err := resolveJiraConnection(s, in, nil)
		if err != nil {
			return err
		}
		if err := jiraURLFree(s, c.JiraURL, 0); err != nil {
			return err
		}
		created = s.JiraConnections.Insert(func(id int64) jiraConnection {
			c.ID = id
			return c
		})
		return nil
	})
	if err != nil {
		p.Fail(w, err)
		return
	}
	p.Created(w, r, created.ID, jiraConnectionPath(created.ID))
}

func (p *Product) getJiraConnection(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	var (
		c     jiraConnection
		found bool
	)
	p.state.Read(func(s *jamaState) { c, found = s.JiraConnections.Get(id) })
	if !found {
		p.Fail(w, jiraConnectionNotFound(id))
		return
	}
	p.OK(w, publicJiraConnection(c))
}

func (p *Product) updateJiraConnection(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	var in jiraConnection
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.Fail(w, err)
		return
	}
	err = p.state.Write(func(s *jamaState) error {
		prev, found := s.JiraConnections.Get(id)
		if !found {
			return jiraConnectionNotFound(id)
		}
		c, err := resolveJiraConnection(s, in, &prev)
		if err != nil {
			return err
		}
		if err := jiraURLFree(s, c.JiraURL, id); err != nil {
			return err
		}
		c.ID = id
		s.JiraConnections.Replace(id, c)
		return nil
	})
	if err != nil {
		p.Fail(w, err)
		return
	}
	p.OK(w, nil)
}

func (p *Product) deleteJiraConnection(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	err = p.state.Write(func(s *jamaState) error {
		if !s.JiraConnections.Remove(id) {
			return jiraConnectionNotFound(id)
		}
		return nil
	})
	if err != nil {
		p.Fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// jiraURLFree fails with 409 when a connection other than self already
// connects to jiraURL (compared ignoring case and a trailing slash).
func jiraURLFree(s *jamaState, jiraURL string, self int64) error {
	id, other, taken := s.JiraConnections.Find(func(id int64, c jiraConnection) bool {
		return id != self && sameJiraURL(c.JiraURL, jiraURL)
	})
	if taken {
		return kernel.NewAPIError(http.StatusConflict, "jiraUrl %q is already used by JIRA connection %d (%q)", jiraURL, id, other.JiraURL)
	}
	return nil
}

// resolveJiraConnection validates a create (prev nil) or replace request
// against the state and returns the connection to store, or a 400 listing
// every problem, each naming its JSON field. On replace an empty
// jiraPassword keeps the stored one. A cron is stored in its normalised
// form.
func resolveJiraConnection(s *jamaState, in jiraConnection, prev *jiraConnection) (jiraConnection, error) {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	c := in
	c.ID = 0

	cloud := false
	if problem, isCloud := checkJiraURL(c.JiraURL); problem != "" {
		add("%s", problem)
	} else {
		cloud = isCloud
	}
	switch {
	case strings.TrimSpace(c.JiraUsername) == "":
		add("jiraUsername is required")
	case cloud && !kernel.IsEmail(c.JiraUsername):
		add("jiraUsername must be an email address on Jira Cloud (*%s), got %q", jiraCloudHostSuffix, c.JiraUsername)
	}
	if c.JiraPassword == "" && prev != nil {
		c.JiraPassword = prev.JiraPassword
	}
	if c.JiraPassword == "" {
		add("jiraPassword is required")
	}
	if strings.TrimSpace(c.JamaUser) == "" {
		add("jamaUser is required")
	} else if problem := checkActiveJamaUser(s, "jamaUser", c.JamaUser); problem != "" {
		add("%s", problem)
	}
	if c.FailureNotificationUser != "" {
		if problem := checkActiveJamaUser(s, "failureNotificationUser", c.FailureNotificationUser); problem != "" {
			add("%s", problem)
		}
	}
	schedule, scheduleProblems := resolveSyncSchedule(c.Schedule)
	problems = append(problems, scheduleProblems...)
	c.Schedule = schedule

	if len(problems) > 0 {
		return jiraConnection{}, kernel.NewAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
	}
	return c, nil
}

// checkJiraURL returns what is wrong with a jiraUrl, or "", and whether it
// points at Jira Cloud.
func checkJiraURL(raw string) (problem string, cloud bool) {
	if strings.TrimSpace(raw) == "" {
		return "jiraUrl is required", false
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return fmt.Sprintf("jiraUrl must be an absolute http or https URL with a host, got %q", raw), false
	}
	return "", strings.HasSuffix(strings.ToLower(u.Hostname()), jiraCloudHostSuffix)
}

// checkActiveJamaUser returns a problem naming field unless username is an
// existing active user (compared ignoring case).
func checkActiveJamaUser(s *jamaState, field, username string) string {
	_, u, found := s.Users.Find(func(_ int64, u jamaUser) bool {
		return strings.EqualFold(u.Username, username)
	})
	switch {
	case !found:
		return fmt.Sprintf("%s %q is not an active Jama user: no such user", field, username)
	case !u.Active:
		return fmt.Sprintf("%s %q is not an active Jama user: user %d is deactivated", field, username, u.ID)
	}
	return ""
}

// resolveSyncSchedule validates a schedule and returns it with its cron
// normalised, or the problems, each naming its JSON field.
func resolveSyncSchedule(in syncSchedule) (syncSchedule, []string) {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	out := in
	switch in.Type {
	case scheduleInterval:
		if in.IntervalMinutes < 1 || in.IntervalMinutes > maxIntervalMinutes {
			add("schedule.intervalMinutes must be between 1 and %d when schedule.type is %s, got %d",
				maxIntervalMinutes, scheduleInterval, in.IntervalMinutes)
		}
		if in.Cron != "" {
			add("schedule.cron must be empty when schedule.type is %s", scheduleInterval)
		}
	case scheduleCron:
		if in.IntervalMinutes != 0 {
			add("schedule.intervalMinutes must be omitted when schedule.type is %s, got %d", scheduleCron, in.IntervalMinutes)
		}
		if strings.TrimSpace(in.Cron) == "" {
			add("schedule.cron is required when schedule.type is %s", scheduleCron)
			break
		}
		expr, err := quartz.Parse(in.Cron)
		if err != nil {
			add("schedule.cron must be a valid Quartz cron expression: %v", err)
			break
		}
		// Jama schedules the job with Quartz, whose scheduler refuses a
		// trigger that will never fire.
		if err := expr.CheckFires(time.Now()); err != nil {
			add("schedule.cron will never fire: %v", err)
			break
		}
		out.Cron = expr.String()
	case "":
		add("schedule.type is required: %s or %s", scheduleInterval, scheduleCron)
	default:
		add("schedule.type must be %s or %s, got %q", scheduleInterval, scheduleCron, in.Type)
	}
	return out, problems
}

// JiraConnectionPassword returns the Jira password a JIRA Connector
// connection holds, which its API never returns. Tests use it to prove that
// a write-only value reached the product. ok is false when no such
// connection exists.
func (p *Product) JiraConnectionPassword(id int64) (password string, ok bool) {
	if p.state == nil {
		return
	}
	p.state.Read(func(st *jamaState) {
		if c, found := st.JiraConnections.Get(id); found {
			password, ok = c.JiraPassword, true
		}
	})
	return password, ok
}
