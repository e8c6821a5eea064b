// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "nixprofilefixture.h"
#include "nixtools.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace
{

constexpr int generations = 11;

// Generation 1 -> 2: nano removed; curl added; firefox upgraded; openssl
// changed (3.0.13 becomes 3.0.13 and 3.3.1, as curl brings the newer one);
// zlib becomes selected while its version stays. 2 -> 3 downgrades firefox.
// Later generations vary the kernel and add or drop htop.
constexpr char systemExpression[] = R"nix(
let
  h = import ./helpers.nix;
  inherit (h) mkPkg mkSystem;
in rec {
  glibc = mkPkg { pname = "glibc"; version = "2.39-52"; size = 4000; };
  zlib = mkPkg { pname = "zlib"; version = "1.3.1"; deps = [ glibc ]; size = 900; };
  openssl_3_0 = mkPkg { pname = "openssl"; version = "3.0.13"; deps = [ zlib glibc ]; size = 3000; };
  openssl_3_3 = mkPkg { pname = "openssl"; version = "3.3.1"; deps = [ zlib glibc ]; size = 3300; };
  nano = mkPkg { pname = "nano"; version = "7.2"; deps = [ glibc ]; size = 700; };
  htop = mkPkg { pname = "htop"; version = "3.3.0"; deps = [ glibc ]; size = 500; };
  firefox_127 = mkPkg { pname = "firefox"; version = "127.0.2"; deps = [ openssl_3_0 glibc ]; size = 9000; };
  firefox_128 = mkPkg { pname = "firefox"; version = "128.0"; deps = [ openssl_3_0 glibc ]; size = 9100; };
  curl = mkPkg { pname = "curl"; version = "8.9.1"; deps = [ openssl_3_3 zlib ]; size = 1200; };
  etc = mkPkg { pname = "etc"; deps = [ glibc ]; size = 100; };

  gen1 = mkSystem { generation = 1; pkgs = [ nano firefox_127 htop ]; extra = [ etc ]; revision = "@REV1@"; };
  gen2 = mkSystem { generation = 2; pkgs = [ firefox_128 htop zlib curl ]; extra = [ etc ]; revision = "@REV2@"; };
  gen3 = mkSystem { generation = 3; pkgs = [ firefox_127 htop zlib curl ]; extra = [ etc ]; };
  gen4 = mkSystem { generation = 4; pkgs = [ firefox_127 zlib curl ]; kernel = "6.6.52"; };
  gen5 = mkSystem { generation = 5; pkgs = [ firefox_128 zlib curl ]; kernel = "6.6.52"; };
  gen6 = mkSystem { generation = 6; pkgs = [ firefox_128 zlib curl htop ]; kernel = "6.6.52"; };
  gen7 = mkSystem { generation = 7; pkgs = [ firefox_128 curl htop ]; kernel = "6.12.1"; };
  gen8 = mkSystem { generation = 8; pkgs = [ firefox_128 curl htop nano ]; kernel = "6.12.1"; };
  gen9 = mkSystem { generation = 9; pkgs = [ firefox_128 htop nano ]; kernel = "6.12.1"; };
  gen10 = mkSystem { generation = 10; pkgs = [ firefox_128 htop ]; kernel = "6.12.1"; };
  gen11 = mkSystem { generation = 11; pkgs = [ firefox_128 htop curl ]; kernel = "6.12.2"; };
}
)nix";

const QStringList packageAttributes =
    {u"glibc"_s, u"zlib"_s, u"openssl_3_0"_s, u"openssl_3_3"_s, u"nano"_s, u"htop"_s, u"firefox_127"_s, u"firefox_128"_s, u"curl"_s, u"etc"_s};

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

} // namespace

NixProfileFixture::NixProfileFixture(QString root)
    : m_root(std::move(root))
{
}

void NixProfileFixture::setRevisions(const QString &first, const QString &second)
{
    m_revisions[0] = first;
    m_revisions[1] = second;
}

QString NixProfileFixture::revisionOf(int number) const
{
    // Only the first two record a revision, as a flake-built system would.
    return number == 1 || number == 2 ? m_revisions[number - 1] : QString();
}

QString NixProfileFixture::profilePath() const
{
    return m_root + u"/profiles/system"_s;
}

bool NixProfileFixture::create()
{
    m_error = NixTools::requireNix();
    if (!m_error.isEmpty()) {
        return false;
    }
    QByteArray expression(systemExpression);
    expression.replace("@REV1@", revisionOf(1).toUtf8()).replace("@REV2@", revisionOf(2).toUtf8());
    if (!writeFile(m_root + u"/helpers.nix"_s, NixTools::packageHelpers()) || !writeFile(m_root + u"/default.nix"_s, expression)
        || !QDir().mkpath(m_root + u"/profiles"_s)) {
        m_error = u"cannot write the fixture into %1"_s.arg(m_root);
        return false;
    }
    QStringList attributes = packageAttributes;
    for (int number = 1; number <= generations; ++number) {
        attributes.append(u"gen%1"_s.arg(number));
    }
    const QStringList paths = NixTools::build(m_root + u"/default.nix"_s, attributes, &m_error);
    if (paths.isEmpty()) {
        return false;
    }
    for (qsizetype i = 0; i < packageAttributes.size(); ++i) {
        m_packages.insert(packageAttributes.at(i), paths.at(i));
    }
    for (int number = 1; number <= generations; ++number) {
        const QString system = paths.at(packageAttributes.size() + number - 1);
        m_systems.insert(number, system);
        const NixTools::Run set = NixTools::run(u"nix-env"_s, {u"-p"_s, profilePath(), u"--set"_s, system});
        if (!set.ok()) {
            m_error = u"nix-env --set failed: %1"_s.arg(QString::fromUtf8(set.err));
            return false;
        }
    }
    return true;
}
