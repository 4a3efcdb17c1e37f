package jira

// Keys of the projects seeded on every emulated Jira site.
const (
	JiraSyncProject        = "SYNC" // "Jama Sync", a software project
	JiraServiceDeskProject = "JSM"  // "Service Desk", a service management project
)

// Versions the emulated sites report.
const (
	jiraCloudVersion      = "1001.0.0-SNAPSHOT"
	jiraCloudBuild        = 100250
	jiraServerVersion     = "9.12.2"
	jiraServerBuild       = 9120002
	jiraBuildDate         = "2024-01-25T00:00:00.000+0000"
	jiraSCMInfo           = "a3c9d4e6f0b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5"
	jiraServiceDeskCloud  = "10.5.0-OD-001-000071"
	jiraServiceDeskServer = "5.12.2"
	jiraServiceDeskChange = "7f1b2c3d4e5f60718293a4b5c6d7e8f901234567"
	jiraServiceDeskBuilt  = "2024-01-25T00:00:00+0000"
)

// jiraProject is a seeded project.
type jiraProject struct {
	ID             string `json:"id"`
	Key            string `json:"key"`
	Name           string `json:"name"`
	ProjectTypeKey string `json:"projectTypeKey"`
	Description    string `json:"description"`
}

// jiraResolution is a seeded resolution. Default marks the one Jira
// Cloud sets by default (resolution/search's onlyDefault).
type jiraResolution struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Default     bool   `json:"default,omitempty"`
}

// jiraPermissionDefinition is a permission Jira knows, with Jira's own id,
// name and description.
type jiraPermissionDefinition struct {
	id, key, name, kind, description string
}

// seedJira returns the fixtures: the projects SYNC and JSM and Jira's
// default resolutions.
func seedJira() *jiraState {
	return &jiraState{
		Projects: []jiraProject{
			{ID: "10000", Key: JiraSyncProject, Name: "Jama Sync", ProjectTypeKey: "software",
				Description: "Issues synchronized with Jama Connect."},
			{ID: "10001", Key: JiraServiceDeskProject, Name: "Service Desk", ProjectTypeKey: "service_desk",
				Description: "Requests of the service desk."},
		},
		Resolutions: []jiraResolution{
			{ID: "1", Name: "Fixed", Description: "A fix for this issue is checked into the tree and tested."},
			{ID: "2", Name: "Won't Fix", Description: "The problem described is an issue which will never be fixed."},
			{ID: "3", Name: "Duplicate", Description: "The problem is a duplicate of an existing issue."},
			{ID: "4", Name: "Incomplete", Description: "The problem is not completely described."},
			{ID: "5", Name: "Cannot Reproduce", Description: "All attempts at reproducing this issue failed, or not enough information was available to reproduce the issue. Reading the code produces no facts that explain why this behavior would occur. If more information appears later, please reopen the issue."},
			{ID: "10000", Name: "Done", Description: "Work has been completed on this issue.", Default: true},
		},
	}
}

// jiraPermissionCatalog returns the permissions the sites know, in the
// order of Jira's ids.
func jiraPermissionCatalog() []jiraPermissionDefinition {
	const project, global = "PROJECT", "GLOBAL"
	return []jiraPermissionDefinition{
		{"0", "ADMINISTER", "Administer Jira", global, "Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings."},
		{"10", "BROWSE_PROJECTS", "Browse Projects", project, "Ability to browse projects and the issues within them."},
		{"11", "CREATE_ISSUES", "Create Issues", project, "Ability to create issues."},
		{"12", "EDIT_ISSUES", "Edit Issues", project, "Ability to edit issues."},
		{"13", "ASSIGN_ISSUES", "Assign Issues", project, "Ability to assign issues to other people."},
		{"14", "RESOLVE_ISSUES", "Resolve Issues", project, "Ability to resolve and reopen issues. This includes the ability to set a fix version."},
		{"15", "ADD_COMMENTS", "Add Comments", project, "Ability to comment on issues."},
		{"16", "DELETE_ISSUES", "Delete Issues", project, "Ability to delete issues."},
		{"17", "ASSIGNABLE_USER", "Assignable User", project, "Users with this permission may be assigned to issues."},
		{"18", "CLOSE_ISSUES", "Close Issues", project, "Ability to close issues. Often useful where your developers resolve issues, and a QA department closes them."},
		{"19", "CREATE_ATTACHMENTS", "Create Attachments", project, "Users with this permission may create attachments."},
		{"21", "LINK_ISSUES", "Link Issues", project, "Ability to link issues together and create linked issues. Only useful if issue linking is turned on."},
		{"23", "ADMINISTER_PROJECTS", "Administer Projects", project, "Ability to administer a project in Jira."},
		{"27", "USER_PICKER", "Browse users and groups", global, "View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site."},
		{"30", "MODIFY_REPORTER", "Modify Reporter", project, "Ability to modify the reporter when creating or editing an issue."},
		{"46", "TRANSITION_ISSUES", "Transition Issues", project, "Ability to transition issues."},
	}
}
