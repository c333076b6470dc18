print("memgate: not yet implemented")
