// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The part of applying that differs for a configuration the person owns:
// the window saves and commits it as them, and the helper only builds.

#include "Changes/systemactions.h"
#include "Changes/usersave.h"
#include "Common/configurationsession.h"
#include "Settings/configurationplace.h"
#include "uilogging.h"

using namespace Qt::StringLiterals;

bool SystemActions::saveAsUserIfTheirs()
{
    ConfigurationSession *session = ConfigurationSession::self();
    const auto decision = Snowpane::Ui::ConfigurationPlace::decide(session->directory());
    const auto refuse = [this](const QString &details) {
        m_title = tr("Saving the configuration");
        m_errorDetails = details;
        fail(tr("The configuration could not be saved."));
        return false;
    };
    if (decision.writer == Snowpane::Config::Writer::Refused) {
        return refuse(decision.reason);
    }
    if (const QString refusal = Snowpane::Ui::untrackedRefusal(*session); !refusal.isEmpty()) {
        return refuse(refusal);
    }
    if (decision.writer == Snowpane::Config::Writer::Helper) {
        return true;
    }
    m_title = tr("Saving the configuration");
    clearResult();
    setStage(Stage::Saving);
    const Snowpane::Ui::UserSave saved = Snowpane::Ui::saveAsUser(*session);
    if (!saved.error.isEmpty()) {
        qCWarning(SNOWPANE_UI) << "saving as the user failed:" << saved.error;
        refuse(saved.error);
        return false;
    }
    m_userCommit = saved.commit.isEmpty() ? saved.savedBefore : saved.commit;
    // A failed build can be taken back: Revert restores this commit, as the person (restoreAsUserIfTheirs).
    m_commitBeforeSave = saved.savedBefore;
    session->reload();
    rebuild();
    return false;
}

void SystemActions::noteUserBuild(const QVariantMap &result)
{
    const int generation = result.value(u"generation"_s).toInt();
    const QString storePath = result.value(u"storePath"_s).toString();
    if (m_userCommit.isEmpty() || generation <= 0 || storePath.isEmpty()) {
        return;
    }
    // The helper never writes in the person's directory, so the note linking generation and commit is made here, as them.
    if (const QString error = Snowpane::Ui::noteUserGeneration(ConfigurationSession::self()->directory(), m_userCommit, generation, storePath);
        !error.isEmpty()) {
        qCWarning(SNOWPANE_UI) << "cannot note generation" << generation << "on" << m_userCommit << ":" << error;
    }
}

bool SystemActions::restoreAsUserIfTheirs(const QString &commit)
{
    ConfigurationSession *session = ConfigurationSession::self();
    if (Snowpane::Ui::ConfigurationPlace::decide(session->directory()).writer != Snowpane::Config::Writer::User) {
        return false;
    }
    // A git operation in the person's own repository: done here, as them; the helper never writes there.
    m_title = tr("Restoring the configuration of %1").arg(commit.left(8));
    clearResult();
    setStage(Stage::Restoring);
    if (const QString error = Snowpane::Ui::restoreAsUser(session->directory(), commit); !error.isEmpty()) {
        qCWarning(SNOWPANE_UI) << "restoring as the user failed:" << error;
        m_errorDetails = error;
        fail(tr("The configuration could not be restored."));
        return true;
    }
    session->reload();
    m_resultText = tr("The configuration files were restored and committed. Apply them to build a system from them.");
    setStage(Stage::Succeeded);
    Q_EMIT systemChanged();
    return true;
}
