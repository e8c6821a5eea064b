a: || a
