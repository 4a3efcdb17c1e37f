# Before apply: can this Jira account do what the JIRA Connector needs?
data "almsync_jira_preflight" "jira_user" {
  url         = "https://acme.atlassian.net"
  username    = "jama-sync@example.com"
  api_token   = var.jira_api_token
  project_key = "SYNC"
}

check "jira_user_ready" {
  assert {
    condition     = data.almsync_jira_preflight.jira_user.ok
    error_message = "Jira account not ready: ${join("; ", concat(data.almsync_jira_preflight.jira_user.problems, [for p in data.almsync_jira_preflight.jira_user.missing_permissions : "missing ${p}"]))}"
  }
}

# Jira Data Center: a personal access token, sent as a Bearer token. The
# username is optional; when set, the token must be this account's.
data "almsync_jira_preflight" "data_center" {
  url                   = "https://jira.example.com"
  username              = "jama-sync"
  personal_access_token = var.jira_personal_access_token
  project_key           = "SYNC"
}

variable "jira_api_token" {
  type      = string
  sensitive = true
}

variable "jira_personal_access_token" {
  type      = string
  sensitive = true
}
