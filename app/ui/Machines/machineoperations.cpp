// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Machines page's operations: build, deploy, roll back, generations.
// Each runs through the remote engine on a worker thread (or DeployJob's own)
// and reports to the progress rows on the GUI thread.

#include "Machines/machinescontroller.h"

#include "Machines/machinetexts.h"
#include "deployjob.h"
#include "remotegenerations.h"
#include "uilogging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;
using namespace Snowpane::Ui;

namespace
{

/// Runs @p work on the GUI thread of @p self, if it still exists.
template<typename Work>
void post(const QPointer<MachinesController> &self, Work work)
{
    QMetaObject::invokeMethod(
        qApp,
        [self, work = std::move(work)] {
            if (self) {
                work(self.data());
            }
        },
        Qt::QueuedConnection);
}

struct NarSizes {
    qint64 total = 0;
    /// How many of the paths Nix gave a size for.
    qsizetype known = 0;
    QString error;
};

/// The NAR sizes of @p paths from the local store: `nix path-info --json` (an object by path since Nix 2.19, a list before).
NarSizes narSizesOf(const QStringList &paths, const SshSettings &settings)
{
    NarSizes sizes;
    const ProcessResult info = runProcess(settings.nixProgram, QStringList{u"path-info"_s, u"--json"_s} + paths, settings.environment, 60000);
    const QJsonDocument document = QJsonDocument::fromJson(info.standardOutput);
    const auto add = [&sizes](const QJsonValue &value) {
        const QJsonValue size = value.toObject().value(u"narSize"_s);
        if (size.isDouble()) {
            sizes.total += size.toInteger();
            ++sizes.known;
        }
    };
    if (document.isObject()) {
        for (const QJsonValue &value : document.object()) {
            add(value);
        }
    } else {
        for (const QJsonValue &value : document.array()) {
            add(value);
        }
    }
    if (!info.succeeded() || sizes.known != paths.size()) {
        sizes.error = info.errorText().isEmpty() ? u"nix path-info gave sizes of %1 of %2 paths"_s.arg(sizes.known).arg(paths.size()) : info.errorText();
    }
    return sizes;
}

/// A row's end, from a deployment's or a generation switch's result; @p done is what success says.
template<typename Result>
void finishRow(MachineProgress &row, const QString &host, const Result &result, const QString &done)
{
    row.finished = true;
    row.problem = MachineTexts::problemOf(result.outcome, result.error);
    row.succeeded = row.problem == MachineProblem::None;
    row.detail = result.message;
    row.rollbackConfirmed = row.succeeded && result.rollbackScheduled;
    if (row.rollbackConfirmed && row.detail.isEmpty()) {
        row.detail = MachineTexts::confirmedText(host, result.previousGeneration);
    }
    row.resultText = row.succeeded ? done : MachineTexts::problemSentence(row.problem, host);
}

} // namespace

bool MachinesController::beginOperation(const QString &title, const QStringList &hosts)
{
    if (m_running || hosts.isEmpty()) {
        return false;
    }
    m_progress->clear();
    // Size look-ups still running belong to the operation before: their answers are dropped.
    ++m_operationSerial;
    m_copies.clear();
    m_finishAfterSizes.reset();
    for (const QString &host : hosts) {
        MachineProgress row;
        row.host = host;
        row.target = m_list->machine(host).target;
        row.stepText = MachineTexts::stepText(Step::Queued);
        m_progress->setRow(row);
    }
    m_running = true;
    m_operationTitle = title;
    m_operationSummary.clear();
    m_operationSucceeded = false;
    Q_EMIT operationChanged();
    Q_EMIT operationStarted();
    return true;
}

void MachinesController::finishOperation(const QStringList &failures)
{
    const QStringList hosts = m_progress->hosts();
    m_running = false;
    m_operationSucceeded = failures.isEmpty();
    m_operationSummary = failures.isEmpty() ? tr("Every host succeeded: %1.").arg(QLocale().createSeparatedList(hosts))
                                            : tr("Did not succeed: %1.").arg(QLocale().createSeparatedList(failures));

    Q_EMIT operationChanged();
}

QStringList MachinesController::remoteHostsOf(const QStringList &hosts, QStringList &refused) const
{
    QStringList remote;
    for (const QString &host : hosts) {
        if (!m_list->contains(host)) {
            continue;
        }
        (isRemote(host) ? remote : refused).append(host);
    }
    return remote;
}

