# aqua users whose username starts with "jira." (each user with
# include_resource costs a few requests: filter on large instances).
list "almsync_aqua_sync_user" "sync_accounts" {
  provider = almsync
  config {
    username_prefix = "jira."
  }
}
