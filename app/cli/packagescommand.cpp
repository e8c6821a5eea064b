// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "packagescommand.h"

#include "catalog.h"
#include "catalogimporter.h"
#include "closurereader.h"
#include "installedpackages.h"
#include "systempaths.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

namespace
{

void printJson(const QJsonValue &value)
{
    const QByteArray text =
        value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented) : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
}

void error(const QString &message)
{
    std::fprintf(stderr, "snowpane-cli packages: %s\n", qPrintable(message));
}

QJsonArray licensesJson(const QList<License> &licenses)
{
    QJsonArray array;
    for (const License &license : licenses) {
        array.append(QJsonObject{{u"spdxId"_s, license.spdxId.isEmpty() ? QJsonValue() : QJsonValue(license.spdxId)},
                                 {u"shortName"_s, license.shortName},
                                 {u"name"_s, license.name},
                                 {u"free"_s, license.free}});
    }
    return array;
}

QString licensesText(const QList<License> &licenses)
{
    QStringList names;
    for (const License &license : licenses) {
        names << (!license.spdxId.isEmpty() ? license.spdxId : !license.name.isEmpty() ? license.name : license.shortName);
    }
    return names.join(u", "_s);
}

QJsonObject packageJson(const Package &p, bool full)
{
    QJsonObject object{
        {u"attrPath"_s, p.attrPath},
        {u"pname"_s, p.pname},
        {u"version"_s, p.version},
        {u"description"_s, p.description},
        {u"licenses"_s, licensesJson(p.licenses)},
        {u"unfree"_s, p.unfree},
        {u"broken"_s, p.broken},
        {u"insecure"_s, p.insecure},
    };
    if (full) {
        object.insert(u"name"_s, p.name);
        object.insert(u"longDescription"_s, p.longDescription);
        object.insert(u"mainProgram"_s, p.mainProgram);
        object.insert(u"homepage"_s, p.homepage);
        object.insert(u"platforms"_s, QJsonArray::fromStringList(p.platforms));
        object.insert(u"available"_s, p.available);
    }
    return object;
}

QStringList flagNames(const Package &p)
{
    QStringList flags;
    if (p.unfree) {
        flags << u"unfree"_s;
    }
    if (p.broken) {
        flags << u"broken"_s;
    }
    if (p.insecure) {
        flags << u"insecure"_s;
    }
    return flags;
}

QString flagsText(const Package &p)
{
    const QStringList flags = flagNames(p);
    return flags.isEmpty() ? QString() : u" ["_s + flags.join(u", "_s) + u']';
}

struct Context {
    CatalogSource source;
    QString problem;
};

Context resolveSource(const QCommandLineParser &parser)
{
    Context context;
    if (parser.isSet(u"nixpkgs"_s)) {
        context.source = CatalogSource::fromPath(parser.value(u"nixpkgs"_s));
        if (!context.source.isValid()) {
            context.problem = u"%1 does not exist"_s.arg(parser.value(u"nixpkgs"_s));
        }
    } else {
        context.source = CatalogSource::fromNixPath(&context.problem);
    }
    return context;
}

int importCatalog(const CatalogSource &source, const QString &fromFile)
{
    ImportRequest request;
    request.source = source;
    request.fromFile = fromFile;
    const bool interactive = ::isatty(STDERR_FILENO);
    const ImportResult result = CatalogImporter::run(request, nullptr, [interactive](const ImportProgress &progress) {
        if (interactive) {
            std::fprintf(stderr, "\rimporting: %lld packages, %.1f MB read", qint64(progress.packages), double(progress.bytes) / 1e6);
        }
    });
    if (interactive) {
        std::fputs("\n", stderr);
    }
    if (!result.ok) {
        error(result.error);
        return 1;
    }
    std::fprintf(stderr,
                 "imported %lld packages from %s into %s in %.2f s\n",
                 qint64(result.packages),
                 qPrintable(fromFile.isEmpty() ? u"nix-env -qaP --json --meta -f "_s + source.nixpkgs : fromFile),
                 qPrintable(result.cachePath),
                 double(result.elapsedMs) / 1000.0);
    return 0;
}

// The catalog of the source, imported first when there is none yet.
std::unique_ptr<Catalog> openCatalog(const CatalogSource &source)
{
    QString problem;
    if (!QFileInfo::exists(source.cachePath())) {
        std::fprintf(stderr, "no package catalog for %s yet; importing it first\n", qPrintable(source.nixpkgs));
        if (importCatalog(source, {}) != 0) {
            return {};
        }
    }
    auto catalog = Catalog::open(source.cachePath(), &problem);
    if (!catalog) {
        error(problem);
        return {};
    }
    if (catalog->info().origin == u"nix-env"_s && catalog->info().fingerprint != source.fingerprint()) {
        std::fprintf(stderr, "note: %s changed since the catalog was imported; run 'snowpane-cli packages import' to refresh it\n", qPrintable(source.nixpkgs));
    }
    return catalog;
}

