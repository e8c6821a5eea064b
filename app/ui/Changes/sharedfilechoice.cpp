// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Changes/sharedfilechoice.h"

#include "Common/configurationsession.h"

#include <QCoreApplication>
#include <QLocale>

SharedFileChoice withMessage(SharedFileChoice choice)
{
    const QString others = QLocale().createSeparatedList(choice.otherHosts);
    const int count = int(choice.otherHosts.size());
    QString message =
        QCoreApplication::translate("SharedFileChoice", "%1 is shared: host(s) %2 use it too, so changing it there changes them as well.", nullptr, count)
            .arg(choice.file, others);
    message += u' ';
    message += choice.overridable
        ? QCoreApplication::translate("SharedFileChoice", "Change it for all of them, or override it for %1 only, in %2?").arg(choice.host, choice.ownFile)
        : QCoreApplication::translate("SharedFileChoice", "Change it for all of them?");
    choice.message = message;
    return choice;
}

// The session's side of the choice: the refused operation waits, and is planned again with the reach the person chose.
QString ConfigurationSession::askSharedChoice(const Snowpane::Config::Operation &operation,
                                              const Snowpane::Config::EditResult::SharedFile &shared,
                                              const QString &description)
{
    QStringList others;
    for (const std::string &host : shared.otherHosts) {
        others.append(QString::fromStdString(host));
    }
    m_sharedOperation = operation;
    m_sharedChoice = withMessage({true,
                                  description,
                                  relativeName(shared.path),
                                  flakeHost(),
                                  others,
                                  shared.overridable,
                                  shared.ownFile.empty() ? QString() : relativeName(shared.ownFile),
                                  {}});
    Q_EMIT sharedChoiceChanged();
    return m_sharedChoice.message;
}

QString ConfigurationSession::resolveSharedChoice(Snowpane::Config::Operation::Reach reach)
{
    if (!m_sharedOperation) {
        return QCoreApplication::translate("ConfigurationSession", "No change is waiting for a choice.");
    }
    Snowpane::Config::Operation operation = *m_sharedOperation;
    operation.reach = reach;
    // A refusal keeps the choice open, so that the other answer can still be given.
    QString refusal = add(operation);
    if (refusal.isEmpty()) {
        dismissSharedChoice();
    }
    return refusal;
}

QString ConfigurationSession::changeForAllHosts()
{
    return resolveSharedChoice(Snowpane::Config::Operation::Reach::AllHosts);
}

QString ConfigurationSession::overrideForThisHost()
{
    if (!m_sharedChoice.overridable) {
        return QCoreApplication::translate("ConfigurationSession", "This change cannot be made for one host alone.");
    }
    return resolveSharedChoice(Snowpane::Config::Operation::Reach::OverrideForHost);
}

void ConfigurationSession::dismissSharedChoice()
{
    if (!m_sharedOperation && !m_sharedChoice.pending) {
        return;
    }
    m_sharedOperation.reset();
    m_sharedChoice = {};
    Q_EMIT sharedChoiceChanged();
}
