// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Options/optionpresentation.h"

#include "Common/configurationsession.h"
#include "snowpanesettings.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Snowpane::Ui
{

QString descriptionMarkdown(QStringView description)
{
    QString text = description.toString();
    // {option}`a.b`, {command}`ls`, {file}`/etc`, {var}`x`, {env}`PATH`, {manpage}`x(5)`: code.
    static const QRegularExpression role(u"\\{[a-z]+\\}`([^`]*)`"_s);
    text.replace(role, u"`\\1`"_s);
    // [](#opt-a.b): a link to an option, with its name as the text.
    static const QRegularExpression optionLink(u"\\[\\]\\(#opt-([^)]+)\\)"_s);
    text.replace(optionLink, u"`\\1`"_s);
    static const QRegularExpression emptyLink(u"\\[\\]\\(([^)]+)\\)"_s);
    text.replace(emptyLink, u"<\\1>"_s);
    // ::: {.note} ... ::: admonitions become a quoted paragraph with a bold heading.
    static const QRegularExpression admonitionStart(u"^:::\\s*\\{\\.([a-z]+)\\}\\s*$"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression admonitionEnd(u"^:::\\s*$"_s, QRegularExpression::MultilineOption);
    QString out;
    bool inAdmonition = false;
    for (const QString &line : text.split(u'\n')) {
        const auto start = admonitionStart.match(line);
        if (start.hasMatch()) {
            QString kind = start.captured(1);
            kind[0] = kind[0].toUpper();
            out += u"> **"_s + kind + u":**\n"_s;
            inAdmonition = true;
            continue;
        }
        if (inAdmonition && admonitionEnd.match(line).hasMatch()) {
            inAdmonition = false;
            continue;
        }
        out += (inAdmonition ? u"> "_s : QString()) + line + u'\n';
    }
    return out.trimmed();
}

QString descriptionSummary(QStringView description)
{
    QString text = descriptionMarkdown(description);
    // The first paragraph.
    const qsizetype paragraphEnd = text.indexOf(u"\n\n"_s);
    if (paragraphEnd > 0) {
        text.truncate(paragraphEnd);
    }
    static const QRegularExpression link(u"\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    text.replace(link, u"\\1"_s);
    text.remove(u'`');
    text.remove(u"**"_s);
    text.remove(u"> "_s);
    text.replace(u'\n', u' ');
    text = text.simplified();
    // The first sentence: a full stop followed by a space and a capital letter.
    static const QRegularExpression sentenceEnd(u"[.!?](?=\\s+[A-Z])"_s);
    const auto end = sentenceEnd.match(text);
    if (end.hasMatch()) {
        text.truncate(end.capturedEnd());
    }
    constexpr qsizetype maximum = 200;
    if (text.size() > maximum) {
        text = text.left(maximum - 1).trimmed() + u'…';
    }
    return text;
}

SwitchState switchState(const Snowpane::Options::OptionCatalog &catalog, int index)
{
    using Snowpane::Options::OptionLiteral;
    SwitchState state;
    const QString name = catalog.name(index).toString();
    const Snowpane::Options::Option option = catalog.option(index);
    const bool byDefault = option.defaultValue.kind != OptionLiteral::Kind::None && option.defaultValue.text.trimmed() == u"true"_s;
    const QList<OptionDefinition> definitions = ConfigurationSession::self()->definitions(name);
    state.defined = !definitions.isEmpty();
    if (definitions.isEmpty()) {
        state.checked = byDefault;
        state.toggleable = ConfigurationSession::self()->isEditable();
        state.state = QCoreApplication::translate("OptionPresentation", "default");
        return state;
    }
    const OptionDefinition &first = definitions.constFirst();
    const QVariant &value = first.value;
    const QString where = u"%1:%2"_s.arg(first.file).arg(first.line);
    if (definitions.size() == 1 && value.metaType() == QMetaType::fromType<bool>()) {
        state.checked = value.toBool();
        state.toggleable = first.editable && !first.partial && ConfigurationSession::self()->isEditable();
        state.state = state.toggleable ? where : QCoreApplication::translate("OptionPresentation", "%1 (%2)").arg(where, first.reason);
        return state;
    }
    state.checked = byDefault;
    state.toggleable = false;
    state.state = definitions.size() > 1
        ? QCoreApplication::translate("OptionPresentation", "defined %n times; edit it in the files", nullptr, int(definitions.size()))
        : QCoreApplication::translate("OptionPresentation", "%1, computed: %2").arg(where, first.reason);
    return state;
}

OptionFilter OptionFilter::fromSettings()
{
    const SnowpaneSettings *settings = SnowpaneSettings::self();
    return {settings->showReadOnlyOptions(), settings->showInternalOptions()};
}

} // namespace Snowpane::Ui
