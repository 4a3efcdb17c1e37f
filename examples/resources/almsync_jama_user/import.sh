# By id:
terraform import almsync_jama_user.jira_user 17

# By username (compared without regard to case):
terraform import almsync_jama_user.jira_user username=jira.user
