// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "validation.h"

#include "helperprotocol.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

namespace
{

// QVariant::typeId() of what QDataStream hands the helper. Anything else —
// doubles, booleans, maps, byte arrays, GUI types — is refused by name.
bool isString(const QVariant &value)
{
    return value.typeId() == QMetaType::QString;
}

bool hasControlCharacter(QStringView text, bool allowNewlines)
{
    return std::any_of(text.begin(), text.end(), [allowNewlines](QChar c) {
        const char16_t u = c.unicode();
        if (allowNewlines && (u == u'\n' || u == u'\t')) {
            return false;
        }
        return u < 0x20 || u == 0x7f;
    });
}

QString typeNameOf(const QVariant &value)
{
    return value.isValid() ? QString::fromLatin1(value.typeName()) : u"nothing"_s;
}

Checked<QString> optionalRequestId(const QVariantMap &arguments)
{
    if (!arguments.contains(QLatin1String(Protocol::Key::Request))) {
        return Checked<QString>::ok(QString());
    }
    return validateRequestId(arguments.value(QLatin1String(Protocol::Key::Request)));
}

template<typename T>
Checked<T> failWith(const QString &what, const QString &why)
{
    return Checked<T>::fail(what + u": "_s + why);
}

}

QString modeName(RebuildMode mode)
{
    switch (mode) {
    case RebuildMode::Switch:
        return u"switch"_s;
    case RebuildMode::Boot:
        return u"boot"_s;
    case RebuildMode::Test:
        return u"test"_s;
    case RebuildMode::Build:
        return u"build"_s;
    case RebuildMode::DryBuild:
        return u"dry-build"_s;
    case RebuildMode::DryActivate:
        return u"dry-activate"_s;
    }
    return QString();
}

bool modeSetsProfile(RebuildMode mode)
{
    return mode == RebuildMode::Switch || mode == RebuildMode::Boot;
}

bool modeActivates(RebuildMode mode)
{
    return mode == RebuildMode::Switch || mode == RebuildMode::Boot || mode == RebuildMode::Test || mode == RebuildMode::DryActivate;
}

namespace
{
enum class FileKind {
    NixOnly,
    NixOrLock,
    Any,
};

Checked<RelativeName> validateName(const QVariant &value, FileKind kind)
{
    const QString what = u"file name"_s;
    if (!isString(value)) {
        return failWith<RelativeName>(what, u"expected a string, got %1"_s.arg(typeNameOf(value)));
    }
    const QString text = value.toString();
    if (text.isEmpty()) {
        return failWith<RelativeName>(what, u"is empty"_s);
    }
    if (text.contains(QChar(0))) {
        return failWith<RelativeName>(what, u"contains a NUL byte"_s);
    }
    if (hasControlCharacter(text, false)) {
        return failWith<RelativeName>(what, u"contains a control character"_s);
    }
    if (text.toUtf8().size() > MaxNameBytes) {
        return failWith<RelativeName>(what, u"is longer than %1 bytes"_s.arg(MaxNameBytes));
    }
    if (text.startsWith(QLatin1Char('/'))) {
        return failWith<RelativeName>(what, u"'%1' is absolute; names are relative to the configuration directory"_s.arg(text));
    }
    const QStringList components = text.split(QLatin1Char('/'));
    if (components.size() > MaxComponents) {
        return failWith<RelativeName>(what, u"'%1' is nested more than %2 levels deep"_s.arg(text).arg(MaxComponents));
    }
    for (const QString &component : components) {
        if (component.isEmpty()) {
            return failWith<RelativeName>(what, u"'%1' has an empty component"_s.arg(text));
        }
        if (component == "."_L1 || component == ".."_L1) {
            return failWith<RelativeName>(what, u"'%1' contains '%2'"_s.arg(text, component));
        }
        if (component.compare(".git"_L1, Qt::CaseInsensitive) == 0) {
            return failWith<RelativeName>(what, u"'%1' is inside the git repository's own data"_s.arg(text));
        }
        if (component.toUtf8().size() > MaxComponentBytes) {
            return failWith<RelativeName>(what, u"a component of '%1' is longer than %2 bytes"_s.arg(text).arg(MaxComponentBytes));
        }
    }
    if (kind == FileKind::Any || (kind == FileKind::NixOrLock && components.last() == "flake.lock"_L1)) {
        return Checked<RelativeName>::ok(RelativeName{text, components});
    }
    // Only Nix files, because only those can be checked before they are written.
    if (!components.last().endsWith(".nix"_L1) || components.last() == ".nix"_L1) {
        return failWith<RelativeName>(what, u"'%1' is not a .nix file"_s.arg(text));
    }
    return Checked<RelativeName>::ok(RelativeName{text, components});
}
}

