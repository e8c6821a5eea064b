a: a ++
