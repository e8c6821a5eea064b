// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "nixtools.h"

#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace NixTools
{

QString requireNix()
{
    QStringList missing;
    for (const QString &program : {u"nix-build"_s, u"nix-store"_s, u"nix-env"_s, u"nix-instantiate"_s, u"nix"_s}) {
        if (QStandardPaths::findExecutable(program).isEmpty()) {
            missing.append(program);
        }
    }
    if (missing.isEmpty()) {
        return {};
    }
    return u"This test needs real Nix, and %1 is not on PATH. Run it in the build root: tools/dev exec ctest --test-dir BUILD_DIR"_s.arg(missing.join(u", "_s));
}

Run run(const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted()) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

Run evalJson(const QString &expression)
{
    return run(u"nix-instantiate"_s, {u"--eval"_s, u"--strict"_s, u"--json"_s, u"--expr"_s, expression});
}

QStringList build(const QString &nixFile, const QStringList &attributes, QString *error)
{
    QStringList arguments{u"--no-out-link"_s, nixFile};
    for (const QString &attribute : attributes) {
        arguments << u"-A"_s << attribute;
    }
    const Run result = run(u"nix-build"_s, arguments);
    if (!result.ok()) {
        *error = u"nix-build %1 failed: %2"_s.arg(arguments.join(u' '), QString::fromUtf8(result.err));
        return {};
    }
    QStringList paths;
    for (const QByteArray &line : result.out.split('\n')) {
        if (!line.isEmpty()) {
            paths.append(QString::fromUtf8(line));
        }
    }
    if (paths.size() != attributes.size()) {
        *error = u"nix-build printed %1 paths for %2 attributes"_s.arg(paths.size()).arg(attributes.size());
        return {};
    }
    return paths;
}

QByteArray packageHelpers()
{
    // A package is a directory whose file "deps" names its dependencies, so
    // that Nix's reference scan records them; "size" bytes of padding make
    // NAR sizes differ. A system has an sw directory of links, like NixOS.
    return R"nix(
rec {
  # The builders use the host's coreutils; tests run with the sandbox off.
  mkPkg = { pname, version ? null, deps ? [ ], size ? 0 }:
    derivation {
      name = if version == null then pname else "${pname}-${version}";
      system = builtins.currentSystem;
      PATH = "/usr/bin:/bin";
      builder = "/bin/sh";
      args = [ "-c" ''
        mkdir $out
        echo "${toString deps}" > $out/deps
        head -c ${toString size} /dev/zero > $out/pad
      '' ];
    };
  mkSw = { pkgs, revision }:
    derivation {
      name = "system-path";
      system = builtins.currentSystem;
      PATH = "/usr/bin:/bin";
      builder = "/bin/sh";
      args = [ "-c" ''
        mkdir -p $out/bin
        for p in ${toString pkgs}; do echo $p >> $out/packages; done
        printf '#!/bin/sh\nif [ "$1" = --configuration-revision ]; then echo "%s"; else echo 26.05; fi\n' "${revision}" > $out/bin/nixos-version
        chmod +x $out/bin/nixos-version
      '' ];
    };
  mkSystem = { generation, pkgs, extra ? [ ], nixosVersion ? "26.05.${toString generation}", kernel ? "6.6.1", revision ? "" }:
    let sw = mkSw { inherit pkgs revision; }; in
    derivation {
      name = "nixos-system-demo-${nixosVersion}";
      system = builtins.currentSystem;
      PATH = "/usr/bin:/bin";
      builder = "/bin/sh";
      args = [ "-c" ''
        mkdir -p $out/kernel-modules/lib/modules/${kernel}
        ln -s ${sw} $out/sw
        printf "${nixosVersion}" > $out/nixos-version
        echo "${toString extra}" > $out/extra
      '' ];
    };
}
)nix";
}

} // namespace NixTools
