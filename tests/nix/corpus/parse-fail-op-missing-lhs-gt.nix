a: > a
