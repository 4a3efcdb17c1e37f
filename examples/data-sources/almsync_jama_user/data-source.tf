# The account the JIRA Connector runs as.
resource "almsync_jama_user" "jira_user" {
  username     = "jira.user"
  email        = "jira.user@example.com"
  first_name   = "JIRA"
  last_name    = "User"
  license_type = "NAMED"

  # Write-only: never stored in plan or state.
  password_wo         = var.jira_user_password
  password_wo_version = 1
}

# Look it up, as a pipeline that does not manage it would, and check that it
# is active and may use Jama's REST API (only a named creator license may).
data "almsync_jama_user" "jira_user" {
  username = almsync_jama_user.jira_user.username
}

check "jira_user_can_sync" {
  assert {
    condition     = data.almsync_jama_user.jira_user.active && data.almsync_jama_user.jira_user.license_type == "NAMED"
    error_message = "The JIRA Connector's Jama user must be active and hold a named creator license (NAMED) to use Jama's REST API."
  }
}

variable "jira_user_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
