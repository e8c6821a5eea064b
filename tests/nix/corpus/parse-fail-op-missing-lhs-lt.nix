a: < a
