a: >= a
