// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

/**
 * A list of options of the open catalog (OptionsBackend) for the Options
 * page, in one of three modes: the results of a search, best first; the
 * services view (every `services.<name>.enable` and `programs.<name>.enable`);
 * or every option of one category (top-level attribute). Each row carries
 * what a list row shows: the name, a one-line summary of the description,
 * and for switches their state in the configuration, so that a row can be a
 * toggle. Rows follow the catalog and the pending edits.
 */
class OptionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY categoryChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Search: how many options matched, of which at most `limit` are rows.
    Q_PROPERTY(int total READ total NOTIFY countChanged)

public:
    enum class Mode {
        Search,
        Services,
        Category,
    };
    Q_ENUM(Mode)

    enum Role {
        NameRole = Qt::UserRole + 1,
        TitleRole, ///< services: the service's name ("openssh"); else the option's name
        GroupRole, ///< services: "services" or "programs"; else the category
        SummaryRole, ///< the description's first sentence, as plain text
        TypeRole,
        EditorKindRole,
        IsSwitchRole,
        CheckedRole, ///< switches: on in the configuration, or by default when not set there
        StateRole, ///< "set in FILE:LINE", "default", or why it cannot be toggled here
        ToggleableRole, ///< a switch the page may flip
        DefinedRole, ///< the configuration defines the option
    };
    Q_ENUM(Role)

    explicit OptionListModel(QObject *parent = nullptr);

    [[nodiscard]] Mode mode() const
    {
        return m_mode;
    }
    void setMode(Mode mode);
    [[nodiscard]] QString query() const
    {
        return m_query;
    }
    void setQuery(const QString &query);
    [[nodiscard]] QString category() const
    {
        return m_category;
    }
    void setCategory(const QString &category);
    [[nodiscard]] int limit() const
    {
        return m_limit;
    }
    void setLimit(int limit);
    [[nodiscard]] int count() const
    {
        return int(m_rows.size());
    }
    [[nodiscard]] int total() const
    {
        return m_total;
    }

    /** The option name at @p row, or "". */
    Q_INVOKABLE QString nameAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void modeChanged();
    void queryChanged();
    void categoryChanged();
    void limitChanged();
    void countChanged();

private:
    void replaceRows(std::vector<int> rows);
    void rebuild();
    void configurationChanged();

    Mode m_mode = Mode::Search;
    QString m_query;
    QString m_category;
    int m_limit = 200;
    int m_total = 0;
    std::vector<int> m_rows; ///< catalog indices
};
