{ config, lib, pkgs, ... }:

{
  networking.hostName = "nopkgs";
}
