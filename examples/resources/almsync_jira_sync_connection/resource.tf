# The Jama user that runs the synchronization: an organization admin,
# ideally a dedicated "JIRA User" with a floating creator license.
resource "almsync_jama_user" "jira_user" {
  username            = "jira.user"
  email               = "jira.user@example.com"
  first_name          = "JIRA"
  last_name           = "User"
  license_type        = "FLOATING"
  password_wo         = var.jama_password
  password_wo_version = 1
}

# Jira Cloud: the username is an email address and the password an API token.
resource "almsync_jira_sync_connection" "cloud" {
  jira_url                 = "https://acme.atlassian.net"
  jira_username            = "jama-sync@example.com"
  jira_password_wo         = var.jira_api_token
  jira_password_wo_version = 1
  jama_user                = almsync_jama_user.jira_user.username

  # Advanced Scheduling: 10:15 on the last Friday of every month.
  schedule {
    cron = "0 15 10 ? * 6L"
  }

  failure_notification_user = "admin"
}

# Jira Data Center: Simple Scheduling every 12 hours, at least daily.
resource "almsync_jira_sync_connection" "datacenter" {
  jira_url                 = "https://jira.example.com"
  jira_username            = "svc-jama"
  jira_password_wo         = var.jira_password
  jira_password_wo_version = 1
  jama_user                = almsync_jama_user.jira_user.username
  use_plain_text           = true

  schedule {
    interval_minutes = 720
  }
}

output "cloud_schedule" {
  # "At 10:15, on the last Friday of the month"
  value = almsync_jira_sync_connection.cloud.schedule_description
}

variable "jama_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "jira_api_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "jira_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
