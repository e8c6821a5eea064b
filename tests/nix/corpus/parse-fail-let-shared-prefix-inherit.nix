let inherit ({ a = 1; }) a; a.b = 1; in a
