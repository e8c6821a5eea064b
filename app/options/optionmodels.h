// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "optioncatalog.h"
#include "optionsearch.h"

#include <QAbstractItemModel>
#include <QAbstractListModel>

#include <memory>

namespace Snowpane::Options
{

/** Roles shared by the option models; app/ui maps them to QML role names. */
enum OptionRole {
    NameRole = Qt::UserRole + 1, ///< the full option name (for a tree node without an option: its dotted prefix)
    OptionIndexRole, ///< the option's index in the catalog, or -1
    TypeRole, ///< the type string
    EditorKindRole, ///< EditorInfo::kindName of the editor
    DescriptionRole, ///< Markdown
    TierRole, ///< search: the MatchTier as an int
    IsOptionRole, ///< tree: whether the node is an option (a node can be both an option and a parent)
};

/**
 * The options as a tree by location (`services` > `openssh` > `enable`),
 * built lazily: a node's children are found when first asked for, by a scan
 * of the contiguous range of sorted names under its prefix, so 25,000
 * options cost nothing until expanded. The root's children are the
 * categories (top-level attributes). Column 0 only.
 */
class OptionTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    explicit OptionTreeModel(std::shared_ptr<const OptionCatalog> catalog, QObject *parent = nullptr);
    ~OptionTreeModel() override;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool hasChildren(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;
    [[nodiscard]] Node &node(const QModelIndex &index) const;
    void populate(Node &node) const;

    std::shared_ptr<const OptionCatalog> m_catalog;
    std::unique_ptr<Node> m_root;
};

/**
 * Search results as a list, best first: setQuery() runs OptionSearch and
 * resets the model. At most `limit` rows are kept (the first pages); total()
 * says how many options matched.
 */
class OptionSearchModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit OptionSearchModel(std::shared_ptr<const OptionCatalog> catalog, int limit = 500, QObject *parent = nullptr);

    void setQuery(const QString &query);
    [[nodiscard]] QString query() const
    {
        return m_query;
    }
    [[nodiscard]] int total() const
    {
        return m_result.total;
    }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    std::shared_ptr<const OptionCatalog> m_catalog;
    OptionSearch m_search;
    int m_limit;
    QString m_query;
    SearchResult m_result;
};

/** The catalog indices of every `services.<name>.enable` and `programs.<name>.enable`, in name order: the services view. */
[[nodiscard]] std::vector<int> serviceEnableOptions(const OptionCatalog &catalog);

/** What the models show of option @p index for @p role (the roles above and Qt::DisplayRole), or an invalid QVariant. */
[[nodiscard]] QVariant optionData(const OptionCatalog &catalog, int index, int role);

} // namespace Snowpane::Options
