// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optiontype.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

namespace
{

using Kind = OptionType::Kind;

struct Atom {
    QLatin1StringView text;
    Kind kind;
};

// Fixed descriptions from lib/types.nix and pkgs.formats, longest first where
// one is a prefix of another so that the longest always wins.
constexpr Atom atoms[] = {
    {"(optionally newline-terminated) single-line string"_L1, Kind::String},
    {"INI atom (null, bool, int, float or string)"_L1, Kind::Structured},
    {"nonnegative integer or floating point number"_L1, Kind::Number},
    {"positive integer or floating point number"_L1, Kind::Number},
    {"signed integer or floating point number"_L1, Kind::Number},
    {"integer or floating point number"_L1, Kind::Number},
    {"boolean (merged using or)"_L1, Kind::Boolean},
    {"impossible (empty enum)"_L1, Kind::Enum},
    {"Nixpkgs package set"_L1, Kind::Structured},
    {"optionType"_L1, Kind::Structured},
    {"floating point number"_L1, Kind::Float},
    {"non-empty string"_L1, Kind::String},
    {"Concatenated string"_L1, Kind::String},
    {"signed integer"_L1, Kind::Integer},
    {"unsigned integer"_L1, Kind::Integer},
    {"positive integer"_L1, Kind::Integer},
    {"integer"_L1, Kind::Integer},
    {"boolean"_L1, Kind::Boolean},
    {"string"_L1, Kind::String},
    {"str"_L1, Kind::String},
    {"path in the Nix store"_L1, Kind::Path},
    {"absolute path"_L1, Kind::Path},
    {"path"_L1, Kind::Path},
    {"shell package"_L1, Kind::Package},
    {"package"_L1, Kind::Package},
    {"null"_L1, Kind::Null},
    {"submodule"_L1, Kind::Submodule},
    {"module"_L1, Kind::Submodule},
    {"attribute-tagged union"_L1, Kind::Structured},
    {"attribute set"_L1, Kind::Attrs},
    {"JSON value"_L1, Kind::Structured},
    {"TOML value"_L1, Kind::Structured},
    {"YAML 1.1 value"_L1, Kind::Structured},
    {"YAML value"_L1, Kind::Structured},
    {"Nix value"_L1, Kind::Structured},
    {"Lua value"_L1, Kind::Structured},
    {"Python value"_L1, Kind::Structured},
    {"Elixir value"_L1, Kind::Structured},
    {"PHP value"_L1, Kind::Structured},
    {"Java properties"_L1, Kind::Structured},
    {"anything"_L1, Kind::Structured},
    {"raw value"_L1, Kind::Structured},
    {"unspecified value"_L1, Kind::Structured},
    {"unspecified"_L1, Kind::Structured},
    {"function"_L1, Kind::Function},
};

struct Suffix {
    QLatin1StringView text;
    QLatin1StringView forbidden[2];
};

// types.passwdEntry and friends append a clause to the description of the type they wrap.
constexpr Suffix forbiddenSuffixes[] = {
    {", not containing newlines or colons"_L1, {"newlines"_L1, "colons"_L1}},
    {", not containing newlines or zero bytes"_L1, {"newlines"_L1, "zero bytes"_L1}},
};

class Parser
{
public:
    explicit Parser(QStringView text)
        : m_text(text)
    {
    }

    [[nodiscard]] std::optional<OptionType> parseAll()
    {
        auto result = alternatives(0);
        if (!result || m_pos != m_text.size()) {
            return std::nullopt;
        }
        return result;
    }

private:
    [[nodiscard]] QStringView rest() const
    {
        return m_text.mid(m_pos);
    }

    bool eat(QLatin1StringView word)
    {
        if (rest().startsWith(word)) {
            m_pos += word.size();
            return true;
        }
        return false;
    }

    // Whether a word of the grammar ends at m_pos + length: a word such as
    // "string" must not match the start of "strings concatenated with".
    [[nodiscard]] bool boundaryAfter(qsizetype length) const
    {
        const qsizetype end = m_pos + length;
        if (end >= m_text.size()) {
            return true;
        }
        const QChar next = m_text.at(end);
        return next == u' ' || next == u',' || next == u')' || next == u';';
    }

    // Where the current parenthesised group ends: the first unbalanced ")" or the end.
    [[nodiscard]] qsizetype groupEnd(int depth) const
    {
        if (depth == 0) {
            return m_text.size();
        }
        int balance = 0;
        for (qsizetype i = m_pos; i < m_text.size(); ++i) {
            if (m_text.at(i) == u'(') {
                ++balance;
            } else if (m_text.at(i) == u')' && --balance < 0) {
                return i;
            }
        }
        return m_text.size();
    }

    [[nodiscard]] std::optional<OptionType> alternatives(int depth)
    {
        const qsizetype start = m_pos;
        std::vector<OptionType> items;
        auto first = term(depth);
        if (!first) {
            return std::nullopt;
        }
        items.push_back(std::move(*first));
        bool coerced = false;
        while (true) {
            if (eat(" convertible to it"_L1)) {
                coerced = true;
                break;
            }
            if (!eat(", or "_L1) && !eat(" or "_L1)) {
                break;
            }
            auto next = term(depth);
            if (!next) {
                return std::nullopt;
            }
            items.push_back(std::move(*next));
        }
        const QString text = m_text.mid(start, m_pos - start).toString();
        return combine(std::move(items), text, coerced);
    }

