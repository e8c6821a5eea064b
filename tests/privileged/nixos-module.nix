# SPDX-FileCopyrightText: 2026 Snowpane contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Evaluates packaging/nixos/module.nix in the stand-in NixOS module system
# (tests/fixtures) together with the demo configuration. The stand-in lacks
# services.dbus, security.polkit and nix, so their options are declared here
# as NixOS declares them. Prints true when every expectation holds; a failed
# one throws with its name. A stand-in package replaces Snowpane's, which
# needs the real nixpkgs to build.
let
  nixpkgs = ../fixtures/nixpkgs;
  lib = import (nixpkgs + "/lib");
  pkgs = import nixpkgs { config.allowUnfree = true; }; # as the demo configuration says
  fakeSnowpane = derivation {
    name = "snowpane-0.1.0";
    system = builtins.currentSystem;
    builder = "/bin/sh";
    args = [ "-c" "echo > $out" ];
  };
  nixosOptions = {
    # The stand-in's package set has no callPackage, which the module's default uses.
    config._module.args.pkgs = lib.mkForce (pkgs // { callPackage = _: _: fakeSnowpane; });
    options = {
      services.dbus.packages = lib.mkOption {
        type = lib.types.listOf lib.types.path;
        default = [ ];
      };
      security.polkit.enable = lib.mkOption {
        type = lib.types.bool;
        default = false;
      };
      nix.enable = lib.mkOption {
        type = lib.types.bool;
        default = true;
      };
    };
  };
  evaluate =
    extra:
    import (nixpkgs + "/nixos/lib/eval-config.nix") {
      system = builtins.currentSystem;
      modules = [
        ../fixtures/demo/configuration.nix
        ../../packaging/nixos/module.nix
        nixosOptions
        extra
      ];
    };
  enabled = (evaluate { programs.snowpane.enable = true; }).config;
  disabled = (evaluate { }).config;
  inHome =
    (evaluate {
      programs.snowpane = {
        enable = true;
        configuration = "/home/alice/nixos-config";
        host = "laptop";
      };
    }).config;
  failedAssertions = config: builtins.filter (a: !a.assertion) config.assertions;
  refuses =
    settings: failedAssertions (evaluate { programs.snowpane = { enable = true; } // settings; }).config != [ ];
  helperConf = config: config.environment.etc."snowpane/helper.conf";
  lines = config: lib.splitString "\n" (helperConf config).text;
  expect = name: condition: if condition then true else throw "expectation failed: ${name}";
in
builtins.all (x: x) [
  (expect "the package is installed" (builtins.elem fakeSnowpane enabled.environment.systemPackages))
  (expect "D-Bus gets the helper's files" (enabled.services.dbus.packages == [ fakeSnowpane ]))
  (expect "polkit is on" enabled.security.polkit.enable)
  (expect "polkit actions are linked" (builtins.elem "/share/polkit-1" enabled.environment.pathsToLink))
  (expect "the system still builds" (lib.isDerivation enabled.system.build.toplevel && builtins.isString enabled.system.build.toplevel.drvPath))
  (expect "helper.conf is a copied file, root's, not a link into the store" ((helperConf enabled).mode == "0644"))
  (expect "the default configuration is /etc/nixos" (builtins.elem "ConfigurationDirectory=/etc/nixos" (lines enabled)))
  (expect "the default host is networking.hostName" (builtins.elem "Host=${enabled.networking.hostName}" (lines enabled)))
  (expect "the host name is the demo's" (enabled.networking.hostName == "snowpane-demo"))
  (expect "a configuration in a home directory" (builtins.elem "ConfigurationDirectory=/home/alice/nixos-config" (lines inHome)))
  (expect "a chosen host" (builtins.elem "Host=laptop" (lines inHome)))
  (expect "the keys are in their sections" (lib.take 5 (lines inHome) == [
    "# Written by the NixOS module (programs.snowpane); change it there."
    "[Paths]"
    "ConfigurationDirectory=/home/alice/nixos-config"
    "[Configuration]"
    "Host=laptop"
  ]))
  (expect "valid settings pass the assertions" (failedAssertions inHome == [ ]))
  (expect "a relative configuration is refused" (refuses { configuration = "nixos-config"; }))
  (expect "a configuration with .. is refused" (refuses { configuration = "/home/alice/../bob/cfg"; }))
  (expect "a host that is not a name is refused" (refuses { host = "laptop\".config"; }))
  (expect "a host that is an option is refused" (refuses { host = "-laptop"; }))
  (expect "the helper settings end up in /etc" (lib.isDerivation enabled.system.build.etc))
  (expect "disabled does nothing" (!(builtins.elem fakeSnowpane disabled.environment.systemPackages) && disabled.services.dbus.packages == [ ]))
  (expect "disabled writes no helper.conf" (!(disabled.environment.etc ? "snowpane/helper.conf")))
  (expect "the option is documented" ((evaluate { }).options.programs.snowpane.enable.description != ""))
  (expect "the configuration option is documented" ((evaluate { }).options.programs.snowpane.configuration.description != ""))
  (expect "the host option is documented" ((evaluate { }).options.programs.snowpane.host.description != ""))
]
