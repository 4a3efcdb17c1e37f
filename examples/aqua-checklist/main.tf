# aqua's "Checklist before start" for a Jira sync, as one configuration.
# Each item of the checklist is managed here or checked with a clear message.
#
# - Licenses: the special Jira sync license, held by the aqua sync user.
# - SyncConfigurator: a desktop download from your aqua landing page; not
#   managed, but every setting it would need is.
# - Sync User (aqua): a separate user used only for the sync, with an email
#   (users are mapped by email) and Project Administrator in the project.
# - Configuration user (Jira), and on Jira Cloud its email plus an API token:
#   enforced at plan time by almsync_aqua_jira_sync.
# - Sync user (Jira), optional: fewer permissions than the configuration user.
# - Connection to Jira system: checked on every plan by the preflight below.
# - Field mapping: the required aqua fields, read-only.
# - Field value mapping: every resolution mapped, null values included.
#
# aqua has no API for the sync itself: almsync_aqua_jira_sync and the
# mappings use the provider's published contract aqua-jira-sync, served by a
# bridge at the provider's aqua.contract_url (default: aqua.url).

terraform {
  required_version = ">= 1.11"
  required_providers {
    almsync = {
      source = "almsync/almsync"
    }
  }
}

variable "aqua_project_id" {
  description = "Id of the aqua project to synchronize."
  type        = string
}

variable "jira_url" {
  description = "URL of the Jira system, e.g. https://acme.atlassian.net."
  type        = string
}

variable "jira_project_key" {
  type    = string
  default = "SYNC"
}

variable "jira_configuration_email" {
  type = string
}

# Sensitive but not ephemeral: the preflight data source reads it too, and
# data sources cannot take ephemeral values.
variable "jira_configuration_api_token" {
  type      = string
  sensitive = true
}

variable "jira_configuration_api_token_version" {
  description = "Bump to send a rotated configuration user token to aqua."
  type        = number
  default     = 1
}

# The separate aqua user the sync acts as.
resource "almsync_aqua_sync_user" "sync" {
  username   = "jira.sync"
  first_name = "Jira"
  surname    = "Sync"
  email      = "jira.sync@example.com"
  licenses   = ["JIRASYNC"]
  project_roles = {
    (var.aqua_project_id) = "Project Administrator"
  }
}

# Connection to the Jira system: the configuration user's account and
# permissions, checked before anything is applied.
data "almsync_jira_preflight" "configuration_user" {
  url         = var.jira_url
  username    = var.jira_configuration_email
  api_token   = var.jira_configuration_api_token
  project_key = var.jira_project_key
}

check "jira_configuration_user" {
  assert {
    condition     = data.almsync_jira_preflight.configuration_user.ok
    error_message = "The Jira configuration user is not ready: ${join("; ", concat(data.almsync_jira_preflight.configuration_user.problems, [for p in data.almsync_jira_preflight.configuration_user.missing_permissions : "missing ${p}"]))}"
  }
}

resource "almsync_aqua_jira_sync" "main" {
  name              = "Jira sync"
  aqua_project_id   = var.aqua_project_id
  jira_url          = var.jira_url
  jira_project_key  = var.jira_project_key
  aqua_sync_user_id = almsync_aqua_sync_user.sync.id

  # Write-only: the token is sent to aqua but never stored in plan or state.
  # Bump api_token_wo_version to send a rotated token.
  configuration_user {
    email                = var.jira_configuration_email
    api_token_wo         = var.jira_configuration_api_token
    api_token_wo_version = var.jira_configuration_api_token_version
  }
}

# The fields the sync fills in aqua, read-only (the default) as aqua
# recommends: never edit them by hand.
resource "almsync_aqua_field_mapping" "jira_key" {
  sync_id    = almsync_aqua_jira_sync.main.id
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = "to_aqua"
}

resource "almsync_aqua_field_mapping" "jira_status" {
  sync_id    = almsync_aqua_jira_sync.main.id
  item_type  = "Defect"
  aqua_field = "JiraStatus"
  jira_field = "status"
  direction  = "to_aqua"
}

resource "almsync_aqua_field_mapping" "jira_link" {
  sync_id    = almsync_aqua_jira_sync.main.id
  item_type  = "Defect"
  aqua_field = "JiraLink"
  jira_field = "self"
  direction  = "to_aqua"
}

# Every Jira resolution mapped, and empty resolutions too.
resource "almsync_aqua_value_mapping" "resolution" {
  sync_id = almsync_aqua_jira_sync.main.id
  field   = "resolution"
  values = {
    "Fixed"            = "Fixed"
    "Won't Fix"        = "Won't Fix"
    "Duplicate"        = "Duplicate"
    "Incomplete"       = "Won't Fix"
    "Cannot Reproduce" = "Won't Fix"
    "Done"             = "Fixed"
  }
  null_value = "Unresolved"
}

output "sync_id" {
  value = almsync_aqua_jira_sync.main.id
}

output "jira_deployment" {
  value = data.almsync_jira_preflight.configuration_user.deployment_type
}
