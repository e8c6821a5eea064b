a: - a
