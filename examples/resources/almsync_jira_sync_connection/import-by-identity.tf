# Terraform 1.12 and later: by the resource identity, the object's id.
import {
  to = almsync_jira_sync_connection.cloud
  identity = {
    id = "12"
  }
}