Checked<RelativeName> validateRelativeName(const QVariant &value)
{
    return validateName(value, FileKind::NixOnly);
}

Checked<RelativeName> validateRestoredName(const QVariant &value)
{
    return validateName(value, FileKind::NixOrLock);
}

Checked<RelativeName> validateTrackedPath(const QString &path)
{
    return validateName(QVariant(path), FileKind::Any);
}

Checked<QByteArray> validateContent(const QVariant &value)
{
    const QString what = u"content"_s;
    if (!isString(value)) {
        return failWith<QByteArray>(what, u"expected a string, got %1"_s.arg(typeNameOf(value)));
    }
    const QString text = value.toString();
    // A UTF-8 encoding is at most three bytes per UTF-16 unit: refuse huge input before converting it.
    if (text.size() > MaxContentBytes) {
        return failWith<QByteArray>(what, u"is larger than %1 bytes"_s.arg(MaxContentBytes));
    }
    QByteArray bytes = text.toUtf8();
    if (bytes.size() > MaxContentBytes) {
        return failWith<QByteArray>(what, u"is larger than %1 bytes"_s.arg(MaxContentBytes));
    }
    if (bytes.contains('\0')) {
        return failWith<QByteArray>(what, u"contains a NUL byte"_s);
    }
    return Checked<QByteArray>::ok(std::move(bytes));
}

Checked<RebuildMode> validateRebuildMode(const QVariant &value)
{
    const QString what = u"mode"_s;
    if (!isString(value)) {
        return failWith<RebuildMode>(what, u"expected a string, got %1"_s.arg(typeNameOf(value)));
    }
    const QString text = value.toString();
    for (RebuildMode mode : {RebuildMode::Switch, RebuildMode::Boot, RebuildMode::Test, RebuildMode::Build, RebuildMode::DryBuild, RebuildMode::DryActivate}) {
        if (text == modeName(mode)) {
            return Checked<RebuildMode>::ok(mode);
        }
    }
    return failWith<RebuildMode>(what, u"'%1' is not one of switch, boot, test, build, dry-build, dry-activate"_s.arg(text.left(64)));
}

Checked<RebuildMode> validateGenerationMode(const QVariant &value)
{
    auto mode = validateRebuildMode(value);
    if (!mode) {
        return mode;
    }
    if (mode.value() != RebuildMode::Switch && mode.value() != RebuildMode::Boot) {
        return failWith<RebuildMode>(u"mode"_s, u"a generation is switched to with 'switch' or 'boot' only"_s);
    }
    return mode;
}

Checked<QString> validateHost(const QVariant &value)
{
    const QString what = u"host"_s;
    if (!isString(value)) {
        return failWith<QString>(what, u"expected a string, got %1"_s.arg(typeNameOf(value)));
    }
    static const QRegularExpression pattern(u"\\A[A-Za-z0-9._-]+\\z"_s);
    const QString text = value.toString();
    if (text.size() > 253 || !pattern.match(text).hasMatch()) {
        return failWith<QString>(what, u"must match ^[A-Za-z0-9._-]+$ and be at most 253 characters"_s);
    }
    if (text == "."_L1 || text == ".."_L1 || text.startsWith(QLatin1Char('-'))) {
        return failWith<QString>(what, u"'%1' is not a host name"_s.arg(text));
    }
    return Checked<QString>::ok(text);
}

Checked<qint64> validateInteger(const QVariant &value, qint64 minimum, qint64 maximum)
{
    qint64 number = 0;
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        number = value.toLongLong();
        break;
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort: {
        const qulonglong unsignedNumber = value.toULongLong();
        if (unsignedNumber > qulonglong(maximum)) {
            return Checked<qint64>::fail(u"%1 is larger than %2"_s.arg(unsignedNumber).arg(maximum));
        }
        number = qint64(unsignedNumber);
        break;
    }
    default:
        return Checked<qint64>::fail(u"expected a whole number, got %1"_s.arg(typeNameOf(value)));
    }
    if (number < minimum || number > maximum) {
        return Checked<qint64>::fail(u"%1 is outside %2..%3"_s.arg(number).arg(minimum).arg(maximum));
    }
    return Checked<qint64>::ok(number);
}