void MachinesController::build(const QStringList &hosts)
{
    const QString flakeDirectory = flake();
    QStringList known;
    for (const QString &host : hosts) {
        if (m_list->contains(host)) {
            known.append(host);
        }
    }
    if (flakeDirectory.isEmpty() || !beginOperation(tr("Building %1").arg(QLocale().createSeparatedList(known)), known)) {
        return;
    }
    auto remaining = std::make_shared<int>(int(known.size()));
    auto failures = std::make_shared<QStringList>();
    QPointer<MachinesController> self(this);
    const SshSettings settings = m_sshSettings;
    for (const QString &host : std::as_const(known)) {
        MachineProgress row = m_progress->row(host);
        row.stepText = MachineTexts::stepText(Step::Building);
        m_progress->setRow(row);
        m_pool.start([self, host, flakeDirectory, settings, remaining, failures] {
            const BuildResult built = buildHostSystem(flakeDirectory, host, settings, [self, host](const QString &line) {
                post(self, [host, line](MachinesController *controller) {
                    controller->m_progress->appendLog(host, line);
                    MachineProgress row = controller->m_progress->row(host);
                    row.line = line;
                    controller->m_progress->setRow(row);
                });
            });
            post(self, [host, built, remaining, failures](MachinesController *controller) {
                MachineProgress row = controller->m_progress->row(host);
                row.stepText = MachineTexts::stepText(Step::Finished);
                row.finished = true;
                row.succeeded = built.error.isEmpty();
                row.problem = row.succeeded ? MachineProblem::None : MachineProblem::BuildFailed;
                row.resultText = row.succeeded ? tr("Built %1").arg(built.systemPath) : MachineTexts::problemSentence(row.problem, host);
                row.detail = built.error;
                controller->m_progress->setRow(row);
                if (!row.succeeded) {
                    failures->append(host);
                }
                if (--*remaining == 0) {
                    controller->finishOperation(*failures);
                }
            });
        });
    }
}

void MachinesController::deploy(const QStringList &hosts, const QString &mode)
{
    QStringList refused;
    const QStringList remote = remoteHostsOf(hosts, refused);
    const QString flakeDirectory = flake();
    if (!modes().contains(mode) || flakeDirectory.isEmpty()
        || !beginOperation(tr("Deploying %1 (%2)").arg(QLocale().createSeparatedList(remote + refused), mode), remote + refused)) {
        return;
    }
    for (const QString &host : std::as_const(refused)) {
        MachineProgress row = m_progress->row(host);
        row.stepText = MachineTexts::stepText(Step::Finished);
        row.finished = true;
        row.problem = MachineProblem::Failed;
        row.resultText = tr("This machine is changed on the Changes page, through the helper; it was not deployed over SSH.");
        m_progress->setRow(row);
    }
    if (remote.isEmpty()) {
        finishOperation(refused);
        return;
    }
    QList<DeployRequest> requests;
    for (const QString &host : remote) {
        DeployRequest request;
        request.host = host;
        request.flake = flakeDirectory;
        request.target = targetOf(host);
        request.mode = mode;
        request.rollbackSeconds = m_rollbackSeconds;
        requests.append(request);
    }
    m_job = new DeployJob(requests, m_sshSettings, 4, this);
    connect(m_job, &DeployJob::hostChanged, this, &MachinesController::onDeployHostChanged);
    connect(m_job, &DeployJob::finished, this, &MachinesController::onDeployFinished);
    m_job->start();
}

void MachinesController::onDeployHostChanged(const QString &host)
{
    if (!m_job) {
        return;
    }
    for (const HostProgress &state : m_job->rows()) {
        if (state.host != host) {
            continue;
        }
        MachineProgress row = m_progress->row(host);
        row.stepText = MachineTexts::stepText(state.step);
        row.line = state.line;
        row.pathsCopied = int(state.copiedPaths.size());
        m_copies[host].paths = state.copiedPaths;
        lookUpCopiedSizes(host);
        row.bytesCopied = m_copies.value(host).bytes;
        row.copiedText = MachineTexts::copiedText(row.pathsCopied, row.bytesCopied);
        if (state.finished) {
            const HostResult &result = state.result;
            finishRow(row,
                      host,
                      result,
                      result.generation > 0 ? tr("Deployed: %1 runs generation %2").arg(host).arg(result.generation) : tr("Done on %1").arg(host));
        }
        m_progress->setRow(row);
        // The deployment's own lines, then what the page found out about them.
        m_progress->setLog(host, state.log + m_copies.value(host).notes);
    }
}

