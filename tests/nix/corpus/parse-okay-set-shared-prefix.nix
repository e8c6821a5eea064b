{ users.users.x = 1; users.groups.x = 2; }
