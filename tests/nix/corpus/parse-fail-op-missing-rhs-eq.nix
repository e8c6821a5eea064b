a: a ==
