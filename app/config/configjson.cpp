// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "configjson.h"

using namespace Qt::StringLiterals;

namespace Snowpane::Config
{

namespace
{

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

QJsonObject valueJson(const Value &value)
{
    QJsonObject o;
    o.insert(u"type"_s, QString::fromLatin1(valueTypeName(value.type)));
    switch (value.type) {
    case Value::Type::Null:
        o.insert(u"value"_s, QJsonValue::Null);
        break;
    case Value::Type::Bool:
        o.insert(u"value"_s, value.boolean);
        break;
    case Value::Type::Int:
        o.insert(u"value"_s, static_cast<qint64>(value.integer));
        break;
    case Value::Type::Float:
        o.insert(u"value"_s, value.number);
        break;
    case Value::Type::List: {
        QJsonArray items;
        for (const Value &item : value.items) {
            items.append(valueJson(item));
        }
        o.insert(u"value"_s, items);
        break;
    }
    case Value::Type::AttrSet: {
        QJsonObject attrs;
        for (const auto &[name, item] : value.attrs) {
            attrs.insert(str(name), valueJson(item));
        }
        o.insert(u"value"_s, attrs);
        break;
    }
    default:
        o.insert(u"value"_s, str(value.text));
        break;
    }
    return o;
}

QJsonArray stringsJson(const std::vector<std::string> &strings)
{
    QJsonArray out;
    for (const std::string &s : strings) {
        out.append(str(s));
    }
    return out;
}

QJsonArray definitionsJson(const DocumentSet &set, const std::vector<Definition> &definitions)
{
    QJsonArray out;
    for (const Definition &d : definitions) {
        QJsonObject o;
        o.insert(u"file"_s, str(d.file));
        o.insert(u"line"_s, static_cast<int>(d.line));
        o.insert(u"column"_s, static_cast<int>(d.column));
        // Every host of the flake whose configuration includes the file (for inline modules of flake.nix: the host whose list holds them).
        o.insert(u"hosts"_s, stringsJson(set.hostsOf(d.document)));
        o.insert(u"kind"_s, str(definitionKind(d)));
        o.insert(u"editable"_s, d.editable);
        o.insert(u"priority"_s, d.priority);
        if (!d.wrapper.empty()) {
            o.insert(u"wrapper"_s, str(d.wrapper));
        }
        if (!d.reason.empty()) {
            o.insert(u"reason"_s, str(d.reason));
        }
        o.insert(u"value"_s, valueJson(d.read));
        out.append(o);
    }
    return out;
}

QJsonObject optionJson(const DocumentSet &set, const OptionPath &path, const std::vector<Definition> &definitions)
{
    QJsonObject o;
    o.insert(u"option"_s, str(formatAttrPath(path)));
    o.insert(u"defined"_s, !definitions.empty());
    if (definitions.size() == 1 && !definitions.front().partial && !definitions.front().opaqueSet) {
        o.insert(u"value"_s, valueJson(definitions.front().read));
    } else {
        o.insert(u"value"_s, QJsonValue::Null);
    }
    o.insert(u"definitions"_s, definitionsJson(set, definitions));
    return o;
}

QJsonObject importsJson(const DocumentSet &set)
{
    QJsonObject o;
    o.insert(u"entry"_s, str(set.entry()));
    if (!set.host().empty()) {
        o.insert(u"host"_s, str(set.host()));
    }
    if (set.scope().known()) {
        o.insert(u"reading"_s, QString::fromLatin1(Snowpane::Config::hostReadingName(set.scope().reading)));
        if (!set.scope().why.empty()) {
            o.insert(u"why"_s, str(set.scope().why));
        }
    }
    QJsonArray files;
    for (std::size_t i = 0; i < set.documents().size(); ++i) {
        const Document &d = set.documents()[i];
        QJsonObject f;
        f.insert(u"path"_s, str(d.path));
        QJsonArray imports;
        for (const ImportEdge &e : set.edges()) {
            if (e.from == i) {
                imports.append(str(set.documents()[e.to].path));
            }
        }
        f.insert(u"imports"_s, imports);
        f.insert(u"syntaxErrors"_s, d.tree->hasErrors());
        f.insert(u"hosts"_s, stringsJson(set.hostsOf(i)));
        files.append(f);
    }
    o.insert(u"files"_s, files);
    QJsonArray notFollowed;
    for (const ImportNote &n : set.notFollowed()) {
        const auto &doc = set.documents()[n.document];
        const auto at = doc.tree->locate(n.offset);
        QJsonObject j;
        j.insert(u"file"_s, str(doc.path));
        j.insert(u"line"_s, static_cast<int>(at.line));
        j.insert(u"column"_s, static_cast<int>(at.column));
        j.insert(u"text"_s, str(n.text));
        j.insert(u"reason"_s, str(n.reason));
        notFollowed.append(j);
    }
    o.insert(u"notFollowed"_s, notFollowed);
    return o;
}

} // namespace Snowpane::Config
