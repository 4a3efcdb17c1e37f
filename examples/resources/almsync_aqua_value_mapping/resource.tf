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
