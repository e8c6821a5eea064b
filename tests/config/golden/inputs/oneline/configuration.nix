{ networking.hostName = "tiny"; }
