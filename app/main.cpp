// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Common/configurationsession.h"
#include "Common/uibenchmark.h"
#include "Common/uitesting.h"
#include "Settings/applicationinfo.h"
#include "Settings/configurationplace.h"
#include "helperconfig.h"
#include "snowpane-version.h"
#include "snowpanesettings.h"
#include "systempaths.h"
#include "windowstate.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(io_github_snowpanePlugin)

namespace
{

// The demo keeps its own settings file inside the demo root, so that trying
// the demo never changes where the real application looks.
void useDemoSystem(const QString &root)
{
    const auto paths = Snowpane::System::SystemPaths::demo(root);
    SnowpaneSettings::instance(KSharedConfig::openConfig(QDir(root).filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
    auto *settings = SnowpaneSettings::self();
    settings->setConfigurationDirectory(paths.configurationDirectory);
    settings->setProfile(paths.profile);
    settings->setCurrentSystem(paths.currentSystem);
    settings->setBootedSystem(paths.bootedSystem);
    settings->save();
}

bool wantsOffscreen(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--self-test" || argument == "--screenshot" || argument == "--benchmark") {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    // Pictures and the self-test need no display, and the software renderer
    // draws the same pixels everywhere.
    if (wantsOffscreen(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"snowpane"_s);
    QApplication::setApplicationDisplayName(u"Snowpane"_s);
    QApplication::setOrganizationDomain(u"snowpane.github.io"_s);
    QApplication::setDesktopFileName(u"io.github.snowpane"_s);
    QApplication::setApplicationVersion(QStringLiteral(SNOWPANE_VERSION_STRING));
    // The installed icon wins; the copy inside the QML module covers a build tree.
    QApplication::setWindowIcon(QIcon::fromTheme(u"io.github.snowpane"_s, QIcon(u":/qt/qml/io/github/snowpane/icons/io.github.snowpane.svg"_s)));
    if (QIcon::themeName().isEmpty() || QIcon::themeName() == u"hicolor"_s) {
        QIcon::setThemeName(u"breeze"_s);
    }
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE")) {
        QQuickStyle::setStyle(u"org.kde.desktop"_s);
    }

    // Qt's own strings, then ours; both fall back to English when missing.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(&qtTranslator);
    }
    // A language without a translation, and the C locale, read English, whose
    // plural forms ("1 day", "2 days") live in snowpane_en.
    QTranslator translator;
    if (translator.load(QLocale(), u"snowpane"_s, u"_"_s, u":/i18n"_s) || translator.load(u"snowpane_en"_s, u":/i18n"_s)) {
        QApplication::installTranslator(&translator);
    }
    // After the translators, so that the About page speaks the person's language.
    ApplicationInfo::registerAboutData(QStringLiteral(SNOWPANE_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Settings for NixOS"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s, u"Manage the stand-in system built by make-demo-system in DIR."_s, u"DIR"_s);
    QCommandLineOption selfTestOption(u"self-test"_s, u"Load every page, report QML warnings, and exit."_s);
    QCommandLineOption screenshotOption(u"screenshot"_s, u"Save a picture of PAGE to the file given as the next argument."_s, u"PAGE"_s);
    QCommandLineOption screenshotsOption(u"screenshots"_s, u"With --self-test: save a picture of every page into DIR."_s, u"DIR"_s);
    const QCommandLineOption proposeOption(u"propose"_s,
                                           u"Open with OPTION=VALUE (a Nix expression) as a pending change, for review on the Changes page. May be repeated."_s,
                                           u"OPTION=VALUE"_s);
    const QCommandLineOption proposePackageOption(u"propose-package"_s,
                                                  u"Open with the package ATTR added, as a pending change. May be repeated."_s,
                                                  u"ATTR"_s);
    QCommandLineOption benchmarkOption(u"benchmark"_s, u"Measure WHAT (first-frame, typing:PAGE, memory) and print the figures."_s, u"WHAT"_s);
    QCommandLineOption referenceOption(u"benchmark-reference"_s, u"With --benchmark: measure a bare Kirigami window instead, for comparison."_s);
    // Developers' and the tests' options: they work, but --help is for the people who use Snowpane.
    for (QCommandLineOption *option : {&selfTestOption, &screenshotOption, &screenshotsOption, &benchmarkOption, &referenceOption}) {
        option->setFlags(QCommandLineOption::HiddenFromHelp);
    }
    parser.addOptions({demoOption, selfTestOption, screenshotOption, screenshotsOption, proposeOption, proposePackageOption, benchmarkOption, referenceOption});
    // --screenshot's FILE is read as the positional argument; it is not declared, so that --help does not mention a hidden option.
    parser.process(app);

    if (parser.isSet(demoOption)) {
        useDemoSystem(parser.value(demoOption));
        // The demo is its own world: the machine's helper settings do not move it.
        Snowpane::Ui::ConfigurationPlace::useSystemSettings(QString());
    } else {
        SnowpaneSettings::instance(KSharedConfig::openConfig());
        // programs.snowpane.configuration and .host, as the NixOS module wrote them for the helper.
        Snowpane::Ui::ConfigurationPlace::useSystemSettings(QString::fromLatin1(Snowpane::Helper::HelperConfigFile));
    }
    if (parser.isSet(screenshotOption) && parser.positionalArguments().size() != 1) {
        parser.showHelp(2);
    }

    for (const QString &proposal : parser.values(proposeOption)) {
        const qsizetype equals = proposal.indexOf(u'=');
        const QString error =
            equals > 0 ? ConfigurationSession::self()->setOptionNix(proposal.left(equals), proposal.mid(equals + 1)) : u"expected OPTION=VALUE"_s;
        if (!error.isEmpty()) {
            std::fprintf(stderr, "snowpane: --propose %s: %s\n", qPrintable(proposal), qPrintable(error));
            return 2;
        }
    }
    for (const QString &attr : parser.values(proposePackageOption)) {
        if (const QString error = ConfigurationSession::self()->addPackage(attr); !error.isEmpty()) {
            std::fprintf(stderr, "snowpane: --propose-package %s: %s\n", qPrintable(attr), qPrintable(error));
            return 2;
        }
    }
    std::optional<Snowpane::Ui::SelfTest> selfTest;
    if (parser.isSet(selfTestOption)) {
        selfTest.emplace();
        selfTest->setScreenshotDirectory(parser.value(screenshotsOption));
    }

    QQmlApplicationEngine engine;
    if (parser.isSet(referenceOption)) {
        engine.loadData(Snowpane::Ui::referenceWindowQml());
    } else {
        engine.loadFromModule("io.github.snowpane", "Main");
    }
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    if (parser.isSet(benchmarkOption)) {
        return Snowpane::Ui::runBenchmark(engine, parser.value(benchmarkOption));
    }
    if (selfTest) {
        return selfTest->run(engine);
    }
    if (parser.isSet(screenshotOption)) {
        return Snowpane::Ui::saveScreenshot(engine, parser.value(screenshotOption), parser.positionalArguments().constFirst());
    }
    const int exitCode = app.exec();
    WindowState::self()->save();
    return exitCode;
}
