# Quickstart: a Jama Connect service account and the Interchange connector
# that authenticates with it, applied against the local sandbox by `make demo`.
# Point the provider at real instances by changing the provider block (see README).

terraform {
  required_version = ">= 1.11"
  required_providers {
    almsync = {
      source = "almsync/almsync"
    }
  }
}

variable "sandbox_url" {
  description = "Base URL of the almsync sandbox (`make demo` sets it)."
  type        = string
  default     = "http://127.0.0.1:8080"
}

variable "service_account_password" {
  description = "Password of the integration service account. Ephemeral: never written to plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
  default     = "Sandbox-Demo-Pa55"
}

provider "almsync" {
  jama {
    url      = "${var.sandbox_url}/jama"
    username = "admin"
    password = "sandbox"
  }
  interchange {
    url      = "${var.sandbox_url}/interchange"
    username = "admin"
    password = "sandbox"
  }
}

# The Jama Connect account Interchange authenticates as: a creator license.
resource "almsync_jama_user" "interchange_service" {
  username            = "InterchangeServiceAccount"
  email               = "interchange@example.com"
  first_name          = "Interchange"
  last_name           = "Service"
  title               = "Integration service account"
  license_type        = "NAMED"
  password_wo         = var.service_account_password
  password_wo_version = 1
}

# One connector per Jama Connect instance, reused by every integration.
resource "almsync_jama_connector" "jama" {
  name                = "Jama Connect (sandbox)"
  url                 = "${var.sandbox_url}/jama"
  auth_type           = "basic"
  username            = almsync_jama_user.interchange_service.username
  password_wo         = var.service_account_password
  password_wo_version = 1
}

# The Jama user that runs the classic JIRA Connector's synchronization:
# Jama recommends a "JIRA User" with a floating creator license.
resource "almsync_jama_user" "jira_user" {
  username            = "jira.user"
  email               = "jira.user@example.com"
  first_name          = "JIRA"
  last_name           = "User"
  license_type        = "FLOATING"
  password_wo         = var.service_account_password
  password_wo_version = 1
}

# A JIRA Connector connection to a Jira Cloud site (emulated by the sandbox):
# email address and API token, synchronizing on the last Friday of the month.
resource "almsync_jira_sync_connection" "cloud" {
  jira_url                 = "https://acme.atlassian.net"
  jira_username            = "sync@example.com"
  jira_password_wo         = "sandbox-token"
  jira_password_wo_version = 1
  jama_user                = almsync_jama_user.jira_user.username

  schedule {
    cron = "0 15 10 ? * 6L"
  }
}

# An existing account, looked up rather than managed.
data "almsync_jama_user" "admin" {
  username = "admin"
}

output "service_account_id" {
  value = almsync_jama_user.interchange_service.id
}

output "connector" {
  value = {
    id         = almsync_jama_connector.jama.id
    name       = almsync_jama_connector.jama.name
    auth_type  = almsync_jama_connector.jama.auth_type
    verify_ssl = almsync_jama_connector.jama.verify_ssl
  }
}

output "sync_schedule" {
  value = {
    cron        = almsync_jira_sync_connection.cloud.schedule.cron
    description = almsync_jira_sync_connection.cloud.schedule_description
    next_runs   = provider::almsync::cron_next(almsync_jira_sync_connection.cloud.schedule.cron, "2026-01-01T00:00:00Z", 3)
  }
}

output "jama_admin_license" {
  value = data.almsync_jama_user.admin.license_type
}