QString systemPath(const QCommandLineParser &parser)
{
    if (parser.isSet(u"system"_s)) {
        return parser.value(u"system"_s);
    }
    return parser.isSet(u"profile"_s) ? parser.value(u"profile"_s) : Snowpane::System::SystemPaths().profile;
}

int runSearch(const QCommandLineParser &parser, const QStringList &words)
{
    bool limitOk = true;
    bool offsetOk = true;
    SearchQuery query;
    query.text = words.join(u' ');
    query.limit = parser.isSet(u"limit"_s) ? parser.value(u"limit"_s).toInt(&limitOk) : 20;
    query.offset = parser.isSet(u"offset"_s) ? parser.value(u"offset"_s).toInt(&offsetOk) : 0;
    if (!limitOk || !offsetOk || query.limit < 0 || query.offset < 0) {
        error(u"--limit and --offset take a number of results"_s);
        return 2;
    }
    if (parser.isSet(u"free"_s) && parser.isSet(u"unfree"_s)) {
        error(u"--free and --unfree exclude each other"_s);
        return 2;
    }
    query.unfree = parser.isSet(u"free"_s) ? SearchQuery::Unfree::FreeOnly
        : parser.isSet(u"unfree"_s)        ? SearchQuery::Unfree::UnfreeOnly
                                           : SearchQuery::Unfree::Any;
    query.license = parser.value(u"license"_s);
    const Context context = resolveSource(parser);
    if (!context.source.isValid()) {
        error(context.problem);
        return 1;
    }
    auto catalog = openCatalog(context.source);
    if (!catalog) {
        return 1;
    }
    if (parser.isSet(u"installed"_s)) {
        Snowpane::System::ClosureReader closures;
        const InstalledPackages installed = readInstalledPackages(systemPath(parser), closures);
        if (!installed.error.isEmpty()) {
            error(installed.error);
            return 1;
        }
        QList<InstalledPackage> packages = installed.packages;
        matchInstalledPackages(&packages, *catalog);
        QStringList attrs;
        for (const InstalledPackage &p : std::as_const(packages)) {
            attrs << p.attrPath;
        }
        QString problem;
        if (!catalog->setInstalled(attrs, &problem)) {
            error(problem);
            return 1;
        }
        query.installedOnly = true;
    }
    const SearchResult result = catalog->search(query);
    if (!result.error.isEmpty()) {
        error(result.error);
        return 1;
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray hits;
        for (const SearchHit &hit : result.hits) {
            QJsonObject object = packageJson(hit.package, false);
            static const char *const matchNames[] = {"exact", "prefix", "text", "all"};
            object.insert(u"match"_s, QLatin1StringView(matchNames[int(hit.match)]));
            hits.append(object);
        }
        printJson(QJsonObject{{u"query"_s, query.text}, {u"offset"_s, query.offset}, {u"results"_s, hits}, {u"hasMore"_s, result.hasMore}});
        return 0;
    }
    for (const SearchHit &hit : result.hits) {
        const Package &p = hit.package;
        std::printf("%s (%s)%s\n    %s\n", qPrintable(p.attrPath), qPrintable(p.version), qPrintable(flagsText(p)), qPrintable(p.description));
    }
    if (result.hasMore) {
        std::printf("(more results: --offset %lld)\n", qint64(query.offset + query.limit));
    }
    return 0;
}

int runShow(const QCommandLineParser &parser, const QString &attr)
{
    const Context context = resolveSource(parser);
    if (!context.source.isValid()) {
        error(context.problem);
        return 1;
    }
    auto catalog = openCatalog(context.source);
    if (!catalog) {
        return 1;
    }
    const auto package = catalog->package(attr);
    if (!package) {
        error(u"no package '%1' in the catalog of %2"_s.arg(attr, context.source.nixpkgs));
        return 1;
    }
    if (parser.isSet(u"json"_s)) {
        printJson(packageJson(*package, true));
        return 0;
    }
    const Package &p = *package;
    std::printf("%s\n", qPrintable(p.attrPath));
    auto line = [](const char *label, const QString &value) {
        if (!value.isEmpty()) {
            std::printf("  %-12s %s\n", label, qPrintable(value));
        }
    };
    line("name", p.name);
    line("version", p.version);
    line("description", p.description);
    line("program", p.mainProgram);
    line("homepage", p.homepage);
    line("licence", licensesText(p.licenses));
    line("platforms", p.platforms.join(u' '));
    line("flags", flagNames(p).join(u", "_s));
    if (!p.longDescription.isEmpty()) {
        std::printf("\n%s\n", qPrintable(p.longDescription.trimmed()));
    }
    return 0;
}

