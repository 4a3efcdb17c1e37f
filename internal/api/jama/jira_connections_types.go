package jama

import "strings"

// Wire types of the classic JIRA Connector contract (see doc.go). Jama
// publishes no API for the connector: these shapes are the provider's own,
// mirroring the "Add JIRA Connection" form one field to one JSON key. The
// sandbox spells the same contract with its own types, so a tag changed
// here fails the tests that go through it.

// JiraConnection is one connection of the classic JIRA Connector, as
// GET .../connections/{id} of the contract returns it and as POST and PUT take it.
type JiraConnection struct {
	// ID is assigned by the server; it is ignored in request bodies.
	ID int64 `json:"id,omitempty"`
	// JiraURL is the absolute http(s) URL of the Jira instance. At most one
	// connection exists per Jira URL (compared ignoring case and a trailing
	// slash, see SameJiraURL).
	JiraURL string `json:"jiraUrl"`
	// JiraUsername is the Jira account the connector logs in as; on Jira
	// Cloud (*.atlassian.net) it is an email address.
	JiraUsername string `json:"jiraUsername"`
	// JiraPassword is write-only: required on create, never returned, and
	// kept as stored when a PUT omits it.
	JiraPassword string `json:"jiraPassword,omitempty"`
	// JamaUser is the username of the active Jama user that runs the
	// synchronization.
	JamaUser string `json:"jamaUser"`
	// Schedule says when the synchronization runs.
	Schedule SyncSchedule `json:"schedule"`
	// FailureNotificationUser is the username of the active Jama user
	// notified the first time a synchronization fails; "" (the default)
	// notifies nobody.
	FailureNotificationUser string `json:"failureNotificationUser,omitempty"`
	// Enabled turns the synchronization on.
	Enabled bool `json:"enabled"`
	// UsePlainText strips rich text formatting from data copied to Jira.
	UsePlainText bool `json:"usePlainText"`
}

// SyncSchedule is a connection's synchronization schedule: every
// IntervalMinutes minutes (Type ScheduleInterval, the form's "Simple
// Scheduling") or on a Quartz cron expression (Type ScheduleCron,
// "Advanced Scheduling").
type SyncSchedule struct {
	// Type is ScheduleInterval or ScheduleCron.
	Type string `json:"type"`
	// IntervalMinutes is set, from 1 to MaxIntervalMinutes, with
	// ScheduleInterval only.
	IntervalMinutes int `json:"intervalMinutes,omitempty"`
	// Cron is a Quartz cron expression, set with ScheduleCron only. The
	// server may answer it in a normalised form (upper-case names, single
	// spaces) that differs from the text sent.
	Cron string `json:"cron,omitempty"`
}

// Values of SyncSchedule.Type.
const (
	ScheduleInterval = "INTERVAL"
	ScheduleCron     = "CRON"
)

// MaxIntervalMinutes is the longest ScheduleInterval interval: one year.
const MaxIntervalMinutes = 525600

// SameJiraURL reports whether a and b name the same Jira instance for the
// contract: equal ignoring letter case and trailing slashes.
func SameJiraURL(a, b string) bool {
	return strings.EqualFold(strings.TrimRight(a, "/"), strings.TrimRight(b, "/"))
}
