# <sync_id>/<mapping_id>:
terraform import almsync_aqua_field_mapping.jira_key 3/12