void MachinesController::lookUpCopiedSizes(const QString &host)
{
    CopiedPaths &copied = m_copies[host];
    // One look-up per host at a time, for every path copied since the last: each path is counted once.
    if (copied.lookingUp || copied.sized >= copied.paths.size()) {
        return;
    }
    copied.lookingUp = true;
    const QStringList batch = copied.paths.mid(copied.sized);
    const quint64 serial = m_operationSerial;
    QPointer<MachinesController> self(this);
    const SshSettings settings = m_sshSettings;
    m_pool.start([self, host, batch, serial, settings] {
        const NarSizes sizes = narSizesOf(batch, settings);
        post(self, [host, batch, serial, sizes](MachinesController *controller) {
            if (controller->m_operationSerial != serial) {
                return;
            }
            CopiedPaths &copied = controller->m_copies[host];
            copied.lookingUp = false;
            copied.sized += batch.size();
            copied.bytes += sizes.total;
            if (!sizes.error.isEmpty()) {
                const QString note = tr("The sizes of copied paths could not all be read: %1").arg(sizes.error);
                qCWarning(SNOWPANE_UI) << host << note;
                copied.notes.append(note);
                controller->m_progress->appendLog(host, note);
            }
            MachineProgress row = controller->m_progress->row(host);
            if (!row.host.isEmpty()) {
                row.bytesCopied = copied.bytes;
                row.copiedText = MachineTexts::copiedText(row.pathsCopied, row.bytesCopied);
                controller->m_progress->setRow(row);
            }
            controller->lookUpCopiedSizes(host);
            controller->finishWhenSized();
        });
    });
}

void MachinesController::finishWhenSized()
{
    if (!m_finishAfterSizes) {
        return;
    }
    for (const CopiedPaths &copied : std::as_const(m_copies)) {
        if (copied.lookingUp || copied.sized < copied.paths.size()) {
            return;
        }
    }
    const QStringList failures = *m_finishAfterSizes;
    m_finishAfterSizes.reset();
    finishOperation(failures);
}

void MachinesController::onDeployFinished()
{
    if (!m_job) {
        return;
    }
    QStringList failures;
    for (const HostProgress &state : m_job->rows()) {
        onDeployHostChanged(state.host);
        const bool done = state.result.outcome == Outcome::Done;
        recordDeployment(state.host, done, outcomeName(state.result.outcome));
        if (!done) {
            failures.append(state.host);
        }
        probe(state.host);
    }
    for (int i = 0; i < m_progress->rowCount(); ++i) {
        const MachineProgress row = m_progress->data(m_progress->index(i), MachineProgressModel::ProgressRole).value<MachineProgress>();
        if (row.finished && row.problem != MachineProblem::None && !failures.contains(row.host)) {
            failures.append(row.host);
        }
    }
    m_job->deleteLater();
    m_job.clear();
    // The sheet's "bytes copied" is final when the operation ends: the last sizes may still be looked up.
    m_finishAfterSizes = failures;
    finishWhenSized();
}

void MachinesController::rollBack(const QString &host)
{
    if (!isRemote(host)) {
        return;
    }
    // 0: the generation before the current one, found on the machine.
    switchGeneration(host, 0, false);
}

void MachinesController::switchGeneration(const QString &host, int number, bool boot)
{
    if (!isRemote(host) || number < 0) {
        return;
    }
    const QString title = number == 0 ? tr("Rolling back %1").arg(host)
        : boot                        ? tr("Making generation %1 the boot default of %2").arg(number).arg(host)
                                      : tr("Switching %1 to generation %2").arg(host).arg(number);
    if (!beginOperation(title, {host})) {
        return;
    }
    MachineProgress row = m_progress->row(host);
    row.stepText = MachineTexts::stepText(Step::Activating);
    m_progress->setRow(row);
    QPointer<MachinesController> self(this);
    const SshSettings settings = m_sshSettings;
    const SshTarget target = targetOf(host);
    const int rollbackSeconds = m_rollbackSeconds;
    m_pool.start([self, host, target, settings, number, boot, rollbackSeconds] {
        SshClient client(target, settings);
        int wanted = number;
        ActivationResult result;
        if (wanted == 0) {
            const RemoteGenerationList listed = listRemoteGenerations(client);
            int current = 0;
            for (const auto &generation : listed.generations) {
                if (generation.current) {
                    current = generation.number;
                }
            }
            for (const auto &generation : listed.generations) {
                if (generation.number < current && generation.number > wanted) {
                    wanted = generation.number;
                }
            }
            if (listed.error != RemoteError::None) {
                result.error = listed.error;
                result.outcome = listed.error == RemoteError::Unreachable ? Outcome::Unreachable : Outcome::Failed;
                result.message = listed.message;
            } else if (wanted == 0) {
                result.error = RemoteError::Failed;
                result.message = tr("%1 has no generation before its current one.").arg(host);
            }
        }
        if (wanted > 0) {
            result = switchRemoteGeneration(client, wanted, boot, rollbackSeconds);
        }
        post(self, [host, result, boot](MachinesController *controller) {
            MachineProgress row = controller->m_progress->row(host);
            row.stepText = MachineTexts::stepText(Step::Finished);
            finishRow(row,
                      host,
                      result,
                      boot ? tr("Generation %1 is the boot default of %2").arg(result.generation).arg(host)
                           : tr("%1 runs generation %2").arg(host).arg(result.generation));
            controller->m_progress->setRow(row);
            if (!result.log.isEmpty()) {
                controller->m_progress->setLog(host, result.log.split(u'\n'));
            }
            controller->finishOperation(row.succeeded ? QStringList() : QStringList{host});
            controller->probe(host);
            if (controller->m_generationsHost == host) {
                controller->loadGenerations(host);
            }
        });
    });
}

