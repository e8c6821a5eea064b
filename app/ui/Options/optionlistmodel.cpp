// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Options/optionlistmodel.h"

#include "Common/configurationsession.h"
#include "Options/optionpresentation.h"
#include "Options/optionsbackend.h"
#include "optionmodels.h"
#include "snowpanesettings.h"

#include <algorithm>
#include <string>
#include <string_view>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;
using Snowpane::Ui::OptionFilter;

OptionListModel::OptionListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(OptionsBackend::self(), &OptionsBackend::catalogChanged, this, &OptionListModel::rebuild);
    connect(SnowpaneSettings::self(), &SnowpaneSettings::ShowReadOnlyOptionsChanged, this, &OptionListModel::rebuild);
    connect(SnowpaneSettings::self(), &SnowpaneSettings::ShowInternalOptionsChanged, this, &OptionListModel::rebuild);
    connect(ConfigurationSession::self(), &ConfigurationSession::changesChanged, this, &OptionListModel::configurationChanged);
    connect(ConfigurationSession::self(), &ConfigurationSession::loadedChanged, this, &OptionListModel::configurationChanged);
    rebuild();
}

void OptionListModel::setMode(Mode mode)
{
    if (m_mode != mode) {
        m_mode = mode;
        Q_EMIT modeChanged();
        rebuild();
    }
}

void OptionListModel::setQuery(const QString &query)
{
    if (m_query != query) {
        m_query = query;
        Q_EMIT queryChanged();
        if (m_mode == Mode::Search) {
            rebuild();
        }
    }
}

void OptionListModel::setCategory(const QString &category)
{
    if (m_category != category) {
        m_category = category;
        Q_EMIT categoryChanged();
        if (m_mode == Mode::Category) {
            rebuild();
        }
    }
}

void OptionListModel::setLimit(int limit)
{
    if (m_limit != limit) {
        m_limit = limit;
        Q_EMIT limitChanged();
        rebuild();
    }
}

void OptionListModel::rebuild()
{
    std::vector<int> rows;
    m_total = 0;
    const auto catalog = OptionsBackend::self()->catalog();
    if (catalog) {
        const OptionFilter filter = OptionFilter::fromSettings();
        const auto wanted = [&](int index) {
            return filter.lists(*catalog, index);
        };
        switch (m_mode) {
        case Mode::Search:
            if (!m_query.trimmed().isEmpty() && OptionsBackend::self()->search()) {
                const SearchResult result = OptionsBackend::self()->search()->search(m_query, filter.listsAll() ? m_limit : -1);
                for (const SearchHit &hit : result.hits) {
                    if (int(rows.size()) < m_limit && wanted(hit.index)) {
                        rows.push_back(hit.index);
                    }
                }
                m_total = filter.listsAll() ? result.total : int(std::ranges::count_if(result.hits, [&](const SearchHit &hit) {
                    return wanted(hit.index);
                }));
            }
            break;
        case Mode::Services:
            for (const int index : serviceEnableOptions(*catalog)) {
                if (wanted(index)) {
                    rows.push_back(index);
                }
            }
            m_total = int(rows.size());
            break;
        case Mode::Category: {
            if (m_category.isEmpty()) {
                break;
            }
            // Names are sorted, so a category is one run of names.
            const std::string category = m_category.toStdString();
            const std::string prefix = category + '.';
            for (int index = 0; index < catalog->size(); ++index) {
                const QUtf8StringView view = catalog->name(index);
                const std::string_view name(view.data(), size_t(view.size()));
                if ((name.starts_with(prefix) || name == category) && wanted(index)) {
                    rows.push_back(index);
                }
            }
            m_total = int(rows.size());
            break;
        }
        }
    }
    replaceRows(std::move(rows));
    Q_EMIT countChanged();
}

// New rows replace the old in place rather than by a reset: the view keeps the
// rows it drew and only rebinds them, which costs a fraction of making them again
// on every keystroke.
void OptionListModel::replaceRows(std::vector<int> rows)
{
    const std::size_t kept = std::min(m_rows.size(), rows.size());
    if (rows.size() < m_rows.size()) {
        beginRemoveRows({}, int(rows.size()), int(m_rows.size()) - 1);
        m_rows.resize(rows.size());
        endRemoveRows();
    }
    std::copy_n(rows.begin(), kept, m_rows.begin());
    if (kept > 0) {
        Q_EMIT dataChanged(index(0), index(int(kept) - 1));
    }
    if (rows.size() > kept) {
        beginInsertRows({}, int(kept), int(rows.size()) - 1);
        m_rows.insert(m_rows.end(), rows.begin() + std::ptrdiff_t(kept), rows.end());
        endInsertRows();
    }
}

void OptionListModel::configurationChanged()
{
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {CheckedRole, StateRole, ToggleableRole, DefinedRole});
    }
}

QString OptionListModel::nameAt(int row) const
{
    const auto catalog = OptionsBackend::self()->catalog();
    if (!catalog || row < 0 || row >= int(m_rows.size())) {
        return {};
    }
    return catalog->name(m_rows[size_t(row)]).toString();
}

int OptionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant OptionListModel::data(const QModelIndex &index, int role) const
{
    const auto catalog = OptionsBackend::self()->catalog();
    if (!catalog || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int option = m_rows[size_t(index.row())];
    const bool isSwitch = catalog->type(option).editor.kind == EditorKind::Switch;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return catalog->name(option).toString();
    case TitleRole: {
        const QString name = catalog->name(option).toString();
        if (m_mode == Mode::Services) {
            // "services.openssh.enable" -> "openssh"
            return name.section(u'.', 1, -2);
        }
        if (m_mode == Mode::Category) {
            return name.mid(m_category.size() + 1);
        }
        return name;
    }
    case GroupRole:
        return catalog->name(option).toString().section(u'.', 0, 0);
    case SummaryRole:
        return Snowpane::Ui::descriptionSummary(catalog->descriptionView(option).toString());
    case TypeRole:
        return catalog->type(option).text;
    case EditorKindRole:
        return EditorInfo::kindName(catalog->type(option).editor.kind);
    case IsSwitchRole:
        return isSwitch;
    case CheckedRole:
        return isSwitch && Snowpane::Ui::switchState(*catalog, option).checked;
    case StateRole:
        return isSwitch ? Snowpane::Ui::switchState(*catalog, option).state : QString();
    case ToggleableRole:
        return isSwitch && !catalog->isReadOnly(option) && Snowpane::Ui::switchState(*catalog, option).toggleable;
    case DefinedRole:
        return !ConfigurationSession::self()->definitions(catalog->name(option).toString()).isEmpty();
    default:
        return {};
    }
}

QHash<int, QByteArray> OptionListModel::roleNames() const
{
    return {
        {NameRole, "name"},
        {TitleRole, "title"},
        {GroupRole, "group"},
        {SummaryRole, "summary"},
        {TypeRole, "type"},
        {EditorKindRole, "editorKind"},
        {IsSwitchRole, "isSwitch"},
        {CheckedRole, "switchOn"},
        {StateRole, "stateText"},
        {ToggleableRole, "toggleable"},
        {DefinedRole, "defined"},
    };
}
