# By name, or by id: id = "3".
import {
  to = almsync_aqua_jira_sync.main
  id = "name=Jira sync"
}
