{ pkgs, ... }:
{
  networking.hostName = "broken"
  services.openssh.enable = true;
}
