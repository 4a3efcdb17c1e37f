# A field the sync fills: read-only, as aqua recommends.
resource "almsync_aqua_field_mapping" "jira_key" {
  sync_id    = almsync_aqua_jira_sync.main.id
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = "to_aqua"
}
