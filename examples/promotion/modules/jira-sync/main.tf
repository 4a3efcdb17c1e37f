# One module for every environment: the JIRA Connector's Jama user and its
# connection. Environments differ only in their variables. Every secret is a
# write-only input with a version variable: change the secret in the
# pipeline's secret store, bump its *_version, and the next apply sends it
# (the Jama user's password is the one Jama cannot take: see its variable).

terraform {
  required_providers {
    almsync = {
      source = "almsync/almsync"
    }
  }
}

variable "environment" {
  description = "Environment name, used in names and emails, e.g. dev or prod."
  type        = string
}

variable "jira_url" {
  description = "URL of this environment's Jira."
  type        = string
}

variable "jira_username" {
  description = "Jira account the connection logs in as (an email address on Jira Cloud)."
  type        = string
}

variable "jira_api_token" {
  description = "Its API token or password. Ephemeral: never in plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "jira_api_token_version" {
  description = "Bump to send a rotated token."
  type        = number
  default     = 1
}

variable "jama_user_password" {
  description = "Password of the environment's Jama user. Ephemeral: never in plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "jama_user_password_version" {
  description = "Bump after changing the Jama user's password in Jama Connect (Admin > Users): Jama's REST API cannot change an existing user's password, so the plan warns and records the rotation instead of sending it."
  type        = number
  default     = 1
}

variable "sync_schedule" {
  description = "Quartz cron string; production syncs less often than dev."
  type        = string
  default     = "0 0 */4 * * ?"
}

resource "almsync_jama_user" "jira_user" {
  username            = "jira.user.${var.environment}"
  email               = "jira.user+${var.environment}@example.com"
  first_name          = "JIRA"
  last_name           = "User (${var.environment})"
  license_type        = "FLOATING"
  password_wo         = var.jama_user_password
  password_wo_version = var.jama_user_password_version
}

resource "almsync_jira_sync_connection" "this" {
  jira_url                 = var.jira_url
  jira_username            = var.jira_username
  jira_password_wo         = var.jira_api_token
  jira_password_wo_version = var.jira_api_token_version
  jama_user                = almsync_jama_user.jira_user.username

  schedule {
    cron = var.sync_schedule
  }
}

output "schedule" {
  value = almsync_jira_sync_connection.this.schedule_description
}
