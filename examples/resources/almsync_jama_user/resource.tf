# The user an integration authenticates as (the JIRA Connector's "JIRA User",
# or Interchange's service account). Integrations reach Jama through its REST
# API, which only a named creator license (NAMED) may use; any other license
# type gets a plan-time warning.
resource "almsync_jama_user" "jira_user" {
  username     = "jira.user"
  email        = "jira.user@example.com"
  first_name   = "JIRA"
  last_name    = "User"
  title        = "Integration service account"
  license_type = "NAMED"

  # Sent once, when the user is created. Jama's REST API cannot change an
  # existing user's password: change it in Jama (Admin > Users) instead; a
  # new password_wo_version only records that you did.
  password_wo         = var.jira_user_password
  password_wo_version = 1
}

variable "jira_user_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
