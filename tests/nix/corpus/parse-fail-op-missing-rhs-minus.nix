a: a -
