# alpha: a desktop.
{ config, lib, pkgs, ... }:
{
  imports = [ ./hardware.nix ];

  networking.hostName = "alpha";
}
