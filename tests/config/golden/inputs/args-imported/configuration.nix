{ config, pkgs, ... }:

{
  imports = [ ./tools.nix ];
  networking.hostName = "imported";
}
