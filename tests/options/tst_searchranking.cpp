// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Search ranking by intent: queries people type, each with the option they
// mean, which must come first. Run on the stand-in system's real catalog
// (evaluated with real Nix: fails, never skips, without it) and on the
// synthetic 25,000-option catalog of the benchmark, which holds the same
// real option names among many services, variants and look-alikes. For a
// service's name, the service's other options follow its switch.

#include "optionevaluator.h"
#include "optionsearch.h"
#include "standinsource.h"
#include "syntheticcatalog.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

struct Intent {
    const char *query;
    const char *first; // the option the query means
    const char *group = nullptr; // the options that follow it first, when the query names a service: this prefix
};

// Each row is a query a person types, and what they mean by it.
constexpr Intent intents[] = {
    {"openssh", "services.openssh.enable", "services.openssh."},
    {"OpenSSH", "services.openssh.enable", "services.openssh."},
    {"ssh", "services.openssh.enable"},
    {"nginx", "services.nginx.enable", "services.nginx."},
    {"printing", "services.printing.enable", "services.printing."},
    {"tailscale", "services.tailscale.enable", "services.tailscale."},
    {"pipewire", "services.pipewire.enable", "services.pipewire."},
    {"postgresql", "services.postgresql.enable", "services.postgresql."},
    {"fwupd", "services.fwupd.enable", "services.fwupd."},
    {"xserver", "services.xserver.enable", "services.xserver."},
    {"sddm", "services.displayManager.sddm.enable", "services.displayManager.sddm."},
    {"plasma6", "services.desktopManager.plasma6.enable", "services.desktopManager.plasma6."},
    {"firefox", "programs.firefox.enable", "programs.firefox."},
    {"git", "programs.git.enable", "programs.git."},
    {"steam", "programs.steam.enable", "programs.steam."},
    {"zsh", "programs.zsh.enable", "programs.zsh."},
    {"fish", "programs.fish.enable"},
    {"docker", "virtualisation.docker.enable", "virtualisation.docker."},
    {"bluetooth", "hardware.bluetooth.enable", "hardware.bluetooth."},
    {"firewall", "networking.firewall.enable", "networking.firewall."},
    {"networkmanager", "networking.networkmanager.enable", "networking.networkmanager."},
    {"sudo", "security.sudo.enable", "security.sudo."},
    {"grub", "boot.loader.grub.enable", "boot.loader.grub."},
    {"systemd-boot", "boot.loader.systemd-boot.enable", "boot.loader.systemd-boot."},
    {"services.openssh", "services.openssh.enable", "services.openssh."},
    {"services.nginx.virtualHosts", "services.nginx.virtualHosts"},
    {"enable ssh", "services.openssh.enable"},
    {"srvopnssh", "services.openssh.enable"},
    {"hostname", "networking.hostName"},
    {"timezone", "time.timeZone"},
    {"time zone", "time.timeZone"},
    {"firewall ports", "networking.firewall.allowedTCPPorts"},
    {"trusted interfaces", "networking.firewall.trustedInterfaces"},
    {"nameservers", "networking.nameservers"},
    {"dhcp", "networking.useDHCP"},
    {"root login", "services.openssh.settings.PermitRootLogin"},
    {"password authentication", "services.openssh.settings.PasswordAuthentication"},
    {"authorized keys", "users.users.<name>.openssh.authorizedKeys.keys"},
    {"kernel modules", "boot.kernelModules"},
    {"loader timeout", "boot.loader.timeout"},
    {"keymap", "console.keyMap"},
    {"locale", "i18n.defaultLocale"},
    {"state version", "system.stateVersion"},
    {"user shell", "users.users.<name>.shell"},
    {"normal user", "users.users.<name>.isNormalUser"},
    {"extra groups", "users.users.<name>.extraGroups"},
    {"auto login", "services.displayManager.autoLogin.enable"},
    {"wayland", "services.displayManager.sddm.wayland.enable"},
    {"pulse", "services.pipewire.pulse.enable"},
    {"lfs", "programs.git.lfs.enable"},
    {"gzip", "services.nginx.recommendedGzipSettings"},
    {"virtual hosts", "services.nginx.virtualHosts"},
    {"proxy pass", "services.nginx.virtualHosts.<name>.locations.<name>.proxyPass"},
    {"video drivers", "services.xserver.videoDrivers"},
    {"xkb layout", "services.xserver.xkb.layout"},
    {"swap", "swapDevices"},
};

