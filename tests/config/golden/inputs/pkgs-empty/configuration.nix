{ config, lib, pkgs, ... }:

{
  environment.systemPackages = [ ];
}
