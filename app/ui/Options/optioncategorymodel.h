// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

/**
 * The categories of the open catalog (OptionsBackend): its top-level
 * attributes (`boot`, `networking`, `services`, ...) in name order, each
 * with the number of options under it.
 */
class OptionCategoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        OptionCountRole,
    };
    Q_ENUM(Role)

    explicit OptionCategoryModel(QObject *parent = nullptr);

    [[nodiscard]] int count() const
    {
        return int(m_categories.size());
    }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    void rebuild();

    struct Category {
        QString name;
        int options = 0;
    };
    std::vector<Category> m_categories;
};
