a: a //
