// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Options/optioncategorymodel.h"

#include "Options/optionpresentation.h"
#include "Options/optionsbackend.h"
#include "snowpanesettings.h"

#include <string_view>

using namespace Qt::StringLiterals;
using Snowpane::Ui::OptionFilter;

OptionCategoryModel::OptionCategoryModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(OptionsBackend::self(), &OptionsBackend::catalogChanged, this, &OptionCategoryModel::rebuild);
    connect(SnowpaneSettings::self(), &SnowpaneSettings::ShowReadOnlyOptionsChanged, this, &OptionCategoryModel::rebuild);
    connect(SnowpaneSettings::self(), &SnowpaneSettings::ShowInternalOptionsChanged, this, &OptionCategoryModel::rebuild);
    rebuild();
}

void OptionCategoryModel::rebuild()
{
    beginResetModel();
    m_categories.clear();
    if (const auto catalog = OptionsBackend::self()->catalog()) {
        const OptionFilter filter = OptionFilter::fromSettings();
        // Names are sorted, so each category is one run; "_module" and the like are not for people.
        for (int index = 0; index < catalog->size(); ++index) {
            const QUtf8StringView view = catalog->name(index);
            const std::string_view name(view.data(), size_t(view.size()));
            if (name.starts_with('_') || !filter.lists(*catalog, index)) {
                continue;
            }
            const std::string_view first = name.substr(0, name.find('.'));
            const QString category = QString::fromUtf8(first.data(), qsizetype(first.size()));
            if (m_categories.empty() || m_categories.back().name != category) {
                m_categories.push_back({category, 0});
            }
            ++m_categories.back().options;
        }
    }
    endResetModel();
    Q_EMIT countChanged();
}

int OptionCategoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_categories.size());
}

QVariant OptionCategoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Category &category = m_categories[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return category.name;
    case OptionCountRole:
        return category.options;
    default:
        return {};
    }
}

QHash<int, QByteArray> OptionCategoryModel::roleNames() const
{
    return {{NameRole, "name"}, {OptionCountRole, "optionCount"}};
}
