// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// OptionDetails, writing: checking a value and turning it into an edit of the configuration.

#include "Options/optiondetails.h"

#include "Common/configurationsession.h"
#include "Options/optiondetailscatalog_p.h"
#include "Options/optionpresentation.h"
#include "valuevalidator.h"

#include <QJSValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

[[nodiscard]] QVariant plainVariant(const QVariant &value)
{
    return value.metaType() == QMetaType::fromType<QJSValue>() ? value.value<QJSValue>().toVariant() : value;
}

} // namespace

QString OptionDetails::validate(const QVariant &value) const
{
    CATALOG_OR(tr("There is no option called %1 in the catalog.").arg(m_name))
    const Validation validation = validateValue(catalog->type(m_index).tree, QJsonValue::fromVariant(plainVariant(value)));
    return validation.ok ? QString() : validation.message;
}

QString OptionDetails::setValue(const QVariant &value)
{
    if (const QString blocked = checkEditable(); !blocked.isEmpty()) {
        return blocked;
    }
    if (const QString invalid = validate(value); !invalid.isEmpty()) {
        return invalid;
    }
    return ConfigurationSession::self()->setOptionValue(m_name, plainVariant(value));
}

QVariant OptionDetails::valueFromText(const QString &text) const
{
    const EditorKind kind = editorKind();
    if (kind != EditorKind::Integer && kind != EditorKind::Float) {
        return text;
    }
    // Numbers are read in the C locale, as Nix writes them; a whole number keeps all its digits.
    const QString trimmed = text.trimmed();
    bool ok = false;
    if (kind == EditorKind::Integer) {
        const qlonglong whole = trimmed.toLongLong(&ok);
        if (ok) {
            return whole;
        }
    }
    const double number = trimmed.toDouble(&ok);
    return ok ? number : std::numeric_limits<double>::quiet_NaN();
}

QString OptionDetails::validateText(const QString &text) const
{
    const EditorKind kind = editorKind();
    if (text.isEmpty() && kind != EditorKind::Integer && kind != EditorKind::Float) {
        return {};
    }
    return validate(valueFromText(text));
}

QString OptionDetails::setText(const QString &text)
{
    return setValue(valueFromText(text));
}

QString OptionDetails::pathText(const QUrl &url)
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}

QString OptionDetails::setListItems(const QStringList &items)
{
    if (editorKind() == EditorKind::PackageList) {
        return setPackages(items);
    }
    const QString element = elementKind();
    if (element.isEmpty()) {
        return tr("%1 is not a list.").arg(m_name);
    }
    QVariantList values;
    for (const QString &item : items) {
        const QString text = item.trimmed();
        if (element == u"integer"_s) {
            bool ok = false;
            const qlonglong number = text.toLongLong(&ok);
            if (!ok) {
                return tr("“%1” is not a whole number.").arg(item);
            }
            values.append(number);
        } else if (element == u"float"_s) {
            bool ok = false;
            const double number = text.toDouble(&ok);
            if (!ok) {
                return tr("“%1” is not a number.").arg(item);
            }
            values.append(number);
        } else if (element == u"switch"_s) {
            if (text != u"true"_s && text != u"false"_s) {
                return tr("“%1” is neither true nor false.").arg(item);
            }
            values.append(text == u"true"_s);
        } else {
            values.append(item);
        }
    }
    return setValue(values);
}

QString OptionDetails::setPackages(const QStringList &attributes)
{
    if (editorKind() != EditorKind::PackageList) {
        return tr("%1 is not a list of packages.").arg(m_name);
    }
    if (const QString blocked = checkEditable(); !blocked.isEmpty()) {
        return blocked;
    }
    static const QRegularExpression attribute(u"^[A-Za-z_][A-Za-z0-9_'-]*(\\.[A-Za-z_][A-Za-z0-9_'-]*)*$"_s);
    QStringList names;
    for (const QString &item : attributes) {
        const QString name = item.trimmed();
        if (!attribute.match(name).hasMatch()) {
            return tr("“%1” is not a package name such as firefox or python3Packages.numpy.").arg(item);
        }
        if (!names.contains(name)) {
            names.append(name);
        }
    }
    return ConfigurationSession::self()->setOptionNix(m_name, names.isEmpty() ? u"[ ]"_s : u"with pkgs; [ %1 ]"_s.arg(names.join(u' ')));
}

QString OptionDetails::setChoice(int index)
{
    CATALOG_OR(tr("There is no option called %1 in the catalog.").arg(m_name))
    const OptionType *type = &catalog->type(m_index).tree;
    while (type->kind == OptionType::Kind::Nullable && !type->children.empty()) {
        type = &type->children.front();
    }
    if (type->kind != OptionType::Kind::Enum || index < 0 || index >= type->enumValues.size()) {
        return tr("That is not one of the choices of %1.").arg(m_name);
    }
    // enumValues are written as Nix shows them: JSON for text, plain for numbers and booleans.
    const QJsonDocument document = QJsonDocument::fromJson("[" + type->enumValues.at(index).toUtf8() + "]");
    const QJsonValue value = document.isArray() && document.array().size() == 1 ? document.array().at(0) : QJsonValue(type->enumTexts.at(index));
    return setValue(value.toVariant());
}

int OptionDetails::currentChoice() const
{
    const QVariant current = initialValue();
    if (!current.isValid() || current.isNull()) {
        return -1;
    }
    const QString text = current.metaType() == QMetaType::fromType<bool>() ? (current.toBool() ? u"true"_s : u"false"_s) : current.toString();
    return int(choices().indexOf(text));
}

QString OptionDetails::reset()
{
    if (m_name.isEmpty()) {
        return tr("No option is shown.");
    }
    if (definitions().isEmpty()) {
        return {};
    }
    return ConfigurationSession::self()->unsetOption(m_name);
}
