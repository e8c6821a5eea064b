{
  imports = [ ./a.nix ];
  services.printing.enable = true;
}
