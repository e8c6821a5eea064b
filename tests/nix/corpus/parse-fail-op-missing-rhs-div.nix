a: a /
