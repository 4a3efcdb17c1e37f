# The integration accounts of Jama Connect, deactivated ones included.
list "almsync_jama_user" "service_accounts" {
  provider = almsync
  config {
    username_prefix  = "svc."
    include_inactive = true
  }
}
