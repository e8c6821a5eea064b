# delta: written out in the flake, not made by mkHost.
{ pkgs, ... }:
{
  networking.hostName = "delta";
  environment.systemPackages = [ pkgs.htop ];
}
