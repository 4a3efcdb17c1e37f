# Check that the account an integration runs as exists, is active and has a
# creator license.
data "almsync_jama_user" "jira_user" {
  username = "jira.user"
}

check "jira_user_can_sync" {
  assert {
    condition     = data.almsync_jama_user.jira_user.active && contains(["NAMED", "FLOATING"], data.almsync_jama_user.jira_user.license_type)
    error_message = "The JIRA Connector's Jama user must be active and hold a creator license."
  }
}
