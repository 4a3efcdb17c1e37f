# The JIRA Connector's connections to Jira Cloud sites.
list "almsync_jira_sync_connection" "cloud" {
  provider         = almsync
  include_resource = true
  config {
    jira_url_prefix = "https://acme.atlassian.net"
  }
}
