# The values of the project variables a connection references as [jsm_url],
# [jsm_user] and [jsm_api_token], in the provider's default environment
# (jitterbit.environment_id). The variables must exist in the project:
# create them in Integration Studio.
resource "almsync_jitterbit_project_variable" "jsm_url" {
  project_guid = var.project_guid
  name         = "jsm_url"
  value        = "https://acme-dev.atlassian.net"
  description  = "Jira Service Management site URL"
}

# A secret: write-only, never in plan or state, and hidden in Harmony.
resource "almsync_jitterbit_project_variable" "jsm_api_token" {
  project_guid     = var.project_guid
  name             = "jsm_api_token"
  value_wo         = var.jsm_api_token
  value_wo_version = 1
  hide_value       = true
}

# Another environment than the provider's default.
resource "almsync_jitterbit_project_variable" "jsm_url_production" {
  environment_id = "202"
  project_guid   = var.project_guid
  name           = "jsm_url"
  value          = "https://acme.atlassian.net"
}

variable "project_guid" {
  description = "GUID of the Integration Studio project, as the Harmony API shows it."
  type        = string
}

variable "jsm_api_token" {
  type      = string
  sensitive = true
  ephemeral = true
}
