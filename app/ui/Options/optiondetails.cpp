// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Options/optiondetails.h"

#include "Common/configurationsession.h"
#include "Options/optionpresentation.h"
#include "Options/optionsbackend.h"
#include "valuevalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

OptionDetails::OptionDetails(QObject *parent)
    : QObject(parent)
{
    connect(OptionsBackend::self(), &OptionsBackend::catalogChanged, this, &OptionDetails::findOption);
    connect(ConfigurationSession::self(), &ConfigurationSession::changesChanged, this, &OptionDetails::configurationChanged);
    connect(ConfigurationSession::self(), &ConfigurationSession::loadedChanged, this, [this] {
        Q_EMIT configurationChanged();
        // The files on disk changed (an apply): the value Nix gives may differ now.
        if (m_effectiveState == EffectiveState::Ready || m_effectiveState == EffectiveState::Failed) {
            m_effectiveState = EffectiveState::NotEvaluated;
            evaluateEffectiveValue();
        }
    });
    connect(OptionsBackend::self()->effectiveValues(), &EffectiveValueEvaluator::evaluated, this, &OptionDetails::effectiveValueEvaluated);
}

void OptionDetails::setName(const QString &name)
{
    if (m_name == name) {
        return;
    }
    m_name = name;
    Q_EMIT nameChanged();
    findOption();
}

void OptionDetails::findOption()
{
    const auto catalog = OptionsBackend::self()->catalog();
    m_index = catalog ? catalog->indexOf(m_name) : -1;
    m_effectiveState = EffectiveState::NotEvaluated;
    m_effectiveText.clear();
    m_effectiveError.clear();
    m_effectiveDetails.clear();
    Q_EMIT optionChanged();
    Q_EMIT configurationChanged();
    Q_EMIT effectiveValueChanged();
}

#include "Options/optiondetailscatalog_p.h"

QString OptionDetails::typeText() const
{
    CATALOG_OR({})
    return catalog->type(m_index).text;
}

// ReadOnly is the last kind: a kind added after it would have no QML name.
static_assert(int(Snowpane::Options::EditorKind::ReadOnly) == int(OptionDetails::EditorKind::ReadOnly) && int(OptionDetails::EditorKind::ReadOnly) == 9);

OptionDetails::EditorKind OptionDetails::editorKind() const
{
    CATALOG_OR(EditorKind::ReadOnly)
    return EditorKind(catalog->type(m_index).editor.kind);
}

QString OptionDetails::elementKind() const
{
    CATALOG_OR({})
    const OptionType *type = &catalog->type(m_index).tree;
    while (type->kind == OptionType::Kind::Nullable && !type->children.empty()) {
        type = &type->children.front();
    }
    if (type->kind != OptionType::Kind::List || type->children.empty()) {
        return {};
    }
    return EditorInfo::kindName(EditorInfo::forType(type->children.front()).kind);
}

bool OptionDetails::nullable() const
{
    CATALOG_OR(false)
    return catalog->type(m_index).editor.nullable;
}

bool OptionDetails::multiline() const
{
    CATALOG_OR(false)
    return catalog->type(m_index).editor.multiline;
}

QVariant OptionDetails::minimum() const
{
    CATALOG_OR({})
    const auto &minimum = catalog->type(m_index).editor.minimum;
    return minimum ? QVariant(double(*minimum)) : QVariant();
}

QVariant OptionDetails::maximum() const
{
    CATALOG_OR({})
    const auto &maximum = catalog->type(m_index).editor.maximum;
    return maximum ? QVariant(double(*maximum)) : QVariant();
}

bool OptionDetails::hasSpinBoxRange() const
{
    CATALOG_OR(false)
    const EditorInfo &editor = catalog->type(m_index).editor;
    // QtQuick's SpinBox holds an int.
    return editor.kind == Snowpane::Options::EditorKind::Integer && editor.minimum && editor.maximum && *editor.minimum >= std::numeric_limits<int>::min()
        && *editor.maximum <= std::numeric_limits<int>::max();
}

QString OptionDetails::pattern() const
{
    CATALOG_OR({})
    return catalog->type(m_index).editor.pattern.value_or(QString());
}

QStringList OptionDetails::choices() const
{
    CATALOG_OR({})
    return catalog->type(m_index).editor.choices;
}

bool OptionDetails::isReadOnly() const
{
    CATALOG_OR(false)
    return catalog->isReadOnly(m_index);
}

QString OptionDetails::readOnlyReason() const
{
    CATALOG_OR({})
    if (catalog->isReadOnly(m_index)) {
        return tr("NixOS sets this option itself; a configuration cannot set it.");
    }
    const EditorInfo &editor = catalog->type(m_index).editor;
    if (editor.kind == Snowpane::Options::EditorKind::AttributeSet) {
        return tr("Attribute sets are edited in the configuration file, where each entry can be written out.");
    }
    if (editor.kind == Snowpane::Options::EditorKind::List) {
        // The list editor writes one line of text per element.
        static const QStringList simple{u"text"_s, u"integer"_s, u"float"_s, u"path"_s, u"choice"_s, u"switch"_s};
        if (!simple.contains(elementKind())) {
            return tr("The elements of this list are structured values, so the list is edited in the configuration file.");
        }
    }
    return editor.kind == Snowpane::Options::EditorKind::ReadOnly ? editor.readOnlyReason : QString();
}

QString OptionDetails::description() const
{
    CATALOG_OR({})
    return Snowpane::Ui::descriptionMarkdown(catalog->descriptionView(m_index).toString());
}

QString OptionDetails::defaultText() const
{
    CATALOG_OR({})
    return catalog->option(m_index).defaultValue.text;
}

