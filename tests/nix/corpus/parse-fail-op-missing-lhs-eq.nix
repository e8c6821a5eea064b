a: == a
