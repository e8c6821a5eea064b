// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import org.kde.kirigami as Kirigami
import io.github.snowpane

Kirigami.ApplicationWindow {
    id: root

    /// The pages in drawer order; --self-test and --screenshot use these names.
    readonly property list<string> pageNames: ["overview", "options", "packages", "generations", "changes"]
    readonly property var pageComponents: ({
            overview: Qt.createComponent("io.github.snowpane", "OverviewPage"),
            options: Qt.createComponent("io.github.snowpane", "OptionsPage"),
            packages: Qt.createComponent("io.github.snowpane", "PackagesPage"),
            generations: Qt.createComponent("io.github.snowpane", "GenerationsPage"),
            changes: Qt.createComponent("io.github.snowpane", "ChangesPage")
        })
    property string currentPageName: ""

    /// Replaces the page stack with the named page; false for an unknown name.
    function showPage(name: string): bool {
        const component = pageComponents[name];
        if (!component) {
            return false;
        }
        pageStack.clear();
        pageStack.push(component);
        currentPageName = name;
        WindowState.lastPage = name;
        return true;
    }

    title: i18nc("@title:window", "Snowpane")
    width: Kirigami.Units.gridUnit * 56
    height: Kirigami.Units.gridUnit * 38
    minimumWidth: Kirigami.Units.gridUnit * 22
    minimumHeight: Kirigami.Units.gridUnit * 20

    Component.onCompleted: {
        if (!showPage(WindowState.lastPage)) {
            showPage("overview");
        }
    }
    onClosing: WindowState.save()

    globalDrawer: Kirigami.GlobalDrawer {
        title: i18nc("@title", "Snowpane")
        titleIcon: "preferences-system"
        isMenu: false
        modal: !root.wideScreen
        collapsible: true
        actions: [
            Kirigami.Action {
                text: i18nc("@action:inmenu", "Overview")
                icon.name: "computer"
                checkable: true
                checked: root.currentPageName === "overview"
                onTriggered: root.showPage("overview")
            },
            Kirigami.Action {
                text: i18nc("@action:inmenu", "Options")
                icon.name: "configure"
                checkable: true
                checked: root.currentPageName === "options"
                onTriggered: root.showPage("options")
            },
            Kirigami.Action {
                text: i18nc("@action:inmenu", "Packages")
                icon.name: "package-x-generic"
                checkable: true
                checked: root.currentPageName === "packages"
                onTriggered: root.showPage("packages")
            },
            Kirigami.Action {
                text: i18nc("@action:inmenu", "Generations")
                icon.name: "view-history"
                checkable: true
                checked: root.currentPageName === "generations"
                onTriggered: root.showPage("generations")
            },
            Kirigami.Action {
                text: i18nc("@action:inmenu", "Changes")
                icon.name: "document-edit"
                checkable: true
                checked: root.currentPageName === "changes"
                onTriggered: root.showPage("changes")
            }
        ]
    }
}
