# <sync_id>/<mapping_id>:
terraform import almsync_aqua_value_mapping.resolution 3/4
