// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The plain Qt models app/ui wraps: the lazy tree by location, the search
// list, and the services view, checked with QAbstractItemModelTester.

#include "catalogfixtures.h"
#include "optionmodels.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

[[nodiscard]] QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        out.append(model.index(row, 0, parent).data().toString());
    }
    return out;
}

} // namespace

class OptionModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        CatalogLoad load = OptionCatalog::fromJson(QByteArrayView(CatalogFixtures::searchJson));
        QVERIFY2(load.catalog, qPrintable(load.error));
        m_catalog = std::make_shared<const OptionCatalog>(std::move(*load.catalog));
    }

    void tree()
    {
        OptionTreeModel model(m_catalog);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(childNames(model, {}), (QStringList{u"boot"_s, u"networking"_s, u"programs"_s, u"security"_s, u"services"_s, u"time"_s}));
        const QModelIndex services = model.index(4, 0);
        QVERIFY(model.hasChildren(services));
        QCOMPARE(services.data(NameRole).toString(), u"services"_s);
        QCOMPARE(services.data(IsOptionRole).toBool(), false);
        QCOMPARE(childNames(model, services), (QStringList{u"openssh"_s, u"openvpn"_s, u"sshguard"_s, u"tailscale"_s, u"xserver"_s}));
        const QModelIndex openssh = model.index(0, 0, services);
        QCOMPARE(model.parent(openssh), services);
        QCOMPARE(childNames(model, openssh), (QStringList{u"enable"_s, u"ports"_s, u"settings"_s}));
        const QModelIndex enable = model.index(0, 0, openssh);
        QVERIFY(!model.hasChildren(enable));
        QCOMPARE(enable.data(NameRole).toString(), u"services.openssh.enable"_s);
        QCOMPARE(enable.data(IsOptionRole).toBool(), true);
        QCOMPARE(enable.data(EditorKindRole).toString(), u"switch"_s);
        QCOMPARE(enable.data(TypeRole).toString(), u"boolean"_s);
        const QModelIndex settings = model.index(2, 0, openssh);
        QCOMPARE(childNames(model, settings), QStringList{u"PermitRootLogin"_s});
        QCOMPARE(model.index(0, 0, settings).data(EditorKindRole).toString(), u"choice"_s);
    }

    void search()
    {
        OptionSearchModel model(m_catalog, 2);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery(u"openssh"_s);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.total(), 4);
        QCOMPARE(model.index(0).data(NameRole).toString(), u"services.openssh.enable"_s);
        QCOMPARE(model.index(0).data(TierRole).toInt(), int(MatchTier::WholeComponent));
        model.setQuery(QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void services()
    {
        QStringList names;
        for (const int index : serviceEnableOptions(*m_catalog)) {
            names.append(m_catalog->name(index).toString());
        }
        QCOMPARE(names,
                 (QStringList{u"services.openssh.enable"_s, u"services.sshguard.enable"_s, u"services.tailscale.enable"_s, u"services.xserver.enable"_s}));
    }

private:
    std::shared_ptr<const OptionCatalog> m_catalog;
};

QTEST_GUILESS_MAIN(OptionModelsTest)
#include "tst_optionmodels.moc"
