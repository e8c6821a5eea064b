# What every host has.
{ lib, pkgs, ... }:
{
  imports = [ ./users.nix ];

  boot.loader.systemd-boot.enable = true;

  time.timeZone = "Europe/Amsterdam";
  i18n.defaultLocale = "en_US.UTF-8";

  networking.firewall.enable = true;
  services.fwupd.enable = lib.mkForce true;

  environment.systemPackages = with pkgs; [ git vim ];

  system.stateVersion = "24.11";
}