void MachinesController::loadGenerations(const QString &host)
{
    if (!isRemote(host)) {
        return;
    }
    m_generationsHost = host;
    m_generationsLoading = true;
    m_comparisonTitle.clear();
    m_comparisonSizeText.clear();
    m_comparisonError.clear();
    m_generationChanges->setChanges({});
    Q_EMIT comparisonChanged();
    m_generationsError.clear();
    m_generations.clear();
    Q_EMIT generationsChanged();
    QPointer<MachinesController> self(this);
    const SshSettings settings = m_sshSettings;
    const SshTarget target = targetOf(host);
    m_pool.start([self, host, target, settings] {
        const RemoteGenerationList listed = listRemoteGenerations(SshClient(target, settings));
        post(self, [host, listed](MachinesController *controller) {
            if (controller->m_generationsHost != host) {
                return;
            }
            controller->m_generationsLoading = false;
            controller->m_generationsError = listed.error == RemoteError::None
                ? QString()
                : MachineTexts::problemSentence(MachineTexts::problemOf(listed.error), host) + u' ' + listed.message;
            for (qsizetype i = 0; i < listed.generations.size(); ++i) {
                const auto &generation = listed.generations[i];
                MachineGeneration row;
                row.number = generation.number;
                row.date = generation.date;
                row.dateText = QLocale().toString(generation.date.toLocalTime(), QLocale::ShortFormat);
                row.storePath = generation.storePath;
                row.nixosVersion = generation.nixosVersion;
                row.kernelVersion = generation.kernelVersion;
                row.configurationRevision = generation.configurationRevision;
                row.specialisations = generation.specialisations;
                row.current = generation.current;
                row.running = generation.running;
                row.booted = generation.booted;
                row.problem = generation.problem;
                // Newest first: the next one is the one before.
                row.previousNumber = i + 1 < listed.generations.size() ? listed.generations[i + 1].number : 0;
                controller->m_generations.append(row);
            }
            Q_EMIT controller->generationsChanged();
        });
    });
}

void MachinesController::compareGenerations(const QString &host, int before, int after)
{
    if (!isRemote(host) || before <= 0 || after <= 0 || before == after || m_comparing) {
        return;
    }
    m_comparing = true;
    m_comparisonTitle = tr("Generation %1 → %2 of %3").arg(before).arg(after).arg(host);
    m_comparisonSizeText.clear();
    m_comparisonError.clear();
    m_generationChanges->setChanges({});
    Q_EMIT comparisonChanged();
    QPointer<MachinesController> self(this);
    const SshSettings settings = m_sshSettings;
    const SshTarget target = targetOf(host);
    const QString title = m_comparisonTitle;
    m_pool.start([self, host, target, settings, before, after, title] {
        const RemoteGenerationDiff compared = diffRemoteGenerations(SshClient(target, settings), before, after);
        post(self, [host, compared, title](MachinesController *controller) {
            controller->m_comparing = false;
            if (controller->m_comparisonTitle != title) {
                // The sheet moved on to another machine meanwhile.
                Q_EMIT controller->comparisonChanged();
                return;
            }
            if (compared.error != RemoteError::None) {
                controller->m_comparisonError = MachineTexts::problemSentence(MachineTexts::problemOf(compared.error), host) + u' ' + compared.message;
            } else {
                controller->m_generationChanges->setChanges(compared.diff.changes);
                const QString before = QLocale().formattedDataSize(compared.diff.sizeBefore);
                const QString after = QLocale().formattedDataSize(compared.diff.sizeAfter);
                controller->m_comparisonSizeText =
                    compared.diff.changes.isEmpty() ? tr("No package changed; closure %1 → %2").arg(before, after) : tr("Closure %1 → %2").arg(before, after);
            }
            Q_EMIT controller->comparisonChanged();
        });
    });
}
