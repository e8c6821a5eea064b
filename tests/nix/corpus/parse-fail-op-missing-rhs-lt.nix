a: a <
