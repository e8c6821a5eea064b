# beta: a desktop. Its arguments do not name `pkgs`.
{ config, ... }:
{
  networking.hostName = "beta";
  services.tailscale.enable = true;
}