int runInstalled(const QCommandLineParser &parser)
{
    Snowpane::System::ClosureReader closures;
    InstalledPackages installed = readInstalledPackages(systemPath(parser), closures);
    if (!installed.error.isEmpty()) {
        error(installed.error);
        return 1;
    }
    // Matching needs a catalog; without one the packages are still listed.
    const Context context = resolveSource(parser);
    std::unique_ptr<Catalog> catalog;
    if (context.source.isValid() && QFileInfo::exists(context.source.cachePath())) {
        catalog = Catalog::open(context.source.cachePath(), nullptr);
    }
    if (catalog) {
        matchInstalledPackages(&installed.packages, *catalog);
    } else {
        std::fprintf(stderr, "note: no package catalog to match against; run 'snowpane-cli packages import'\n");
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const InstalledPackage &p : std::as_const(installed.packages)) {
            array.append(QJsonObject{{u"storePath"_s, p.storePath},
                                     {u"pname"_s, p.pname},
                                     {u"version"_s, p.version},
                                     {u"output"_s, p.output.isEmpty() ? QJsonValue() : QJsonValue(p.output)},
                                     {u"attrPath"_s, p.attrPath.isEmpty() ? QJsonValue() : QJsonValue(p.attrPath)},
                                     {u"versionMatches"_s, p.versionMatches},
                                     {u"state"_s, u"system"_s}});
        }
        printJson(QJsonObject{{u"sw"_s, installed.swPath}, {u"packages"_s, array}});
        return 0;
    }
    for (const InstalledPackage &p : std::as_const(installed.packages)) {
        const QString attr = p.attrPath.isEmpty() ? u"-"_s : p.attrPath + (p.versionMatches ? QString() : u" (catalog has another version)"_s);
        std::printf("%-28s %-16s %s\n", qPrintable(p.pname + (p.output.isEmpty() ? QString() : u':' + p.output)), qPrintable(p.version), qPrintable(attr));
    }
    return 0;
}

} // namespace

int runPackagesCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The package catalog of the configured nixpkgs, and the packages in the system.\n\n"
        "  search QUERY...   rank packages by name, then prefix, then description\n"
        "  show ATTR         one package's details\n"
        "  installed         the packages in the current system (its sw)\n"
        "  import            rebuild the catalog with nix-env, or --from a file"_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"command"_s, u"search, show, installed or import"_s);
    parser.addOptions({
        {u"json"_s, u"Print JSON."_s},
        {u"limit"_s, u"search: at most N results (default 20)."_s, u"N"_s},
        {u"offset"_s, u"search: skip the first N results."_s, u"N"_s},
        {u"free"_s, u"search: only free packages."_s},
        {u"unfree"_s, u"search: only unfree packages."_s},
        {u"license"_s, u"search: only packages under this licence (SPDX id or nixpkgs name)."_s, u"LICENCE"_s},
        {u"installed"_s, u"search: only packages in the current system."_s},
        {u"nixpkgs"_s, u"The nixpkgs to use (default: <nixpkgs> from NIX_PATH)."_s, u"PATH"_s},
        {u"from"_s, u"import: read nix-env JSON or a channel's packages.json from FILE."_s, u"FILE"_s},
        {u"profile"_s, u"The system profile (default: /nix/var/nix/profiles/system)."_s, u"PATH"_s},
        {u"system"_s, u"A system toplevel to read instead of the profile's current generation."_s, u"PATH"_s},
    });
    if (!parser.parse(arguments)) {
        error(parser.errorText());
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        error(u"which command? search, show, installed or import; see --help"_s);
        return 2;
    }
    const QString command = positional.takeFirst();
    if (command == u"search"_s) {
        return runSearch(parser, positional);
    }
    if (command == u"show"_s) {
        if (positional.size() != 1) {
            error(u"show takes one attribute path"_s);
            return 2;
        }
        return runShow(parser, positional.first());
    }
    if (command == u"installed"_s) {
        if (!positional.isEmpty()) {
            error(u"installed takes no arguments"_s);
            return 2;
        }
        return runInstalled(parser);
    }
    if (command == u"import"_s) {
        if (!positional.isEmpty()) {
            error(u"import takes no arguments; a file goes after --from"_s);
            return 2;
        }
        const Context context = resolveSource(parser);
        if (!context.source.isValid()) {
            error(context.problem);
            return 1;
        }
        return importCatalog(context.source, parser.value(u"from"_s));
    }
    error(u"unknown command '%1'; see --help"_s.arg(command));
    return 2;
}
