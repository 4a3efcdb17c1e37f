# By id:
terraform import almsync_jira_sync_connection.cloud 3

# By Jira URL (case and a trailing slash do not matter):
terraform import almsync_jira_sync_connection.cloud jira_url=https://acme.atlassian.net
