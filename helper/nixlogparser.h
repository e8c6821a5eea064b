// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace Snowpane::Helper
{

/** An error Nix reported, with its position when Nix knew one. */
struct NixError {
    QString message;
    QString file;
    int line = 0;
    int column = 0;
};

enum class NixPhase {
    Evaluating,
    Building,
    Fetching,
    Activating,
};

[[nodiscard]] QString phaseName(NixPhase phase);

/** What a person watching a rebuild wants to see, in numbers. */
struct NixProgress {
    NixPhase phase = NixPhase::Evaluating;
    qint64 derivationsDone = 0;
    qint64 derivationsExpected = 0;
    qint64 bytesDone = 0;
    qint64 bytesExpected = 0;
    QString activity;
    QStringList recentLines;
    std::optional<NixError> error;

    /** The map sent with HelperSupport::progressStep(), keyed as in helperprotocol.h. */
    [[nodiscard]] QVariantMap toVariantMap() const;
};

/**
 * Reads Nix's `--log-format internal-json` stream line by line: `@nix {...}`
 * start, stop, result and msg records (the format of Nix's JSONLogger), and
 * plain lines from builders or tools that write to stderr directly. It keeps
 * the running activities and turns them into NixProgress. Malformed lines
 * are kept as log lines; nothing in the stream can make it fail.
 */
class NixLogParser
{
public:
    static constexpr int MaxRecentLines = 40;
    static constexpr qsizetype MaxLineChars = 2000;

    void feedLine(QByteArrayView line);
    [[nodiscard]] const NixProgress &progress() const
    {
        return m_progress;
    }
    void setPhase(NixPhase phase)
    {
        m_progress.phase = phase;
    }
    /** Adds a line of the helper's own (an activation's output, for example). */
    void addLogLine(const QString &line);

private:
    struct Activity {
        int type = 0;
        QString text;
        qint64 done = 0;
        qint64 expected = 0;
        bool running = true;
        qint64 order = 0;
    };

    void handle(const QVariantMap &record);
    void recompute();

    QHash<qint64, Activity> m_activities;
    QHash<qint64, qint64> m_expectedTransferBytes; // per activity that announced it, by resSetExpected
    qint64 m_nextOrder = 0;
    bool m_realising = false;
    NixProgress m_progress;
};

/** Removes ANSI colour escapes, which Nix puts in messages even in JSON. */
[[nodiscard]] QString stripAnsi(const QString &text);

}
