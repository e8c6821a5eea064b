// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

/** Whole-file reads and writes for tests that set up or check a configuration's files byte for byte. */
namespace TestFiles
{

/// The bytes of @p path; empty when it cannot be read.
[[nodiscard]] QByteArray readBytes(const QString &path);

/// Replaces @p path with @p bytes (not atomically: tests write scratch files); whether all were written.
[[nodiscard]] bool writeBytes(const QString &path, const QByteArray &bytes);

} // namespace TestFiles
