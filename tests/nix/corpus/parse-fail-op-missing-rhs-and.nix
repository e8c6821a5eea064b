a: a &&
