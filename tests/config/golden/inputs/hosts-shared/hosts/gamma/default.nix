# gamma: a server, no desktop.
{ lib, ... }:
{
  networking.hostName = "gamma";
  services.openssh.enable = true;
  services.nginx.enable = true;
}