Checked<int> validateGeneration(const QVariant &value)
{
    const auto number = validateInteger(value, 1, std::numeric_limits<int>::max());
    if (!number) {
        return failWith<int>(u"generation"_s, number.error());
    }
    return Checked<int>::ok(int(number.value()));
}

Checked<std::vector<int>> validateGenerationList(const QVariant &value)
{
    using R = Checked<std::vector<int>>;
    const QString what = u"generations"_s;
    // Only a list of QVariants crosses D-Bus as KAuth sends it; QList<int> would need a registered stream operator.
    if (value.typeId() != QMetaType::QVariantList) {
        return failWith<std::vector<int>>(what, u"expected a list of generation numbers, got %1"_s.arg(typeNameOf(value)));
    }
    const QVariantList items = value.toList();
    if (items.isEmpty()) {
        return failWith<std::vector<int>>(what, u"no generation to delete"_s);
    }
    if (items.size() > MaxGenerationsPerDelete) {
        return failWith<std::vector<int>>(what, u"has more than %1 entries"_s.arg(MaxGenerationsPerDelete));
    }
    std::vector<int> numbers;
    numbers.reserve(size_t(items.size()));
    std::set<int> seen;
    for (const QVariant &item : items) {
        const auto number = validateGeneration(item);
        if (!number) {
            return failWith<std::vector<int>>(what, number.error());
        }
        if (!seen.insert(number.value()).second) {
            return failWith<std::vector<int>>(what, u"generation %1 appears twice"_s.arg(number.value()));
        }
        numbers.push_back(number.value());
    }
    std::sort(numbers.begin(), numbers.end());
    return R::ok(std::move(numbers));
}

Checked<QString> validateCommitId(const QVariant &value)
{
    const QString what = u"commit"_s;
    if (!isString(value)) {
        return failWith<QString>(what, u"expected a string, got %1"_s.arg(typeNameOf(value)));
    }
    static const QRegularExpression pattern(u"\\A(?:[0-9a-f]{40}|[0-9a-f]{64})\\z"_s);
    const QString text = value.toString();
    if (!pattern.match(text).hasMatch()) {
        return failWith<QString>(what, u"must be a full lower-case hexadecimal commit id"_s);
    }
    return Checked<QString>::ok(text);
}

Checked<QString> validateCommitMessage(const QVariant &value)
{
    const QString what = u"commit message"_s;
    if (!isString(value)) {
        return failWith<QString>(what, u"expected a string, got %1"_s.arg(typeNameOf(value)));
    }
    const QString text = value.toString();
    if (text.size() > MaxMessageChars) {
        return failWith<QString>(what, u"is longer than %1 characters"_s.arg(MaxMessageChars));
    }
    if (hasControlCharacter(text, true)) {
        return failWith<QString>(what, u"contains a control character"_s);
    }
    if (text.trimmed().isEmpty()) {
        return failWith<QString>(what, u"is empty"_s);
    }
    return Checked<QString>::ok(text);
}

Checked<QString> validateRequestId(const QVariant &value)
{
    const QString what = u"request id"_s;
    if (!isString(value)) {
        return failWith<QString>(what, u"expected a string, got %1"_s.arg(typeNameOf(value)));
    }
    static const QRegularExpression pattern(u"\\A[A-Za-z0-9{}-]{1,64}\\z"_s);
    const QString text = value.toString();
    if (!pattern.match(text).hasMatch()) {
        return failWith<QString>(what, u"must be 1 to 64 letters, digits, dashes or braces"_s);
    }
    return Checked<QString>::ok(text);
}

