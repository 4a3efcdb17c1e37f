# A field the sync fills: read-only, as aqua recommends.
resource "almsync_aqua_field_mapping" "jira_key" {
  sync_id    = almsync_aqua_jira_sync.main.id
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = "to_aqua"
}

# The sync the mapping belongs to.
resource "almsync_aqua_jira_sync" "main" {
  name             = "Jira sync"
  aqua_project_id  = "2"
  jira_url         = "https://jira.example.com"
  jira_project_key = "SYNC"

  configuration_user {
    username            = "jira-admin"
    password_wo         = var.jira_admin_password
    password_wo_version = 1
  }
}

variable "jira_admin_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