bool OptionDetails::defaultIsMarkdown() const
{
    CATALOG_OR(false)
    return catalog->option(m_index).defaultValue.kind == OptionLiteral::Kind::Markdown;
}

QString OptionDetails::exampleText() const
{
    CATALOG_OR({})
    return catalog->option(m_index).example.text;
}

bool OptionDetails::exampleIsMarkdown() const
{
    CATALOG_OR(false)
    return catalog->option(m_index).example.kind == OptionLiteral::Kind::Markdown;
}

QStringList OptionDetails::declarations() const
{
    CATALOG_OR({})
    return catalog->option(m_index).declarations;
}

QList<OptionDefinition> OptionDetails::definitions() const
{
    return m_name.isEmpty() ? QList<OptionDefinition>() : ConfigurationSession::self()->definitions(m_name);
}

QVariant OptionDetails::value() const
{
    return m_name.isEmpty() ? QVariant() : ConfigurationSession::self()->literalValue(m_name);
}

QVariant OptionDetails::initialValue() const
{
    if (const QVariant current = value(); current.isValid()) {
        return current;
    }
    CATALOG_OR({})
    const OptionLiteral fallback = catalog->option(m_index).defaultValue;
    if (fallback.kind == OptionLiteral::Kind::Markdown || fallback.kind == OptionLiteral::Kind::None) {
        return {};
    }
    // A plain default (6, true, "INFO", [ 22 ]) is JSON, or a Nix list of such values.
    const QString text = fallback.text.trimmed();
    QJsonDocument document = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
    if (!document.isArray() && text.startsWith(u'[') && text.endsWith(u']')) {
        static const QRegularExpression space(u"\\s+"_s);
        const QStringList items = text.mid(1, text.size() - 2).split(space, Qt::SkipEmptyParts);
        document = QJsonDocument::fromJson("[[" + items.join(u',').toUtf8() + "]]");
    }
    if (!document.isArray() || document.array().size() != 1) {
        return {};
    }
    return document.array().at(0).toVariant();
}

QString OptionDetails::initialText() const
{
    const QVariant current = initialValue();
    if (!current.isValid() || current.isNull()) {
        return {};
    }
    if (current.metaType() == QMetaType::fromType<bool>()) {
        return current.toBool() ? u"true"_s : u"false"_s;
    }
    if (current.metaType() == QMetaType::fromType<double>()) {
        return QString::number(current.toDouble(), 'g', QLocale::FloatingPointShortest);
    }
    return current.toString();
}

QStringList OptionDetails::listItems() const
{
    QStringList items;
    for (const QVariant &item : initialValue().toList()) {
        items.append(item.metaType() == QMetaType::fromType<bool>() ? (item.toBool() ? u"true"_s : u"false"_s) : item.toString());
    }
    return items;
}

bool OptionDetails::isDefined() const
{
    return !definitions().isEmpty();
}

bool OptionDetails::isEditable() const
{
    return checkEditable().isEmpty();
}

QString OptionDetails::editBlockedReason() const
{
    return checkEditable();
}

QString OptionDetails::checkEditable() const
{
    CATALOG_OR(tr("There is no option called %1 in the catalog.").arg(m_name))
    if (const QString reason = readOnlyReason(); !reason.isEmpty()) {
        return reason;
    }
    ConfigurationSession *session = ConfigurationSession::self();
    if (!session->isLoaded()) {
        return session->loadError();
    }
    if (!session->isEditable()) {
        return tr("%1 has a syntax error at line %2. Fix it before making changes here.").arg(session->syntaxErrorFile()).arg(session->syntaxErrorLine());
    }
    const QList<OptionDefinition> found = definitions();
    if (found.size() > 1) {
        return tr("Your configuration defines this option in %n places, so it is edited in the files.", nullptr, int(found.size()));
    }
    if (found.size() == 1) {
        const OptionDefinition &definition = found.constFirst();
        if (!definition.editable || definition.partial) {
            const QString &reason = definition.reason;
            return reason.isEmpty() ? tr("Your configuration computes this value, so it is edited in the file.")
                                    : tr("Your configuration computes this value (%1), so it is edited in the file.").arg(reason);
        }
    }
    return {};
}

QString OptionDetails::definitionSource() const
{
    QStringList parts;
    for (const OptionDefinition &definition : definitions()) {
        parts.append(u"# %1:%2\n%3"_s.arg(definition.file).arg(definition.line).arg(definition.source));
    }
    return parts.join(u"\n\n"_s);
}

void OptionDetails::evaluateEffectiveValue()
{
    CATALOG_OR()
    EffectiveValueEvaluator *evaluator = OptionsBackend::self()->effectiveValues();
    if (const EffectiveValue *cached = evaluator->cached(m_name)) {
        effectiveValueEvaluated(*cached);
        return;
    }
    if (m_effectiveState == EffectiveState::Evaluating) {
        return;
    }
    m_effectiveState = EffectiveState::Evaluating;
    Q_EMIT effectiveValueChanged();
    evaluator->evaluate(m_name, catalog->option(m_index).loc);
}

void OptionDetails::effectiveValueEvaluated(const EffectiveValue &value)
{
    if (value.option != m_name) {
        return;
    }
    m_effectiveState = value.ok ? EffectiveState::Ready : EffectiveState::Failed;
    m_effectiveText = value.text;
    // Nix's own message is the detail behind a sentence; Snowpane's messages are sentences already.
    const bool fromNix = value.error.startsWith(u"error:"_s);
    m_effectiveError = fromNix ? tr("Nix could not compute the value of this option.") : value.error;
    m_effectiveDetails = fromNix ? value.error : QString();
    Q_EMIT effectiveValueChanged();
}
