# Every Jira resolution mapped, including empty ones ("Unresolved").
resource "almsync_aqua_value_mapping" "resolution" {
  sync_id = almsync_aqua_jira_sync.main.id
  field   = "resolution"
  values = {
    "Fixed"     = "Fixed"
    "Won't Fix" = "Won't Fix"
    "Duplicate" = "Duplicate"
  }
  null_value = "Unresolved"
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
