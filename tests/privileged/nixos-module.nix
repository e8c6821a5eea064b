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
  expect = name: condition: if condition then true else throw "expectation failed: ${name}";
in
builtins.all (x: x) [
  (expect "the package is installed" (builtins.elem fakeSnowpane enabled.environment.systemPackages))
  (expect "D-Bus gets the helper's files" (enabled.services.dbus.packages == [ fakeSnowpane ]))
  (expect "polkit is on" enabled.security.polkit.enable)
  (expect "polkit actions are linked" (builtins.elem "/share/polkit-1" enabled.environment.pathsToLink))
  (expect "the system still builds" (lib.isDerivation enabled.system.build.toplevel && builtins.isString enabled.system.build.toplevel.drvPath))
  (expect "no helper.conf is written" (!(enabled.environment.etc ? "snowpane/helper.conf")))
  (expect "disabled does nothing" (!(builtins.elem fakeSnowpane disabled.environment.systemPackages) && disabled.services.dbus.packages == [ ]))
  (expect "the option is documented" ((evaluate { }).options.programs.snowpane.enable.description != ""))
]
