# SPDX-FileCopyrightText: 2026 Snowpane contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `programs.snowpane.enable = true;` installs Snowpane and registers its
# privileged helper: the D-Bus system service that activates it as root and
# the polkit actions that authorise each operation. The helper's own settings
# keep their NixOS defaults (/etc/nixos, /nix/var/nix/profiles/system, the
# system's Nix); this module writes no /etc/snowpane/helper.conf.
{
  config,
  lib,
  pkgs,
  ...
}:

let
  cfg = config.programs.snowpane;
in
{
  options.programs.snowpane = {
    enable = lib.mkEnableOption "Snowpane, a graphical settings application for NixOS";

    package = lib.mkOption {
      type = lib.types.package;
      default = pkgs.callPackage ./package.nix { };
      defaultText = lib.literalExpression "pkgs.callPackage ./packaging/nixos/package.nix { }";
      description = "The Snowpane package to install, with its KAuth helper.";
    };
  };

  config = lib.mkIf cfg.enable {
    environment.systemPackages = [ cfg.package ];

    # share/dbus-1/system.d/io.github.snowpane.conf and
    # share/dbus-1/system-services/io.github.snowpane.service: the bus lets
    # only root own the name and starts the helper on the first request.
    services.dbus.packages = [ cfg.package ];

    # share/polkit-1/actions/io.github.snowpane.policy reaches polkitd through
    # the system profile, which the polkit module links share/polkit-1 into.
    security.polkit.enable = true;
    environment.pathsToLink = [ "/share/polkit-1" ];

    # Activation runs under systemd-run and Nix comes from the system path;
    # both are there on every NixOS system, so nothing else is needed.
    assertions = [
      {
        assertion = config.nix.enable;
        message = "programs.snowpane needs Nix on the system (nix.enable) to build and switch configurations.";
      }
    ];
  };
}