    [[nodiscard]] static OptionType combine(std::vector<OptionType> items, const QString &text, bool coerced)
    {
        if (items.size() == 1) {
            return std::move(items.front());
        }
        OptionType type;
        type.text = text;
        if (items.front().kind == Kind::Null && !coerced) {
            type.kind = Kind::Nullable;
            items.erase(items.begin());
            const QString inner = text.mid(text.indexOf(u" or "_s) + 4);
            type.children.push_back(combine(std::move(items), inner, false));
            return type;
        }
        type.kind = Kind::Either;
        type.coerced = coerced;
        type.children = std::move(items);
        return type;
    }

    [[nodiscard]] std::optional<OptionType> term(int depth)
    {
        const qsizetype start = m_pos;
        auto result = termWithoutSuffix(depth);
        if (!result) {
            return std::nullopt;
        }
        for (const Suffix &suffix : forbiddenSuffixes) {
            if (eat(suffix.text)) {
                for (QLatin1StringView word : suffix.forbidden) {
                    result->forbiddenCharacters.append(word);
                }
                result->text = m_text.mid(start, m_pos - start).toString();
            }
        }
        return result;
    }

    [[nodiscard]] std::optional<OptionType> wrap(Kind kind, qsizetype start, int depth)
    {
        auto element = term(depth);
        if (!element) {
            return std::nullopt;
        }
        OptionType type;
        type.kind = kind;
        type.children.push_back(std::move(*element));
        type.text = m_text.mid(start, m_pos - start).toString();
        return type;
    }

    [[nodiscard]] std::optional<OptionType> termWithoutSuffix(int depth)
    {
        const qsizetype start = m_pos;
        if (eat("list of "_L1)) {
            return wrap(Kind::List, start, depth);
        }
        if (eat("non-empty list of "_L1)) {
            auto list = wrap(Kind::List, start, depth);
            if (list) {
                list->nonEmpty = true;
            }
            return list;
        }
        if (eat("non-empty "_L1)) {
            auto inner = term(depth);
            if (inner) {
                inner->nonEmpty = true;
                inner->text = m_text.mid(start, m_pos - start).toString();
            }
            return inner;
        }
        if (eat("lazy attribute set of "_L1)) {
            auto attrs = wrap(Kind::AttrsOf, start, depth);
            if (attrs) {
                attrs->lazy = true;
            }
            return attrs;
        }
        if (eat("attribute set of "_L1)) {
            return wrap(Kind::AttrsOf, start, depth);
        }
        if (eat("function that evaluates to a(n) "_L1)) {
            return wrap(Kind::Function, start, depth);
        }
        if (eat("open submodule of "_L1)) {
            return wrap(Kind::Submodule, start, depth);
        }
        if (eat("strings concatenated with "_L1)) {
            return separated(start);
        }
        if (eat("string matching the pattern "_L1)) {
            const qsizetype end = groupEnd(depth);
            OptionType type;
            type.kind = Kind::String;
            type.pattern = m_text.mid(m_pos, end - m_pos).toString();
            m_pos = end;
            type.text = m_text.mid(start, m_pos - start).toString();
            return type;
        }
        if (eat("one of "_L1)) {
            return enumeration(start, false);
        }
        if (eat("value "_L1)) {
            return enumeration(start, true);
        }
        static const QRegularExpression sized(u"\\A([0-9]+) bit (un)?signed integer"_s);
        if (const auto match = sized.matchView(rest()); match.hasMatch()) {
            m_pos += match.capturedLength(0);
            OptionType type;
            type.kind = Kind::Integer;
            type.bits = match.capturedView(1).toInt();
            numberTail(type);
            type.text = m_text.mid(start, m_pos - start).toString();
            return type;
        }
        for (const Atom &atom : atoms) {
            if (rest().startsWith(atom.text) && boundaryAfter(atom.text.size())) {
                m_pos += atom.text.size();
                OptionType type;
                type.kind = atom.kind;
                type.nonEmpty = atom.text == "non-empty string"_L1;
                type.singleLine = atom.text.startsWith(u'(');
                type.absolute = atom.text == "absolute path"_L1 || atom.text == "path in the Nix store"_L1;
                type.inStore = atom.text == "path in the Nix store"_L1;
                if (atom.text == "Concatenated string"_L1) {
                    type.separator = QString();
                }
                if (atom.kind == Kind::Integer || atom.kind == Kind::Number) {
                    numberTail(type);
                }
                type.text = m_text.mid(start, m_pos - start).toString();
                return type;
            }
        }
        if (eat("("_L1)) {
            auto inner = alternatives(depth + 1);
            if (!inner || !eat(")"_L1)) {
                return std::nullopt;
            }
            return inner;
        }
        return other(depth);
    }

