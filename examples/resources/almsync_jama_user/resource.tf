# The user the classic JIRA Connector runs as: Jama recommends a user called
# "JIRA User" with a floating creator license and organization admin rights.
resource "almsync_jama_user" "jira_user" {
  username     = "jira.user"
  email        = "jira.user@example.com"
  first_name   = "JIRA"
  last_name    = "User"
  title        = "Integration service account"
  license_type = "FLOATING"

  password_wo         = var.jira_user_password
  password_wo_version = 1
}

variable "jira_user_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