[[nodiscard]] QString firstNames(const OptionCatalog &catalog, const SearchResult &result, int count)
{
    QStringList names;
    for (size_t i = 0; i < result.hits.size() && i < size_t(count); ++i) {
        names.append(catalog.name(result.hits[i].index).toString() + u" ("_s + QString::number(int(result.hits[i].tier)) + u')');
    }
    return names.join(u", "_s);
}

} // namespace

class SearchRankingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(std::size(intents) >= 30);

        CatalogLoad synthetic = OptionCatalog::fromJson(SyntheticCatalog::syntheticCatalog());
        QVERIFY2(synthetic.catalog, qPrintable(synthetic.error));
        QCOMPARE(synthetic.catalog->size(), SyntheticCatalog::optionCount);
        m_synthetic = std::move(*synthetic.catalog);

        if (QStandardPaths::findExecutable(u"nix-instantiate"_s).isEmpty()) {
            QFAIL(
                "nix-instantiate is not on PATH. This test evaluates the stand-in system with real Nix: run it in the build environment "
                "(tools/dev exec ctest --test-dir BUILD -R searchranking).");
        }
        const CatalogOpening opening = OptionEvaluator::open(StandInSource::classic(StandInSource::fixtures() + u"/demo/configuration.nix"_s));
        QVERIFY2(opening.status == CatalogOpening::Status::Ok, qPrintable(opening.error));
        m_standIn = std::move(*opening.catalog);
    }

    void intent_data()
    {
        QTest::addColumn<bool>("synthetic");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("group");
        for (const bool synthetic : {false, true}) {
            for (const Intent &intent : intents) {
                QTest::addRow("%s: %s", synthetic ? "synthetic" : "stand-in", intent.query)
                    << synthetic << QString::fromLatin1(intent.query) << QString::fromLatin1(intent.first) << QString::fromLatin1(intent.group);
            }
        }
    }

    void intent()
    {
        QFETCH(bool, synthetic);
        QFETCH(QString, query);
        QFETCH(QString, first);
        QFETCH(QString, group);
        const OptionCatalog &catalog = synthetic ? m_synthetic : m_standIn;
        QVERIFY2(catalog.indexOf(first) >= 0, qPrintable(first + u" is not in the catalog"_s));
        OptionSearch search(catalog);
        const SearchResult result = search.search(query, 200);
        QVERIFY2(!result.hits.empty(), qPrintable(u"no hit for "_s + query));
        QVERIFY2(catalog.name(result.hits.front().index).toString() == first, qPrintable(u"first hits: "_s + firstNames(catalog, result, 12)));
        if (group.isEmpty()) {
            return;
        }
        // Every option of the service, right after its switch, before anything else.
        int members = 0;
        for (int i = 0; i < catalog.size(); ++i) {
            members += catalog.name(i).toString().startsWith(group) ? 1 : 0;
        }
        QVERIFY(members > 1);
        QVERIFY(result.hits.size() >= size_t(std::min(members, 200)));
        for (int i = 0; i < std::min(members, 200); ++i) {
            QVERIFY2(catalog.name(result.hits[size_t(i)].index).toString().startsWith(group),
                     qPrintable(u"hit %1 of %2 is not in %3: "_s.arg(i).arg(members).arg(group) + firstNames(catalog, result, i + 1)));
        }
    }

private:
    OptionCatalog m_synthetic;
    OptionCatalog m_standIn;
};

QTEST_GUILESS_MAIN(SearchRankingTest)
#include "tst_searchranking.moc"
