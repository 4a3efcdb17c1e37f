# By environment, project GUID and variable name (case-sensitive). Terraform
# cannot read the value back (null after the import), so the first apply
# sends the configured one.
import {
  to = almsync_jitterbit_project_variable.jsm_api_token
  id = "201/9a87b6c5-a1b2-34c5-6d7e-123456a7b001/jsm_api_token"
}
