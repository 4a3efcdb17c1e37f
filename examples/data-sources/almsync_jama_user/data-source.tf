# The account the JIRA Connector runs as.
resource "almsync_jama_user" "jira_user" {
  username     = "jira.user"
  email        = "jira.user@example.com"
  first_name   = "JIRA"
  last_name    = "User"
  license_type = "FLOATING"
  password     = var.jira_user_password
}

# Look it up, as a pipeline that does not manage it would, and check that it
# is active and holds a creator license.
data "almsync_jama_user" "jira_user" {
  username = almsync_jama_user.jira_user.username
}

check "jira_user_can_sync" {
  assert {
    condition     = data.almsync_jama_user.jira_user.active && contains(["NAMED", "FLOATING"], data.almsync_jama_user.jira_user.license_type)
    error_message = "The JIRA Connector's Jama user must be active and hold a creator license."
  }
}

variable "jira_user_password" {
  type      = string
  sensitive = true
}
