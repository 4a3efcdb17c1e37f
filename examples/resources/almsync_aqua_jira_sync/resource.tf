# The sync resources need a bridge serving the provider's aqua-jira-sync
# contract at the provider's aqua.contract_url (default: aqua.url).

# The separate aqua user the sync acts as: Jira sync license, Project
# Administrator in the synchronized project.
resource "almsync_aqua_sync_user" "sync" {
  username      = "jira.sync"
  first_name    = "Jira"
  surname       = "Sync"
  email         = "jira.sync@example.com"
  licenses      = ["JIRASYNC"]
  project_roles = { "2" = "Project Administrator" }
}

# Jira Cloud: the configuration user logs in with its email and an API token.
resource "almsync_aqua_jira_sync" "main" {
  name              = "Jira sync"
  aqua_project_id   = "2"
  jira_url          = "https://acme.atlassian.net"
  jira_project_key  = "SYNC"
  aqua_sync_user_id = almsync_aqua_sync_user.sync.id

  configuration_user {
    email                = "jira.admin@example.com"
    api_token_wo         = var.jira_admin_token
    api_token_wo_version = 1
  }

  # Optional: a Jira user with fewer permissions that runs the sync.
  sync_user {
    email                = "jira.sync@example.com"
    api_token_wo         = var.jira_sync_token
    api_token_wo_version = 1
  }
}

variable "jira_admin_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "jira_sync_token" {
  type      = string
  sensitive = true
  ephemeral = true
}
