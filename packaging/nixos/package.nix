# SPDX-FileCopyrightText: 2026 Snowpane contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Snowpane as a nixpkgs package: `pkgs.callPackage ./package.nix { }`.
# The KAuth helper, its D-Bus policy and activation file, and the polkit
# actions land under $out, where nixpkgs' KAuth puts them (its CMake paths are
# patched to follow CMAKE_INSTALL_PREFIX), and the NixOS module links them
# into the system.
{
  lib,
  stdenv,
  cmake,
  ninja,
  pkg-config,
  kdePackages,
  qt6,
  libgit2,
  simdjson,
  sqlite,
}:

stdenv.mkDerivation {
  pname = "snowpane";
  version = "0.1.0";

  src = lib.cleanSourceWith {
    src = ../..;
    filter =
      path: type:
      let
        base = baseNameOf path;
      in
      !(lib.hasPrefix "build" base && type == "directory") && base != ".cache";
  };

  nativeBuildInputs = [
    cmake
    ninja
    pkg-config
    kdePackages.extra-cmake-modules
    qt6.wrapQtAppsHook
  ];

  buildInputs = [
    qt6.qtbase
    qt6.qtdeclarative
    qt6.qtsvg
    kdePackages.kauth
    kdePackages.kconfig
    kdePackages.kcoreaddons
    kdePackages.ki18n
    kdePackages.kirigami
    kdePackages.syntax-highlighting
    kdePackages.polkit-qt-1
    kdePackages.qqc2-desktop-style
    libgit2
    simdjson
    sqlite
  ];

  # The tests need a system bus, polkitd and the stand-in system; they run in
  # the project's build root (tools/dev test), not in the Nix sandbox.
  cmakeFlags = [ (lib.cmakeBool "BUILD_TESTING" false) ];

  meta = {
    description = "Settings for NixOS: options, packages and generations, applied through Nix";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.linux;
    mainProgram = "snowpane";
  };
}
