a: a <=
