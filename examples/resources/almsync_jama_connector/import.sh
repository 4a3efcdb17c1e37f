# By id:
terraform import almsync_jama_connector.production 42

# By name (compared without regard to case):
terraform import almsync_jama_connector.production "name=Production Jama"
