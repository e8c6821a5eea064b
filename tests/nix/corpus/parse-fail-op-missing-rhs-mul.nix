a: a *
