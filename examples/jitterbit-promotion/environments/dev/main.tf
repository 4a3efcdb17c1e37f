# The dev root: the shared module with the values of Harmony environment
# 201 (Development). Credentials come from the environment of the pipeline,
# never from files:
#   JITTERBIT_USERNAME, JITTERBIT_PASSWORD, JITTERBIT_URL   (provider)
#   TF_VAR_jsm_api_token                                    (ephemeral input)

variable "project_guid" {
  description = "GUID of the Integration Studio project that holds the connection."
  type        = string
  default     = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
}

variable "jsm_api_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

# Bump to send a rotated token (TF_VAR_jsm_api_token_version=2).
variable "jsm_api_token_version" {
  type    = number
  default = 1
}

module "jsm_variables" {
  source = "../../modules/jsm-project-variables"

  environment_id        = "201"
  project_guid          = var.project_guid
  jsm_url               = "https://acme-dev.atlassian.net"
  jsm_user              = "jsm-dev@example.com"
  jsm_api_token         = var.jsm_api_token
  jsm_api_token_version = var.jsm_api_token_version
}

output "project_name" {
  value = module.jsm_variables.project_name
}
