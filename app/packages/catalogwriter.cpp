// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "catalogwriter.h"

#include "catalogschema.h"
#include "packageslogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <atomic>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Packages
{

namespace
{

std::string asciiLower(const std::string &text)
{
    std::string lower = text;
    for (char &c : lower) {
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        }
    }
    return lower;
}

bool syncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

CatalogWriter::~CatalogWriter()
{
    abort();
}

bool CatalogWriter::failWith(const QString &what, int rc)
{
    const int code = rc != 0 ? (rc & 0xff) : m_database ? sqlite3_errcode(m_database.get()) : SQLITE_OK;
    QString detail = m_database ? Sql::lastError(m_database.get()) : QString();
    if (code == SQLITE_FULL) {
        m_error = u"%1: the disk is full (no space left for the package cache in %2)"_s.arg(what, QFileInfo(m_cachePath).absolutePath());
    } else {
        m_error = detail.isEmpty() ? what : u"%1: %2"_s.arg(what, detail);
    }
    abort();
    return false;
}

bool CatalogWriter::open(const QString &cachePath, const Options &options)
{
    abort();
    m_error.clear();
    m_count = 0;
    m_cachePath = cachePath;
    const QString directory = QFileInfo(cachePath).absolutePath();
    if (!QDir().mkpath(directory)) {
        m_error = u"cannot create the cache directory %1"_s.arg(directory);
        return false;
    }
    static std::atomic<int> serial{0};
    m_tempPath = u"%1.importing-%2-%3"_s.arg(cachePath).arg(QCoreApplication::applicationPid()).arg(serial.fetch_add(1));
    QFile::remove(m_tempPath);

    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(m_tempPath).constData(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    m_database.reset(raw);
    if (rc != SQLITE_OK) {
        return failWith(u"cannot create %1"_s.arg(m_tempPath));
    }
    // No journal and no syncs while loading: a failed load is thrown away
    // whole, and commit() syncs the finished file before the rename.
    QString error;
    std::string pragmas = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-32768; PRAGMA temp_store=FILE;";
    if (options.maxPageCount > 0) {
        pragmas += "PRAGMA max_page_count=" + std::to_string(options.maxPageCount) + ";";
    }
    if (!Sql::exec(raw, pragmas, &error) || !Sql::exec(raw, Schema::createTables, &error) || !Sql::exec(raw, "BEGIN", &error)) {
        return failWith(u"cannot prepare the new package cache"_s);
    }
    m_insertPackage = Sql::Statement::prepare(raw, Schema::insertPackage, &error);
    m_insertLicense = Sql::Statement::prepare(raw, Schema::insertLicense, &error);
    if (!m_insertPackage.isValid() || !m_insertLicense.isValid()) {
        return failWith(u"cannot prepare the new package cache"_s);
    }
    return true;
}

bool CatalogWriter::add(const PackageRecord &r)
{
    if (!m_database) {
        m_error = u"the package cache is not open"_s;
        return false;
    }
    Sql::Statement &insert = m_insertPackage;
    insert.bind(1, r.attrPath);
    insert.bind(2, r.name);
    insert.bind(3, r.pname);
    insert.bind(4, r.version);
    insert.bind(5, r.description);
    insert.bind(6, r.longDescription);
    insert.bind(7, r.mainProgram);
    insert.bind(8, r.homepage);
    insert.bind(9, r.platforms);
    insert.bind(10, qint64(r.unfree > 0));
    insert.bind(11, qint64(r.broken > 0));
    insert.bind(12, qint64(r.insecure > 0));
    insert.bind(13, qint64(r.available != 0));
    insert.bind(14, asciiLower(r.attrPath));
    insert.bind(15, asciiLower(r.pname));
    const int rc = insert.step();
    insert.reset();
    if (rc != SQLITE_DONE) {
        if ((rc & 0xff) == SQLITE_CONSTRAINT) {
            m_error = u"the attribute '%1' appears twice in the catalog"_s.arg(QString::fromStdString(r.attrPath));
            abort();
            return false;
        }
        return failWith(u"cannot store the package '%1'"_s.arg(QString::fromStdString(r.attrPath)), rc);
    }
    const qint64 id = sqlite3_last_insert_rowid(m_database.get());
    qint64 position = 0;
    for (const auto &license : r.licenses) {
        m_insertLicense.bind(1, id);
        m_insertLicense.bind(2, position++);
        m_insertLicense.bind(3, license.spdxId);
        m_insertLicense.bind(4, license.shortName);
        m_insertLicense.bind(5, license.name);
        m_insertLicense.bind(6, qint64(license.free));
        const int licenseRc = m_insertLicense.step();
        m_insertLicense.reset();
        if (licenseRc != SQLITE_DONE) {
            return failWith(u"cannot store the licences of '%1'"_s.arg(QString::fromStdString(r.attrPath)), licenseRc);
        }
    }
    ++m_count;
    return true;
}

bool CatalogWriter::commit(const QList<QPair<QString, QString>> &info)
{
    if (!m_database) {
        m_error = u"the package cache is not open"_s;
        return false;
    }
    QString error;
    if (!Sql::exec(m_database.get(), Schema::createIndexes, &error)) {
        return failWith(u"cannot build the search index"_s);
    }
    Sql::Statement insertInfo = Sql::Statement::prepare(m_database.get(), "INSERT OR REPLACE INTO info(key, value) VALUES (?1, ?2)", &error);
    if (!insertInfo.isValid()) {
        return failWith(u"cannot store the catalog's description"_s);
    }
    auto store = [&](const QString &key, const QString &value) {
        insertInfo.bind(1, key);
        insertInfo.bind(2, value);
        const int rc = insertInfo.step();
        insertInfo.reset();
        return rc == SQLITE_DONE;
    };
    bool stored = store(u"schema"_s, QString::number(Schema::version)) && store(u"packages"_s, QString::number(m_count));
    for (const auto &[key, value] : info) {
        stored = stored && store(key, value);
    }
    if (!stored) {
        return failWith(u"cannot store the catalog's description"_s);
    }
    insertInfo = {};
    if (!Sql::exec(m_database.get(), "COMMIT; ANALYZE;", &error)) {
        return failWith(u"cannot finish the package cache"_s);
    }
    m_insertPackage = {};
    m_insertLicense = {};
    if (sqlite3_close(m_database.release()) != SQLITE_OK) {
        m_error = u"cannot close the new package cache %1"_s.arg(m_tempPath);
        abort();
        return false;
    }
    // The new file must be on disk before the name points at it, or a crash
    // could leave the name on a file with holes.
    if (!syncPath(m_tempPath, O_RDONLY)) {
        m_error = u"cannot write the package cache to disk (fsync of %1 failed)"_s.arg(m_tempPath);
        abort();
        return false;
    }
    if (::rename(QFile::encodeName(m_tempPath).constData(), QFile::encodeName(m_cachePath).constData()) != 0) {
        m_error = u"cannot replace %1: %2"_s.arg(m_cachePath, QString::fromLocal8Bit(strerror(errno)));
        abort();
        return false;
    }
    syncPath(QFileInfo(m_cachePath).absolutePath(), O_RDONLY | O_DIRECTORY);
    qCDebug(SNOWPANE_PACKAGES) << "wrote" << m_count << "packages to" << m_cachePath;
    m_tempPath.clear();
    return true;
}

void CatalogWriter::abort()
{
    m_insertPackage = {};
    m_insertLicense = {};
    m_database.reset();
    if (!m_tempPath.isEmpty()) {
        QFile::remove(m_tempPath);
        m_tempPath.clear();
    }
}

} // namespace Snowpane::Packages
