// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "packagediff.h"

#include <QAbstractListModel>
#include <QQmlEngine>

/**
 * The package changes of one comparison, grouped for a sectioned list:
 * upgraded, downgraded, added, removed, then packages whose versions changed
 * in other ways (several versions at once) and packages that only became
 * selected or unselected. Within a group, rows are sorted by name.
 */
class GenerationPackageChangeModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A comparison's package changes come from GenerationComparison.")

    Q_PROPERTY(int upgradedCount READ upgradedCount NOTIFY countsChanged)
    Q_PROPERTY(int downgradedCount READ downgradedCount NOTIFY countsChanged)
    Q_PROPERTY(int addedCount READ addedCount NOTIFY countsChanged)
    Q_PROPERTY(int removedCount READ removedCount NOTIFY countsChanged)
    Q_PROPERTY(int otherCount READ otherCount NOTIFY countsChanged)
    Q_PROPERTY(int count READ count NOTIFY countsChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        /// Snowpane::System::PackageChange::Kind as a number.
        KindRole,
        /// The group's title, for the list's sections ("Upgraded").
        GroupRole,
        VersionsBeforeRole,
        VersionsAfterRole,
        /// "1.0 → 1.1", "2.0", whatever fits the kind.
        ChangeTextRole,
        /// The row starts its group, so a list without sections can show the group's title.
        FirstInGroupRole,
    };
    Q_ENUM(Role)

    explicit GenerationPackageChangeModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setChanges(QList<Snowpane::System::PackageChange> changes);
    [[nodiscard]] const QList<Snowpane::System::PackageChange> &changes() const
    {
        return m_changes;
    }

    [[nodiscard]] int upgradedCount() const;
    [[nodiscard]] int downgradedCount() const;
    [[nodiscard]] int addedCount() const;
    [[nodiscard]] int removedCount() const;
    [[nodiscard]] int otherCount() const;
    [[nodiscard]] int count() const
    {
        return int(m_changes.size());
    }

    /// The section title of @p kind.
    [[nodiscard]] static QString groupTitle(Snowpane::System::PackageChange::Kind kind);
    /// The versions of @p change as one line, before → after as its kind needs.
    [[nodiscard]] static QString changeText(const Snowpane::System::PackageChange &change);

Q_SIGNALS:
    void countsChanged();

private:
    [[nodiscard]] int countOf(Snowpane::System::PackageChange::Kind kind) const;

    QList<Snowpane::System::PackageChange> m_changes;
};
