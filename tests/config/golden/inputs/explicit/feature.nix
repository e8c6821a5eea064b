{ config, lib, pkgs, ... }:

{
  options.local.feature.enable = lib.mkEnableOption "the feature";

  config = lib.mkIf true {
    services.printing.enable = true;
    environment.systemPackages = [ pkgs.hello ];
  };
}
