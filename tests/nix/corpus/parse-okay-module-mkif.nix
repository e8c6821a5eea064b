{ config, lib, pkgs, ... }:
with lib;
let
  cfg = config.services.foo;
in {
  options.services.foo = {
    enable = mkEnableOption "foo";
    port = mkOption {
      type = types.port;
      default = 8080;
      description = ''
        The port to listen on.
      '';
    };
  };
  config = mkIf cfg.enable {
    systemd.services.foo = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig.ExecStart = "${pkgs.hello}/bin/hello --port ${toString cfg.port}";
    };
  };
}
