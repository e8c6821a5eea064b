// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optionmodels.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

namespace
{

[[nodiscard]] std::string_view nameOf(const OptionCatalog &catalog, int index)
{
    const QUtf8StringView name = catalog.name(index);
    return {name.data(), size_t(name.size())};
}

// The first index whose name is not less than @p text.
[[nodiscard]] int lowerBound(const OptionCatalog &catalog, std::string_view text)
{
    int low = 0;
    int high = catalog.size();
    while (low < high) {
        const int middle = low + (high - low) / 2;
        if (nameOf(catalog, middle) < text) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

// The first component of @p rest; a quoted component ("net.ipv4.ip_forward") keeps its dots.
[[nodiscard]] std::string_view firstComponent(std::string_view rest)
{
    if (rest.starts_with('"')) {
        const size_t close = rest.find('"', 1);
        return close == std::string_view::npos ? rest : rest.substr(0, close + 1);
    }
    return rest.substr(0, rest.find('.'));
}

} // namespace

QVariant optionData(const OptionCatalog &catalog, int index, int role)
{
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return catalog.name(index).toString();
    case OptionIndexRole:
        return index;
    case TypeRole:
        return catalog.type(index).text;
    case EditorKindRole:
        return EditorInfo::kindName(catalog.type(index).editor.kind);
    case DescriptionRole:
        return catalog.descriptionView(index).toString();
    case IsOptionRole:
        return true;
    default:
        return {};
    }
}

struct OptionTreeModel::Node {
    Node *parent = nullptr;
    int row = 0;
    std::string prefix; ///< the dotted path of this node, empty for the root
    QString component;
    int option = -1;
    bool populated = false;
    std::vector<std::unique_ptr<Node>> children;
};

OptionTreeModel::OptionTreeModel(std::shared_ptr<const OptionCatalog> catalog, QObject *parent)
    : QAbstractItemModel(parent)
    , m_catalog(std::move(catalog))
    , m_root(std::make_unique<Node>())
{
}

OptionTreeModel::~OptionTreeModel() = default;

OptionTreeModel::Node &OptionTreeModel::node(const QModelIndex &index) const
{
    return index.isValid() ? *static_cast<Node *>(index.internalPointer()) : *m_root;
}

void OptionTreeModel::populate(Node &node) const
{
    if (node.populated) {
        return;
    }
    node.populated = true;
    // Every name under the prefix "P." sorts between "P." and "P/" ('/' follows '.').
    const std::string start = node.prefix.empty() ? std::string() : node.prefix + '.';
    const int begin = node.prefix.empty() ? 0 : lowerBound(*m_catalog, start);
    const int end = node.prefix.empty() ? m_catalog->size() : lowerBound(*m_catalog, node.prefix + '/');
    std::vector<std::string_view> components;
    QSet<QByteArrayView> seen;
    for (int i = begin; i < end; ++i) {
        const std::string_view component = firstComponent(nameOf(*m_catalog, i).substr(start.size()));
        if (!seen.contains(QByteArrayView(component.data(), qsizetype(component.size())))) {
            seen.insert(QByteArrayView(component.data(), qsizetype(component.size())));
            components.push_back(component);
        }
    }
    std::ranges::sort(components);
    for (const std::string_view component : components) {
        auto child = std::make_unique<Node>();
        child->parent = &node;
        child->row = int(node.children.size());
        child->prefix = start + std::string(component);
        child->component = QString::fromUtf8(component.data(), qsizetype(component.size()));
        child->option = m_catalog->indexOf(QUtf8StringView(child->prefix.data(), qsizetype(child->prefix.size())));
        node.children.push_back(std::move(child));
    }
}

QModelIndex OptionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Node &parentNode = node(parent);
    populate(parentNode);
    if (column != 0 || row < 0 || row >= int(parentNode.children.size())) {
        return {};
    }
    return createIndex(row, 0, parentNode.children[size_t(row)].get());
}

QModelIndex OptionTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    Node *parentNode = node(child).parent;
    if (parentNode == nullptr || parentNode == m_root.get()) {
        return {};
    }
    return createIndex(parentNode->row, 0, parentNode);
}

int OptionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0) {
        return 0;
    }
    Node &parentNode = node(parent);
    populate(parentNode);
    return int(parentNode.children.size());
}

int OptionTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool OptionTreeModel::hasChildren(const QModelIndex &parent) const
{
    const Node &parentNode = node(parent);
    if (parentNode.populated) {
        return !parentNode.children.empty();
    }
    if (parentNode.prefix.empty()) {
        return m_catalog->size() > 0;
    }
    // Without building the children: is any name under "P."?
    const std::string start = parentNode.prefix + '.';
    const int first = lowerBound(*m_catalog, start);
    return first < m_catalog->size() && nameOf(*m_catalog, first).starts_with(start);
}

QVariant OptionTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const Node &item = node(index);
    switch (role) {
    case Qt::DisplayRole:
        return item.component;
    case NameRole:
        return QString::fromUtf8(item.prefix.data(), qsizetype(item.prefix.size()));
    case OptionIndexRole:
        return item.option;
    case IsOptionRole:
        return item.option >= 0;
    default:
        return item.option >= 0 ? optionData(*m_catalog, item.option, role) : QVariant();
    }
}

QHash<int, QByteArray> OptionTreeModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {NameRole, "name"},
            {OptionIndexRole, "optionIndex"},
            {TypeRole, "type"},
            {EditorKindRole, "editorKind"},
            {DescriptionRole, "description"},
            {IsOptionRole, "isOption"}};
}

OptionSearchModel::OptionSearchModel(std::shared_ptr<const OptionCatalog> catalog, int limit, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalog(std::move(catalog))
    , m_search(*m_catalog)
    , m_limit(limit)
{
}

void OptionSearchModel::setQuery(const QString &query)
{
    beginResetModel();
    m_query = query;
    m_result = m_search.search(query, m_limit);
    endResetModel();
}

int OptionSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.hits.size());
}

QVariant OptionSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SearchHit &hit = m_result.hits[size_t(index.row())];
    if (role == TierRole) {
        return int(hit.tier);
    }
    return optionData(*m_catalog, hit.index, role);
}

QHash<int, QByteArray> OptionSearchModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {NameRole, "name"},
            {OptionIndexRole, "optionIndex"},
            {TypeRole, "type"},
            {EditorKindRole, "editorKind"},
            {DescriptionRole, "description"},
            {TierRole, "tier"}};
}

std::vector<int> serviceEnableOptions(const OptionCatalog &catalog)
{
    std::vector<int> indices;
    for (const std::string_view prefix : {std::string_view("programs."), std::string_view("services.")}) {
        const int begin = lowerBound(catalog, prefix);
        for (int i = begin; i < catalog.size() && nameOf(catalog, i).starts_with(prefix); ++i) {
            const std::string_view rest = nameOf(catalog, i).substr(prefix.size());
            const std::string_view service = firstComponent(rest);
            if (rest.size() == service.size() + 7 && rest.substr(service.size()) == ".enable") {
                indices.push_back(i);
            }
        }
    }
    return indices;
}

} // namespace Snowpane::Options
