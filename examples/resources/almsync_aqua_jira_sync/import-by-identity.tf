# Terraform 1.12 and later: by the resource identity, the object's id.
import {
  to = almsync_aqua_jira_sync.main
  identity = {
    id = "12"
  }
}
