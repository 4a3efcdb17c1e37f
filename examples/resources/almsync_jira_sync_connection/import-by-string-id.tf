# By Jira URL (case and a trailing slash do not matter), or by id: id = "3".
import {
  to = almsync_jira_sync_connection.cloud
  id = "jira_url=https://acme.atlassian.net"
}
