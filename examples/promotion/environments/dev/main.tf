# The dev environment: the shared module with dev's values. Credentials
# come from the environment of the pipeline, never from files:
#   JAMA_URL, JAMA_CLIENT_ID, JAMA_CLIENT_SECRET          (provider)
#   TF_VAR_jira_api_token, TF_VAR_jama_user_password      (ephemeral inputs)

variable "jira_url" {
  type = string
}

variable "jira_username" {
  type = string
}

variable "jira_api_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "jama_user_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

# Bump a version to send its rotated secret (TF_VAR_jira_api_token_version=2).
variable "jira_api_token_version" {
  type    = number
  default = 1
}

variable "jama_user_password_version" {
  type    = number
  default = 1
}

module "jira_sync" {
  source = "../../modules/jira-sync"

  environment        = "dev"
  jira_url           = var.jira_url
  jira_username      = var.jira_username
  jira_api_token     = var.jira_api_token
  jama_user_password = var.jama_user_password

  jira_api_token_version     = var.jira_api_token_version
  jama_user_password_version = var.jama_user_password_version
  sync_schedule              = "0 0/15 8-18 ? * MON-FRI"
}

output "schedule" {
  value = module.jira_sync.schedule
}
