# By id, or by name:
terraform import almsync_aqua_jira_sync.main 3
terraform import almsync_aqua_jira_sync.main "name=Jira sync"
