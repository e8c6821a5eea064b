// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "packagestreamparser.h"

using namespace Qt::StringLiterals;

namespace Snowpane::Packages
{

void PackageRecord::clear()
{
    attrPath.clear();
    name.clear();
    pname.clear();
    version.clear();
    description.clear();
    longDescription.clear();
    mainProgram.clear();
    homepage.clear();
    licenses.clear();
    platforms.clear();
    unfree = broken = insecure = available = -1;
    hasKnownVulnerabilities = false;
}

void splitDerivationName(const std::string &name, std::string *pname, std::string *version)
{
    for (std::size_t i = 0; i + 1 < name.size(); ++i) {
        if (name[i] == '-' && name[i + 1] >= '0' && name[i + 1] <= '9') {
            *pname = name.substr(0, i);
            *version = name.substr(i + 1);
            return;
        }
    }
    *pname = name;
    version->clear();
}

namespace
{

using Token = JsonReader::Token;

class Parser
{
public:
    Parser(JsonReader &reader, const PackageStreamParser::Sink &sink)
        : m_reader(reader)
        , m_sink(sink)
    {
    }

    PackageStreamParser::Result run(CatalogFormat format);

private:
    bool syntaxError()
    {
        m_result.error = m_reader.errorString();
        return false;
    }

    bool typeError(const char *field, Token found, const char *expected)
    {
        m_result.error = u"package '%1': %2 is %3, expected %4 (at byte %5)"_s
                             .arg(QString::fromStdString(m_record.attrPath),
                                  QLatin1StringView(field),
                                  QLatin1StringView(JsonReader::tokenName(found)),
                                  QLatin1StringView(expected))
                             .arg(m_reader.offset());
        return false;
    }

    bool readString(const char *field, std::string *out)
    {
        const Token token = m_reader.next();
        if (token == Token::String) {
            *out = m_reader.text();
            return true;
        }
        if (token == Token::Null) {
            out->clear();
            return true;
        }
        return token == Token::Error ? syntaxError() : typeError(field, token, "a string");
    }

    bool readBool(const char *field, int *out)
    {
        const Token token = m_reader.next();
        if (token == Token::True || token == Token::False) {
            *out = token == Token::True ? 1 : 0;
            return true;
        }
        if (token == Token::Null) {
            return true;
        }
        return token == Token::Error ? syntaxError() : typeError(field, token, "a Boolean");
    }

    bool skip()
    {
        return m_reader.skipValue(m_reader.next()) || syntaxError();
    }

    // Reads the members of an object whose opening brace was just read: `member`
    // reads the value of each key and returns false to stop on an error.
    template<typename Member>
    bool readMembers(Member member)
    {
        for (;;) {
            const Token token = m_reader.next();
            if (token == Token::EndObject) {
                return true;
            }
            if (token != Token::Key) {
                return syntaxError();
            }
            if (!member(m_reader.text())) {
                return false;
            }
        }
    }

    bool readPackages();
    bool readPackage();
    bool readMeta();
    bool readHomepage();
    bool readLicenses();
    bool readLicense(Token first);
    bool readPlatforms();
    bool readVulnerabilities();
    void finishRecord();

