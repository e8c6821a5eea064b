{ config, pkgs, ... }:
{
  imports = [
    ./modules
    <nixpkgs/nixos/modules/profiles/minimal.nix>
  ];

  networking.hostName = "chained";
}
