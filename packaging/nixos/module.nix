# SPDX-FileCopyrightText: 2026 Snowpane contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `programs.snowpane.enable = true;` installs Snowpane and registers its
# privileged helper: the D-Bus system service that activates it as root and
# the polkit actions that authorise each operation. Where the configuration
# lives (`programs.snowpane.configuration`, a flake directory or a directory
# with configuration.nix) and which host of a flake this machine runs
# (`programs.snowpane.host`) go into /etc/snowpane/helper.conf, which the
# helper builds from and the window reads; every other helper setting keeps
# its NixOS default (/nix/var/nix/profiles/system, the system's Nix).
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

    configuration = lib.mkOption {
      type = lib.types.str;
      default = "/etc/nixos";
      example = "/home/alice/nixos-config";
      description = ''
        The directory of the configuration Snowpane edits and builds: a
        flake (with flake.nix) or a directory with configuration.nix. A
        directory owned by root is written by the privileged helper; one
        owned by a user is written by Snowpane running as that user, with
        their own git identity, and the helper only builds from it, as
        `sudo nixos-rebuild --flake DIR#HOST` does. It must be an absolute
        path to a real directory (not a link) that only its owner may write.
      '';
    };

    host = lib.mkOption {
      type = lib.types.str;
      default = config.networking.hostName;
      defaultText = lib.literalExpression "config.networking.hostName";
      example = "laptop";
      description = "The `nixosConfigurations` host of a flake configuration that this machine runs.";
    };
  };

  config = lib.mkIf cfg.enable {
    environment.systemPackages = [ cfg.package ];

    # Copied, not linked into the store: the helper reads only a regular file owned by root and writable by root alone.
    environment.etc."snowpane/helper.conf" = {
      mode = "0644";
      text = ''
        # Written by the NixOS module (programs.snowpane); change it there.
        [Paths]
        ConfigurationDirectory=${cfg.configuration}
        [Configuration]
        Host=${cfg.host}
      '';
    };

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
        assertion = lib.hasPrefix "/" cfg.configuration && !(lib.elem ".." (lib.splitString "/" cfg.configuration));
        message = "programs.snowpane.configuration must be an absolute path without '..', not \"${cfg.configuration}\".";
      }
      {
        assertion = builtins.match "[A-Za-z0-9._][A-Za-z0-9._-]*" cfg.host != null && cfg.host != "." && cfg.host != "..";
        message = "programs.snowpane.host must be a host name (letters, digits, '.', '_' and '-'), not \"${cfg.host}\".";
      }
      {
        assertion = config.nix.enable;
        message = "programs.snowpane needs Nix on the system (nix.enable) to build and switch configurations.";
      }
    ];
  };
}
