# By username, or by id: id = "7".
import {
  to = almsync_aqua_sync_user.sync
  id = "username=jira.sync"
}
