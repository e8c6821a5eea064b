a: a !=
