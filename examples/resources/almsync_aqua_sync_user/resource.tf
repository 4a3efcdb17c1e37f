# A separate aqua user used only for the sync: the Jira sync license and
# Project Administrator in the synchronized project. The email is required:
# users are mapped by email during synchronization. The license is a named
# one (the default), so the sync never waits for a free floating seat.
resource "almsync_aqua_sync_user" "sync" {
  username     = "jira.sync"
  first_name   = "Jira"
  surname      = "Sync"
  email        = "jira.sync@example.com"
  licenses     = ["JIRASYNC"]
  license_type = "Named"
  project_roles = {
    "2" = "Project Administrator"
  }
}
