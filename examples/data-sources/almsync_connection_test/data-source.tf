resource "almsync_jira_sync_connection" "cloud" {
  jira_url                 = "https://acme.atlassian.net"
  jira_username            = "jama-sync@example.com"
  jira_password_wo         = var.jira_api_token
  jira_password_wo_version = 1
  jama_user                = "admin"

  schedule {
    interval_minutes = 60
  }
}

# The product's own "Test connection", on every plan. A failing test is
# data: the check block turns it into a warning that says which check failed.
data "almsync_connection_test" "jira_sync" {
  jira_sync_connection_id = almsync_jira_sync_connection.cloud.id
}

check "jira_sync_connection_works" {
  assert {
    condition     = data.almsync_connection_test.jira_sync.success
    error_message = "JIRA Connector connection test failed: ${data.almsync_connection_test.jira_sync.message}"
  }
}

# The same for an Interchange connector, a Jitterbit JSM connection and an
# aqua Jira sync: exactly one id per data source.
resource "almsync_jama_connector" "production" {
  name                = "Production Jama"
  url                 = "https://acme.jamacloud.com"
  auth_type           = "basic"
  username            = "InterchangeServiceAccount"
  password_wo         = var.interchange_service_password
  password_wo_version = 1
}

data "almsync_connection_test" "interchange" {
  jama_connector_id = almsync_jama_connector.production.id
}

output "interchange_checks" {
  value = {
    for c in data.almsync_connection_test.interchange.checks : c.name => c.success ? "ok" : c.detail
  }
}

variable "jira_api_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "interchange_service_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
