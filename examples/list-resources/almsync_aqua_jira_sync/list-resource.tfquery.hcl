# The Jira syncs of aqua project 2.
list "almsync_aqua_jira_sync" "project_2" {
  provider         = almsync
  include_resource = true
  config {
    aqua_project_id = "2"
  }
}