Checked<QString> validateFlakeInputName(const QVariant &value)
{
    const QString what = u"input"_s;
    if (!isString(value)) {
        return failWith<QString>(what, u"expected a string, got %1"_s.arg(typeNameOf(value)));
    }
    // Nix's identifiers, minus the apostrophe: nothing a shell, a path or an option parser could read another way.
    static const QRegularExpression pattern(u"\\A[A-Za-z_][A-Za-z0-9_-]{0,99}\\z"_s);
    const QString text = value.toString();
    if (!pattern.match(text).hasMatch()) {
        return failWith<QString>(what, u"must be the name of one of the flake's inputs: a letter or '_', then up to 99 letters, digits, '_' or '-'"_s);
    }
    return Checked<QString>::ok(text);
}

Checked<QStringList> validateStringList(const QVariant &value, int maximumCount)
{
    QStringList list;
    if (value.typeId() == QMetaType::QStringList) {
        list = value.toStringList();
    } else if (value.typeId() == QMetaType::QVariantList) {
        const QVariantList items = value.toList();
        for (const QVariant &item : items) {
            if (!isString(item)) {
                return Checked<QStringList>::fail(u"expected a list of strings, found %1 in it"_s.arg(typeNameOf(item)));
            }
            list.append(item.toString());
        }
    } else {
        return Checked<QStringList>::fail(u"expected a list of strings, got %1"_s.arg(typeNameOf(value)));
    }
    if (list.size() > maximumCount) {
        return Checked<QStringList>::fail(u"has more than %1 entries"_s.arg(maximumCount));
    }
    return Checked<QStringList>::ok(list);
}

Checked<Done> checkKeys(const QVariantMap &arguments, const std::set<QString> &allowed)
{
    for (auto it = arguments.cbegin(); it != arguments.cend(); ++it) {
        if (!allowed.contains(it.key())) {
            return Checked<Done>::fail(u"unknown argument '%1'"_s.arg(it.key().left(64)));
        }
    }
    return Checked<Done>::ok({});
}

Checked<WriteConfigRequest> parseWriteConfig(const QVariantMap &arguments)
{
    using R = Checked<WriteConfigRequest>;
    const QString kNames = QLatin1String(Protocol::Key::Names), kContents = QLatin1String(Protocol::Key::Contents),
                  kMessage = QLatin1String(Protocol::Key::Message);
    if (auto keys = checkKeys(arguments, {QLatin1String(Protocol::Key::Request), kNames, kContents, kMessage}); !keys) {
        return R::fail(keys.error());
    }
    WriteConfigRequest request;
    auto id = optionalRequestId(arguments);
    if (!id) {
        return R::fail(id.error());
    }
    request.request = id.value();
    if (!arguments.contains(kNames) || !arguments.contains(kContents)) {
        return R::fail(u"names and contents are required"_s);
    }
    const auto names = validateStringList(arguments.value(kNames), MaxFilesPerWrite);
    if (!names) {
        return R::fail(u"names: "_s + names.error());
    }
    if (names.value().isEmpty()) {
        return R::fail(u"names: no file to write"_s);
    }
    // Contents are checked one by one below, so that a non-string in the list is named.
    if (arguments.value(kContents).typeId() != QMetaType::QStringList && arguments.value(kContents).typeId() != QMetaType::QVariantList) {
        return R::fail(u"contents: expected a list of strings, got %1"_s.arg(typeNameOf(arguments.value(kContents))));
    }
    const QVariantList contents = arguments.value(kContents).toList();
    if (contents.size() != names.value().size()) {
        return R::fail(u"%1 names but %2 contents"_s.arg(names.value().size()).arg(contents.size()));
    }
    std::set<QString> seen;
    for (qsizetype i = 0; i < contents.size(); ++i) {
        auto name = validateRelativeName(names.value().at(i));
        if (!name) {
            return R::fail(name.error());
        }
        if (!seen.insert(name.value().text).second) {
            return R::fail(u"file name '%1' appears twice"_s.arg(name.value().text));
        }
        auto content = validateContent(contents.at(i));
        if (!content) {
            return R::fail(u"%1: %2"_s.arg(name.value().text, content.error()));
        }
        request.names.push_back(std::move(name).value());
        request.contents.push_back(std::move(content).value());
    }
    if (arguments.contains(kMessage)) {
        auto message = validateCommitMessage(arguments.value(kMessage));
        if (!message) {
            return R::fail(message.error());
        }
        request.message = message.value();
    } else {
        request.message = u"Snowpane: edit configuration"_s;
    }
    return R::ok(std::move(request));
}

