# SPDX-FileCopyrightText: 2026 Snowpane contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Snowpane for NixOS users: the package, an overlay, and the NixOS module
# (programs.snowpane.enable). `nixpkgs` is resolved through the flake
# registry, so this file names no source to download from.
{
  description = "Snowpane: a KDE settings application for NixOS";

  outputs =
    { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;
      systems = [
        "x86_64-linux"
        "aarch64-linux"
      ];
      forAllSystems = f: lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: rec {
        snowpane = pkgs.callPackage ./packaging/nixos/package.nix { };
        default = snowpane;
      });

      # `nix develop`, then `tools/dev test`: tools/dev sees IN_NIX_SHELL and
      # builds natively with what this shell provides (the package's inputs,
      # and the programs the tests start: Nix, git, a D-Bus daemon, polkitd,
      # Xvfb, the desktop-file and AppStream checkers, sshd for second machines).
      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell {
          inputsFrom = [ self.packages.${pkgs.stdenv.hostPlatform.system}.snowpane ];
          packages = with pkgs; [
            ccache
            clang-tools
            clang
            gdb
            git
            nix
            dbus
            polkit
            xorg.xvfb
            xorg.xauth
            appstream
            desktop-file-utils
            openssh
            procps
            kdePackages.qttools
            kdePackages.qqc2-desktop-style
            kdePackages.breeze-icons
          ];
          QT_QPA_PLATFORM = "offscreen";
        };
      });

      overlays.default = final: prev: {
        snowpane = final.callPackage ./packaging/nixos/package.nix { };
      };

      nixosModules = {
        snowpane =
          { pkgs, ... }:
          {
            imports = [ ./packaging/nixos/module.nix ];
            programs.snowpane.package = lib.mkDefault self.packages.${pkgs.stdenv.hostPlatform.system}.snowpane;
          };
        default = self.nixosModules.snowpane;
      };
    };
}