    // "; between A and B (both inclusive)", " between A and B (both inclusive)", ", meaning >=0" and ", meaning >0".
    // Integer ranges go to minimum/maximum, number ranges to floatMinimum/floatMaximum.
    void numberTail(OptionType &type)
    {
        static const QRegularExpression between(u"\\A;? between (-?[0-9.e+]+) and (-?[0-9.e+]+) \\(both inclusive\\)"_s);
        const bool integer = type.kind == Kind::Integer;
        const auto match = between.matchView(rest());
        if (match.hasMatch()) {
            if (integer) {
                bool lowOk = false;
                bool highOk = false;
                const qint64 low = match.capturedView(1).toLongLong(&lowOk);
                const qint64 high = match.capturedView(2).toLongLong(&highOk);
                if (lowOk) {
                    type.minimum = low;
                }
                if (highOk) {
                    type.maximum = high;
                }
            } else {
                type.floatMinimum = match.capturedView(1).toDouble();
                type.floatMaximum = match.capturedView(2).toDouble();
            }
            m_pos += match.capturedLength(0);
        } else if (eat(", meaning >=0"_L1)) {
            if (integer) {
                type.minimum = 0;
            } else {
                type.floatMinimum = 0.0;
            }
        } else if (eat(", meaning >0"_L1)) {
            if (integer) {
                type.minimum = 1;
            } else {
                type.floatMinimum = 0.0;
                type.exclusiveMinimum = true;
            }
        }
    }

    [[nodiscard]] std::optional<OptionType> separated(qsizetype start)
    {
        // The separator is written with builtins.toJSON.
        if (!rest().startsWith(u'"')) {
            return std::nullopt;
        }
        qsizetype end = m_pos + 1;
        while (end < m_text.size() && m_text.at(end) != u'"') {
            end += m_text.at(end) == u'\\' ? 2 : 1;
        }
        if (end >= m_text.size()) {
            return std::nullopt;
        }
        const QString literal = m_text.mid(m_pos, end + 1 - m_pos).toString();
        const QJsonDocument document = QJsonDocument::fromJson(QString(u'[' + literal + u']').toUtf8());
        if (!document.isArray()) {
            return std::nullopt;
        }
        OptionType type;
        type.kind = Kind::String;
        type.separator = document.array().at(0).toString();
        m_pos = end + 1;
        type.text = m_text.mid(start, m_pos - start).toString();
        return type;
    }

    // lib/types.nix shows strings in plain double quotes (unescaped), and numbers and booleans as text.
    [[nodiscard]] std::optional<OptionType> enumeration(qsizetype start, bool singular)
    {
        static const QRegularExpression bare(u"\\A(-?[0-9][0-9.]*|true|false|null|<[a-z]+>)"_s);
        OptionType type;
        type.kind = Kind::Enum;
        while (true) {
            if (rest().startsWith(u'"')) {
                const qsizetype close = m_text.indexOf(u'"', m_pos + 1);
                if (close < 0) {
                    return std::nullopt;
                }
                type.enumValues.append(m_text.mid(m_pos, close + 1 - m_pos).toString());
                type.enumTexts.append(m_text.mid(m_pos + 1, close - m_pos - 1).toString());
                m_pos = close + 1;
            } else {
                const auto match = bare.matchView(rest());
                if (!match.hasMatch()) {
                    return std::nullopt;
                }
                type.enumValues.append(match.captured(0));
                type.enumTexts.append(match.captured(0));
                m_pos += match.capturedLength(0);
            }
            if (singular) {
                if (!eat(" (singular enum)"_L1)) {
                    return std::nullopt;
                }
                break;
            }
            // Another value follows ", " unless the next word is "or" (an alternative).
            if (!rest().startsWith(", "_L1) || rest().startsWith(", or "_L1)) {
                break;
            }
            m_pos += 2;
        }
        type.text = m_text.mid(start, m_pos - start).toString();
        return type;
    }

    // Text the grammar does not know, up to the next " or ", ", or ", closing parenthesis of the group, or the end.
    [[nodiscard]] std::optional<OptionType> other(int depth)
    {
        const qsizetype start = m_pos;
        const qsizetype end = groupEnd(depth);
        qsizetype stop = end;
        int balance = 0;
        for (qsizetype i = m_pos; i < end; ++i) {
            const QChar c = m_text.at(i);
            if (c == u'(') {
                ++balance;
            } else if (c == u')') {
                --balance;
            } else if (balance == 0 && i > start) {
                const QStringView tail = m_text.mid(i, end - i);
                if (tail.startsWith(" or "_L1) || tail.startsWith(", or "_L1) || tail.startsWith(" convertible to it"_L1)) {
                    stop = i;
                    break;
                }
            }
        }
        if (stop == start) {
            return std::nullopt;
        }
        m_pos = stop;
        OptionType type;
        type.kind = Kind::Other;
        type.text = m_text.mid(start, stop - start).toString();
        return type;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

OptionType OptionType::parse(QStringView description)
{
    const QStringView trimmed = description.trimmed();
    if (auto parsed = Parser(trimmed).parseAll()) {
        return std::move(*parsed);
    }
    OptionType other;
    other.kind = Kind::Other;
    other.text = trimmed.toString();
    return other;
}

} // namespace Snowpane::Options