    JsonReader &m_reader;
    const PackageStreamParser::Sink &m_sink;
    PackageRecord m_record;
    PackageStreamParser::Result m_result;
};

PackageStreamParser::Result Parser::run(CatalogFormat format)
{
    Token token = m_reader.next();
    if (token != Token::BeginObject) {
        m_result.error = token == Token::Error
            ? m_reader.errorString()
            : u"a package catalog is a JSON object, but this file holds %1"_s.arg(QLatin1StringView(JsonReader::tokenName(token)));
        return m_result;
    }
    bool sawPackages = false;
    QString version;
    for (;;) {
        token = m_reader.next();
        if (token == Token::EndObject) {
            break;
        }
        if (token != Token::Key) {
            syntaxError();
            return m_result;
        }
        if (format == CatalogFormat::Automatic) {
            format = (m_reader.text() == "version" || m_reader.text() == "packages") ? CatalogFormat::PackagesJson : CatalogFormat::NixEnv;
        }
        if (format == CatalogFormat::NixEnv) {
            m_record.clear();
            m_record.attrPath = m_reader.text();
            if (!readPackage()) {
                return m_result;
            }
            continue;
        }
        if (m_reader.text() == "version") {
            token = m_reader.next();
            if (token != Token::Number) {
                m_result.error = token == Token::Error ? m_reader.errorString() : u"packages.json: \"version\" is not a number"_s;
                return m_result;
            }
            version = QString::fromStdString(m_reader.text());
            if (version != u"2"_s) {
                m_result.error = u"packages.json version %1 is not supported; Snowpane reads version 2"_s.arg(version);
                return m_result;
            }
        } else if (m_reader.text() == "packages") {
            sawPackages = true;
            if (!readPackages()) {
                return m_result;
            }
        } else if (!skip()) {
            return m_result;
        }
    }
    if (format == CatalogFormat::PackagesJson && !sawPackages) {
        m_result.error = u"packages.json has no \"packages\" object"_s;
        return m_result;
    }
    token = m_reader.next();
    if (token != Token::EndOfInput) {
        syntaxError();
        return m_result;
    }
    m_result.ok = true;
    m_result.format = format == CatalogFormat::Automatic ? CatalogFormat::NixEnv : format;
    return m_result;
}

bool Parser::readPackages()
{
    Token token = m_reader.next();
    if (token != Token::BeginObject) {
        m_result.error = token == Token::Error
            ? m_reader.errorString()
            : u"packages.json: \"packages\" is %1, expected an object"_s.arg(QLatin1StringView(JsonReader::tokenName(token)));
        return false;
    }
    return readMembers([this](const std::string &attrPath) {
        m_record.clear();
        m_record.attrPath = attrPath;
        return readPackage();
    });
}

bool Parser::readPackage()
{
    Token token = m_reader.next();
    if (token != Token::BeginObject) {
        return token == Token::Error ? syntaxError() : typeError("the package", token, "an object");
    }
    const bool read = readMembers([this](const std::string &key) {
        if (key == "name") {
            return readString("name", &m_record.name);
        }
        if (key == "pname") {
            return readString("pname", &m_record.pname);
        }
        if (key == "version") {
            return readString("version", &m_record.version);
        }
        if (key == "meta") {
            return readMeta();
        }
        return skip();
    });
    if (!read) {
        return false;
    }
    finishRecord();
    ++m_result.packages;
    if (!m_sink(m_record)) {
        m_result.stopped = true;
        m_result.error = u"stopped"_s;
        return false;
    }
    return true;
}

void Parser::finishRecord()
{
    PackageRecord &r = m_record;
    if (r.pname.empty() && !r.name.empty()) {
        std::string version;
        splitDerivationName(r.name, &r.pname, &version);
        if (r.version.empty()) {
            r.version = version;
        }
    }
    if (r.unfree < 0) {
        r.unfree = 0;
        for (const auto &license : r.licenses) {
            r.unfree |= license.free ? 0 : 1;
        }
    }
    if (r.insecure < 0) {
        r.insecure = r.hasKnownVulnerabilities ? 1 : 0;
    }
    if (r.broken < 0) {
        r.broken = 0;
    }
    if (r.available < 0) {
        r.available = 1;
    }
}

bool Parser::readMeta()
{
    Token token = m_reader.next();
    if (token == Token::Null) {
        return true;
    }
    if (token != Token::BeginObject) {
        return token == Token::Error ? syntaxError() : typeError("meta", token, "an object");
    }
    return readMembers([this](const std::string &key) {
        if (key == "description") {
            return readString("meta.description", &m_record.description);
        }
        if (key == "longDescription") {
            return readString("meta.longDescription", &m_record.longDescription);
        }
        if (key == "mainProgram") {
            return readString("meta.mainProgram", &m_record.mainProgram);
        }
        if (key == "homepage") {
            return readHomepage();
        }
        if (key == "license") {
            return readLicenses();
        }
        if (key == "platforms") {
            return readPlatforms();
        }
        if (key == "broken") {
            return readBool("meta.broken", &m_record.broken);
        }
        if (key == "unfree") {
            return readBool("meta.unfree", &m_record.unfree);
        }
        if (key == "insecure") {
            return readBool("meta.insecure", &m_record.insecure);
        }
        if (key == "available") {
            return readBool("meta.available", &m_record.available);
        }
        if (key == "knownVulnerabilities") {
            return readVulnerabilities();
        }
        return skip();
    });
}

bool Parser::readHomepage()
{
    Token token = m_reader.next();
    if (token == Token::String) {
        m_record.homepage = m_reader.text();
        return true;
    }
    if (token == Token::Null) {
        return true;
    }
    if (token != Token::BeginArray) {
        return token == Token::Error ? syntaxError() : typeError("meta.homepage", token, "a string or a list of strings");
    }
    // Old packages list several homepages; the first is the one to show.
    while ((token = m_reader.next()) != Token::EndArray) {
        if (token != Token::String) {
            return token == Token::Error ? syntaxError() : typeError("meta.homepage[]", token, "a string");
        }
        if (m_record.homepage.empty()) {
            m_record.homepage = m_reader.text();
        }
    }
    return true;
}

bool Parser::readLicenses()
{
    const Token token = m_reader.next();
    if (token == Token::Null) {
        return true;
    }
    if (token != Token::BeginArray) {
        return readLicense(token);
    }
    for (;;) {
        const Token element = m_reader.next();
        if (element == Token::EndArray) {
            return true;
        }
        if (!readLicense(element)) {
            return false;
        }
    }
}

bool Parser::readLicense(Token first)
{
    PackageRecord::RecordLicense license;
    if (first == Token::String) {
        license.name = m_reader.text();
        m_record.licenses.push_back(std::move(license));
        return true;
    }
    if (first != Token::BeginObject) {
        return first == Token::Error ? syntaxError() : typeError("meta.license", first, "an attribute set, a list or a string");
    }
    const bool read = readMembers([this, &license](const std::string &key) {
        if (key == "spdxId") {
            return readString("meta.license.spdxId", &license.spdxId);
        }
        if (key == "shortName") {
            return readString("meta.license.shortName", &license.shortName);
        }
        if (key == "fullName") {
            return readString("meta.license.fullName", &license.name);
        }
        if (key == "free") {
            int free = 1;
            const bool ok = readBool("meta.license.free", &free);
            license.free = free != 0;
            return ok;
        }
        return skip();
    });
    if (!read) {
        return false;
    }
    m_record.licenses.push_back(std::move(license));
    return true;
}

bool Parser::readPlatforms()
{
    Token token = m_reader.next();
    if (token == Token::Null) {
        return true;
    }
    if (token != Token::BeginArray) {
        return token == Token::Error ? syntaxError() : typeError("meta.platforms", token, "a list");
    }
    while ((token = m_reader.next()) != Token::EndArray) {
        if (token == Token::String) {
            if (!m_record.platforms.empty()) {
                m_record.platforms.push_back(' ');
            }
            m_record.platforms += m_reader.text();
        } else if (token == Token::BeginObject) {
            // A platform pattern ({ kernel.name = "linux"; }) names no single system.
            if (!m_reader.skipValue(token)) {
                return syntaxError();
            }
        } else {
            return token == Token::Error ? syntaxError() : typeError("meta.platforms[]", token, "a string");
        }
    }
    return true;
}

bool Parser::readVulnerabilities()
{
    Token token = m_reader.next();
    if (token == Token::Null) {
        return true;
    }
    if (token != Token::BeginArray) {
        return token == Token::Error ? syntaxError() : typeError("meta.knownVulnerabilities", token, "a list");
    }
    while ((token = m_reader.next()) != Token::EndArray) {
        if (!m_reader.skipValue(token)) {
            return syntaxError();
        }
        m_record.hasKnownVulnerabilities = true;
    }
    return true;
}

} // namespace

PackageStreamParser::Result PackageStreamParser::parse(JsonReader &reader, CatalogFormat format, const Sink &sink)
{
    Parser parser(reader, sink);
    return parser.run(format);
}

} // namespace Snowpane::Packages
