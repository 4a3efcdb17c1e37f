# By id, or by username:
terraform import almsync_aqua_sync_user.sync 7
terraform import almsync_aqua_sync_user.sync username=jira.sync
