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

variable "jira_api_token" {
  type      = string
  sensitive = true
}
