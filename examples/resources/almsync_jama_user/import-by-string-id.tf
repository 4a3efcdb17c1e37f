# By username (compared without regard to case), or by id: id = "17".
import {
  to = almsync_jama_user.jira_user
  id = "username=jira.user"
}
