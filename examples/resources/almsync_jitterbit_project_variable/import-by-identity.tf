# Terraform 1.12 and later: by the resource identity, whose id is the
# variable's name (case-sensitive); environment_id defaults to the
# provider's.
import {
  to = almsync_jitterbit_project_variable.jsm_api_token
  identity = {
    id             = "jsm_api_token"
    environment_id = "201"
    project_guid   = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  }
}
