# A gate (Terraform 1.14 or later): each time Terraform creates or changes
# the connection it runs the product's own "Test connection", and a failed
# or inconclusive test fails the apply, listing every check. To test again
# without a change: terraform apply -invoke=action.almsync_connection_test.jira
action "almsync_connection_test" "jira" {
  config {
    jira_sync_connection_id = almsync_jira_sync_connection.cloud.id
  }
}

resource "almsync_jira_sync_connection" "cloud" {
  jira_url                 = var.jira_url
  jira_username            = var.jira_username
  jira_password_wo         = var.jira_sync_api_token
  jira_password_wo_version = 1
  jama_user                = "admin"

  schedule {
    interval_minutes = 60
  }

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.almsync_connection_test.jira]
    }
  }
}

variable "jira_url" {
  description = "URL of the Jira site, e.g. https://acme.atlassian.net."
  type        = string
}

variable "jira_username" {
  description = "The Jira account Jama synchronizes as (on Jira Cloud its email address)."
  type        = string
}

variable "jira_sync_api_token" {
  description = "Its API token (Jira Cloud) or password. Ephemeral: never written to plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
}
