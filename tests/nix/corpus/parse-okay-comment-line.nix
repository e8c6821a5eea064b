# hello
1