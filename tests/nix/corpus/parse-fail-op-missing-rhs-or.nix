a: a ||
