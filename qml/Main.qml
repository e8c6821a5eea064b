// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import org.kde.kirigami as Kirigami
import io.github.snowpane

Kirigami.ApplicationWindow {
    id: root

    /// The pages in drawer order; --self-test and --screenshot use these names.
    /// A machine without a NixOS configuration has only the welcome, Settings and About.
    readonly property list<string> pageNames: HostStatus.hasConfiguration ? ["overview", "options", "packages", "updates", "generations", "changes", "machines", "settings", "about"] : ["welcome", "settings", "about"]
    readonly property var pageComponents: ({
            welcome: Qt.createComponent("io.github.snowpane", "WelcomePage"),
            overview: Qt.createComponent("io.github.snowpane", "OverviewPage"),
            options: Qt.createComponent("io.github.snowpane", "OptionsPage"),
            packages: Qt.createComponent("io.github.snowpane", "PackagesPage"),
            updates: Qt.createComponent("io.github.snowpane", "UpdatesPage"),
            generations: Qt.createComponent("io.github.snowpane", "GenerationsPage"),
            changes: Qt.createComponent("io.github.snowpane", "ChangesPage"),
            machines: Qt.createComponent("io.github.snowpane", "MachinesPage"),
            settings: Qt.createComponent("io.github.snowpane", "SettingsPage"),
            about: Qt.createComponent("io.github.snowpane", "AboutPage")
        })
    property string currentPageName: ""
    /// Something is loading in the background (a catalog): the memory benchmark waits for it.
    readonly property bool busy: OptionsBackend.status === OptionsBackend.Loading || PackageCatalog.status === PackageCatalog.Locating || PackageCatalog.importing || (PackageCatalog.status === PackageCatalog.Ready && !PackageCatalog.installedLoaded) || Machines.busy
    /// Each page is made once and kept, so that it keeps its state (a search,
    /// a scroll position) when the person comes back to it.
    property var createdPages: ({})

    /// Replaces the page stack with the named page; false for an unknown name.
    function showPage(name: string): bool {
        const component = pageNames.includes(name) ? pageComponents[name] : undefined;
        if (!component) {
            return false;
        }
        let page = createdPages[name];
        if (!page) {
            if (component.status !== Component.Ready) {
                console.warn("Cannot load the", name, "page:", component.errorString());
                return false;
            }
            page = component.createObject(pageHolder, {
                visible: false
            });
            createdPages[name] = page;
        }
        pageStack.clear();
        pageStack.push(page);
        currentPageName = name;
        WindowState.lastPage = name;
        return true;
    }

    title: qsTr("Snowpane", "@title:window")
    width: Kirigami.Units.gridUnit * 56
    height: Kirigami.Units.gridUnit * 38
    minimumWidth: Kirigami.Units.gridUnit * 22
    minimumHeight: Kirigami.Units.gridUnit * 20

    Component.onCompleted: {
        // A first start with nothing set: Settings offers what was found, and the person picks.
        if (ConfigurationPlace.needsChoice && showPage("settings")) {
            return;
        }
        if (!showPage(WindowState.lastPage)) {
            showPage(root.pageNames[0]);
        }
    }

    // Progress and results of whatever changes the machine, from any page.
    OperationSheet {}
    // An edit of a file other hosts share, from any page: for all of them, or for this host alone.
    SharedFileDialog {}

    Connections {
        target: Navigation

        function onPageRequested(name: string): void {
            root.showPage(name);
        }
    }

    // A visual parent for pages that are not on the stack.
    Item {
        id: pageHolder

        visible: false
    }

    globalDrawer: Kirigami.GlobalDrawer {
        title: qsTr("Snowpane", "@title")
        titleIcon: Qt.resolvedUrl("icons/io.github.snowpane.svg")
        isMenu: false
        modal: !root.wideScreen
        width: Kirigami.Units.gridUnit * 12
        collapsible: true
        topContent: [
            HostPicker {}
        ]
        actions: [
            Kirigami.Action {
                text: qsTr("Welcome", "@action:inmenu")
                icon.name: "help-about"
                visible: !HostStatus.hasConfiguration
                checkable: true
                checked: root.currentPageName === "welcome"
                onTriggered: root.showPage("welcome")
            },
            Kirigami.Action {
                text: qsTr("Overview", "@action:inmenu")
                visible: HostStatus.hasConfiguration
                icon.name: "computer"
                checkable: true
                checked: root.currentPageName === "overview"
                onTriggered: root.showPage("overview")
            },
            Kirigami.Action {
                text: qsTr("Options", "@action:inmenu")
                icon.name: "configure"
                checkable: true
                checked: root.currentPageName === "options"
                visible: HostStatus.hasConfiguration
                onTriggered: root.showPage("options")
            },
            Kirigami.Action {
                text: qsTr("Packages", "@action:inmenu")
                icon.name: "package-x-generic"
                checkable: true
                checked: root.currentPageName === "packages"
                visible: HostStatus.hasConfiguration
                onTriggered: root.showPage("packages")
            },
            Kirigami.Action {
                text: Updates.state === Updates.PreviewReady ? qsTr("Updates (ready)", "@action:inmenu an update waits for review") : qsTr("Updates", "@action:inmenu")
                icon.name: "system-software-update"
                checkable: true
                checked: root.currentPageName === "updates"
                visible: HostStatus.hasConfiguration
                onTriggered: root.showPage("updates")
            },
            Kirigami.Action {
                text: qsTr("Generations", "@action:inmenu")
                icon.name: "view-history"
                checkable: true
                checked: root.currentPageName === "generations"
                visible: HostStatus.hasConfiguration
                onTriggered: root.showPage("generations")
            },
            Kirigami.Action {
                text: Configuration.pendingCount > 0 ? qsTr("Changes (%1)", "@action:inmenu with the number of pending changes").arg(Configuration.pendingCount) : qsTr("Changes", "@action:inmenu")
                icon.name: "document-edit"
                checkable: true
                checked: root.currentPageName === "changes"
                visible: HostStatus.hasConfiguration
                onTriggered: root.showPage("changes")
            },
            Kirigami.Action {
                text: qsTr("Machines", "@action:inmenu")
                icon.name: "network-server"
                checkable: true
                checked: root.currentPageName === "machines"
                visible: HostStatus.hasConfiguration
                onTriggered: root.showPage("machines")
            },
            Kirigami.Action {
                separator: true
            },
            Kirigami.Action {
                text: qsTr("Settings", "@action:inmenu")
                icon.name: "settings-configure"
                checkable: true
                checked: root.currentPageName === "settings"
                onTriggered: root.showPage("settings")
            },
            Kirigami.Action {
                text: qsTr("About Snowpane", "@action:inmenu")
                icon.name: "help-about"
                checkable: true
                checked: root.currentPageName === "about"
                onTriggered: root.showPage("about")
            }
        ]
    }
}
