# By environment, project GUID and variable name (case-sensitive). The value
# stays unknown to Terraform (null) until the configuration sets it.
terraform import almsync_jitterbit_project_variable.jsm_api_token "201/9a87b6c5-a1b2-34c5-6d7e-123456a7b001/jsm_api_token"
