a: a >=
