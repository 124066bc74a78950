"""The link checker (awesomelint/links/) against local servers and mocked transports."""