Checked<RebuildRequest> parseRebuild(const QVariantMap &arguments)
{
    using R = Checked<RebuildRequest>;
    if (auto keys = checkKeys(arguments, {QLatin1String(Protocol::Key::Request), QLatin1String(Protocol::Key::Mode), QLatin1String(Protocol::Key::Host)});
        !keys) {
        return R::fail(keys.error());
    }
    RebuildRequest request;
    auto id = optionalRequestId(arguments);
    if (!id) {
        return R::fail(id.error());
    }
    request.request = id.value();
    if (!arguments.contains(QLatin1String(Protocol::Key::Mode))) {
        return R::fail(u"mode is required"_s);
    }
    const auto mode = validateRebuildMode(arguments.value(QLatin1String(Protocol::Key::Mode)));
    if (!mode) {
        return R::fail(mode.error());
    }
    request.mode = mode.value();
    if (arguments.contains(QLatin1String(Protocol::Key::Host))) {
        const auto host = validateHost(arguments.value(QLatin1String(Protocol::Key::Host)));
        if (!host) {
            return R::fail(host.error());
        }
        request.host = host.value();
    }
    return R::ok(request);
}

Checked<SwitchGenerationRequest> parseSwitchGeneration(const QVariantMap &arguments)
{
    using R = Checked<SwitchGenerationRequest>;
    if (auto keys = checkKeys(arguments, {QLatin1String(Protocol::Key::Request), QLatin1String(Protocol::Key::Generation), QLatin1String(Protocol::Key::Mode)});
        !keys) {
        return R::fail(keys.error());
    }
    SwitchGenerationRequest request;
    auto id = optionalRequestId(arguments);
    if (!id) {
        return R::fail(id.error());
    }
    request.request = id.value();
    if (!arguments.contains(QLatin1String(Protocol::Key::Generation))) {
        return R::fail(u"generation is required"_s);
    }
    const auto generation = validateGeneration(arguments.value(QLatin1String(Protocol::Key::Generation)));
    if (!generation) {
        return R::fail(generation.error());
    }
    request.generation = generation.value();
    if (arguments.contains(QLatin1String(Protocol::Key::Mode))) {
        const auto mode = validateGenerationMode(arguments.value(QLatin1String(Protocol::Key::Mode)));
        if (!mode) {
            return R::fail(mode.error());
        }
        request.mode = mode.value();
    }
    return R::ok(request);
}

Checked<InitRepoRequest> parseInitRepo(const QVariantMap &arguments)
{
    using R = Checked<InitRepoRequest>;
    if (auto keys = checkKeys(arguments, {QLatin1String(Protocol::Key::Request)}); !keys) {
        return R::fail(keys.error());
    }
    auto id = optionalRequestId(arguments);
    if (!id) {
        return R::fail(id.error());
    }
    return R::ok(InitRepoRequest{id.value()});
}

Checked<RestoreConfigRequest> parseRestoreConfig(const QVariantMap &arguments)
{
    using R = Checked<RestoreConfigRequest>;
    const QString kFiles = QLatin1String(Protocol::Key::Files);
    if (auto keys = checkKeys(arguments, {QLatin1String(Protocol::Key::Request), QLatin1String(Protocol::Key::Commit), kFiles}); !keys) {
        return R::fail(keys.error());
    }
    auto id = optionalRequestId(arguments);
    if (!id) {
        return R::fail(id.error());
    }
    if (!arguments.contains(QLatin1String(Protocol::Key::Commit))) {
        return R::fail(u"commit is required"_s);
    }
    const auto commit = validateCommitId(arguments.value(QLatin1String(Protocol::Key::Commit)));
    if (!commit) {
        return R::fail(commit.error());
    }
    RestoreConfigRequest request{id.value(), commit.value(), {}};
    if (arguments.contains(kFiles)) {
        const auto files = validateStringList(arguments.value(kFiles), MaxFilesPerRestore);
        if (!files) {
            return R::fail(u"files: "_s + files.error());
        }
        if (files.value().isEmpty()) {
            return R::fail(u"files: give at least one file, or leave files out to restore them all"_s);
        }
        std::set<QString> seen;
        for (const QString &file : files.value()) {
            auto name = validateRestoredName(file);
            if (!name) {
                return R::fail(name.error());
            }
            if (!seen.insert(name.value().text).second) {
                return R::fail(u"file name '%1' appears twice"_s.arg(name.value().text));
            }
            request.files.push_back(name.value());
        }
    }
    return R::ok(request);
}

