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
# status tells a broken connection ("failed": fix what the message names)
# from a test that reached no verdict ("inconclusive": a rate limit, a
# timeout or an unreachable host; nothing is known to be wrong, so retry
# rather than change a secret).
data "almsync_connection_test" "jira_sync" {
  jira_sync_connection_id = almsync_jira_sync_connection.cloud.id
}

check "jira_sync_connection_works" {
  assert {
    condition     = data.almsync_connection_test.jira_sync.status != "failed"
    error_message = "The JIRA Connector connection is broken: ${data.almsync_connection_test.jira_sync.message}"
  }
  assert {
    condition     = data.almsync_connection_test.jira_sync.status != "inconclusive"
    error_message = "The JIRA Connector connection could not be tested this time; retry later: ${data.almsync_connection_test.jira_sync.message}"
  }
}

# The same for an Interchange connector, a Jitterbit JSM connection and an
# aqua Jira sync: exactly one id per data source.
resource "almsync_jama_connector" "production" {
  name                = "Production Jama"
  url                 = var.jama_url
  auth_type           = "basic"
  username            = var.jama_service_username
  password_wo         = var.jama_service_password
  password_wo_version = 1
}

# With `secret` (the connector's password, which the provider cannot read
# back), the provider checks the Jama instance itself, from the machine
# running Terraform, through Jama's public REST API: reachability, TLS,
# the login, that the user is active and that its license gives REST
# access. checked_from is then "terraform". Without `secret`, Interchange
# runs its own test (checked_from = "product").
#
# The postcondition makes a definite failure an error that stops the run,
# while an inconclusive test (Jama rate-limiting, a timeout) does not.
data "almsync_connection_test" "interchange" {
  jama_connector_id = almsync_jama_connector.production.id
  secret            = var.jama_service_password

  lifecycle {
    postcondition {
      condition     = self.status != "failed"
      error_message = "The connector's Jama account cannot use Jama's REST API: ${self.message}"
    }
  }
}

output "interchange_checks" {
  value = {
    for c in data.almsync_connection_test.interchange.checks : c.name => c.status == "passed" ? "ok" : "${c.status}: ${c.detail}"
  }
}

variable "jira_api_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "jama_url" {
  type    = string
  default = "https://acme.jamacloud.com"
}

variable "jama_service_username" {
  type    = string
  default = "InterchangeServiceAccount"
}

# Not ephemeral: a data source argument cannot take an ephemeral value.
# `secret` is kept in the state, marked sensitive, like every data source
# argument.
variable "jama_service_password" {
  type      = string
  sensitive = true
}
