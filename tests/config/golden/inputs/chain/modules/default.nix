{
  imports = [ ./ssh.nix ./users.nix ];
}