Checked<DeleteGenerationsRequest> parseDeleteGenerations(const QVariantMap &arguments)
{
    using R = Checked<DeleteGenerationsRequest>;
    using Snowpane::System::CleanupRule;
    const QString kKeep = QLatin1String(Protocol::Key::KeepLast), kOlder = QLatin1String(Protocol::Key::OlderThanDays),
                  kGenerations = QLatin1String(Protocol::Key::Generations);
    if (auto keys = checkKeys(arguments, {QLatin1String(Protocol::Key::Request), kKeep, kOlder, kGenerations}); !keys) {
        return R::fail(keys.error());
    }
    DeleteGenerationsRequest request;
    auto id = optionalRequestId(arguments);
    if (!id) {
        return R::fail(id.error());
    }
    request.request = id.value();
    if (arguments.contains(kKeep) == arguments.contains(kOlder)) {
        return R::fail(u"give exactly one of keepLast and olderThanDays"_s);
    }
    if (arguments.contains(kKeep)) {
        const auto keep = validateInteger(arguments.value(kKeep), 1, 100000);
        if (!keep) {
            return R::fail(u"keepLast: "_s + keep.error());
        }
        request.rule = CleanupRule::KeepLast;
        request.count = int(keep.value());
    } else {
        const auto days = validateInteger(arguments.value(kOlder), 1, 36500);
        if (!days) {
            return R::fail(u"olderThanDays: "_s + days.error());
        }
        request.rule = CleanupRule::OlderThanDays;
        request.count = int(days.value());
    }
    // The numbers the window showed: without them the helper would delete what its own reading selects, unseen.
    if (!arguments.contains(kGenerations)) {
        return R::fail(u"generations is required: the numbers of the generations shown for deletion"_s);
    }
    auto generations = validateGenerationList(arguments.value(kGenerations));
    if (!generations) {
        return R::fail(generations.error());
    }
    request.generations = std::move(generations).value();
    return R::ok(std::move(request));
}

Checked<UpdateSourcesRequest> parseUpdateSources(const QVariantMap &arguments)
{
    using R = Checked<UpdateSourcesRequest>;
    const QString kInput = QLatin1String(Protocol::Key::Input);
    if (auto keys = checkKeys(arguments, {QLatin1String(Protocol::Key::Request), kInput}); !keys) {
        return R::fail(keys.error());
    }
    UpdateSourcesRequest request;
    auto id = optionalRequestId(arguments);
    if (!id) {
        return R::fail(id.error());
    }
    request.request = id.value();
    if (arguments.contains(kInput)) {
        const auto input = validateFlakeInputName(arguments.value(kInput));
        if (!input) {
            return R::fail(input.error());
        }
        request.input = input.value();
    }
    return R::ok(request);
}

Checked<RollBackChannelsRequest> parseRollBackChannels(const QVariantMap &arguments)
{
    using R = Checked<RollBackChannelsRequest>;
    const QString kFrom = QLatin1String(Protocol::Key::From), kTo = QLatin1String(Protocol::Key::To);
    if (auto keys = checkKeys(arguments, {QLatin1String(Protocol::Key::Request), kFrom, kTo}); !keys) {
        return R::fail(keys.error());
    }
    RollBackChannelsRequest request;
    auto id = optionalRequestId(arguments);
    if (!id) {
        return R::fail(id.error());
    }
    request.request = id.value();
    if (!arguments.contains(kFrom) || !arguments.contains(kTo)) {
        return R::fail(u"from and to are required"_s);
    }
    const auto from = validateGeneration(arguments.value(kFrom));
    if (!from) {
        return R::fail(u"from: "_s + from.error());
    }
    const auto to = validateGeneration(arguments.value(kTo));
    if (!to) {
        return R::fail(u"to: "_s + to.error());
    }
    if (to.value() >= from.value()) {
        return R::fail(u"to (%1) must be older than from (%2)"_s.arg(to.value()).arg(from.value()));
    }
    request.from = from.value();
    request.to = to.value();
    return R::ok(request);
}

}
