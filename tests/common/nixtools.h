// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/**
 * Runs the real Nix commands that tests check Snowpane against. A test that
 * needs Nix calls requireNix() and fails with its message when Nix is not
 * there: such tests never skip.
 */
namespace NixTools
{

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    [[nodiscard]] bool ok() const
    {
        return exitCode == 0;
    }
};

/// Empty when nix-build, nix-store, nix-env, nix-instantiate and nix are all on PATH; else why not.
[[nodiscard]] QString requireNix();

/// Runs @p program with @p arguments and @p input on stdin, waiting at most @p timeoutMs.
[[nodiscard]] Run run(const QString &program, const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 300000);

/// `nix-instantiate --eval --strict --json --expr EXPR`; the JSON text, or an empty array on failure.
[[nodiscard]] Run evalJson(const QString &expression);

/**
 * Builds the attributes of the Nix file @p nixFile with nix-build
 * (`--no-out-link`) and returns the output paths in attribute order, or an
 * empty list and @p error set.
 */
[[nodiscard]] QStringList build(const QString &nixFile, const QStringList &attributes, QString *error);

/// The Nix source of a file that defines `mkPkg`, a tiny /bin/sh derivation with references, for tests to import.
[[nodiscard]] QByteArray packageHelpers();

} // namespace NixTools
