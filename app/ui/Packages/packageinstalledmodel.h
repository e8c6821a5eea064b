// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

/**
 * What is installed, for the Installed view of the Packages page: first the
 * packages the configuration declares in environment.systemPackages (with
 * file and line, pending edits included, and whether the built system has
 * them yet), then the packages the current system holds that the
 * configuration does not list itself (brought in by other settings).
 */
class PackageInstalledModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(int declaredCount READ declaredCount NOTIFY countsChanged)
    Q_PROPERTY(int systemOnlyCount READ systemOnlyCount NOTIFY countsChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY countsChanged)

public:
    enum Role {
        AttrPathRole = Qt::UserRole + 1,
        NameRole,
        VersionRole,
        DescriptionRole,
        /// "declared" or "system".
        SectionRole,
        FileRole,
        LineRole,
        /// "file:line" for declared packages.
        LocationRole,
        /// The current system has the package.
        InSystemRole,
        /// Declared, but the system was not rebuilt with it yet.
        PendingRole,
        /// The catalog knows the package.
        InCatalogRole,
        UnfreeRole,
    };
    Q_ENUM(Role)

    explicit PackageInstalledModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int declaredCount() const
    {
        return m_declaredCount;
    }
    [[nodiscard]] int systemOnlyCount() const
    {
        return int(m_rows.size()) - m_declaredCount;
    }
    [[nodiscard]] int pendingCount() const
    {
        return m_pendingCount;
    }

    /** Builds the rows again from the configuration and the catalog. */
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void countsChanged();

private:
    struct Row {
        QString attrPath;
        QString name;
        QString version;
        QString description;
        bool declared = false;
        QString file;
        int line = 0;
        bool inSystem = false;
        bool pending = false;
        bool inCatalog = false;
        bool unfree = false;
    };

    QList<Row> m_rows;
    int m_declaredCount = 0;
    int m_pendingCount = 0;
};
