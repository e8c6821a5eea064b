// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// Search the package catalog of the configured nixpkgs, add and remove
/// packages (as pending edits, shown on the Changes page), and see what is
/// installed: declared in the configuration, or in the system only.
Kirigami.Page {
    id: page

    /// Why the last edit was refused; empty when it went through.
    property string lastError: ""
    /// The package the last edit changed, for the confirmation line.
    property string lastChange: ""
    /// For tests: the question asked before adding a package with a catch.
    readonly property alias addDialog: addDialog

    /// Adds a package, asking first when PackageEdits says there is a catch.
    function requestInstall(attrPath: string) {
        const advice = PackageEdits.adviseAdd(attrPath);
        if (advice.needsConfirmation) {
            addDialog.advice = advice;
            addDialog.open();
            return;
        }
        page.finishEdit(PackageEdits.add(attrPath, false), qsTr("%1 will be added when you apply the changes.", "@info").arg(attrPath));
    }

    function requestRemove(attrPath: string) {
        page.finishEdit(PackageEdits.remove(attrPath), qsTr("%1 will be removed when you apply the changes.", "@info").arg(attrPath));
    }

    function finishEdit(refusal: string, done: string) {
        page.lastError = refusal;
        page.lastChange = refusal.length > 0 ? "" : done;
    }

    objectName: "packagesPage"
    title: qsTr("Packages", "@title")
    padding: 0

    Component.onCompleted: PackageCatalog.start()

    actions: [
        Kirigami.Action {
            objectName: "updateCatalog"
            text: qsTr("Update Catalog", "@action:button")
            icon.name: "view-refresh"
            enabled: !PackageCatalog.importing && PackageCatalog.status !== PackageCatalog.Locating
            onTriggered: PackageCatalog.refresh()
        }
    ]

    header: QQC2.Control {
        padding: Kirigami.Units.largeSpacing

        contentItem: ColumnLayout {
            spacing: Kirigami.Units.smallSpacing

            RowLayout {
                Layout.fillWidth: true
                spacing: Kirigami.Units.smallSpacing

                Kirigami.SearchField {
                    id: searchField

                    objectName: "packageSearchField"
                    Layout.fillWidth: true
                    placeholderText: PackageCatalog.packageCount > 0 ? qsTr("Search %L1 packages…", "@info:placeholder").arg(PackageCatalog.packageCount) : qsTr("Search packages…", "@info:placeholder")
                    Accessible.name: qsTr("Search packages", "@info:whatsthis")
                    // Results follow every keystroke; the search runs off the window's thread.
                    delaySearch: false
                    onTextChanged: viewTabs.currentIndex = 0
                }
                QQC2.ComboBox {
                    id: licenceFilter

                    objectName: "licenceFilter"
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        {
                            text: qsTr("Any licence", "@item:inlistbox"),
                            value: PackageSearchModel.Any
                        },
                        {
                            text: qsTr("Free only", "@item:inlistbox"),
                            value: PackageSearchModel.FreeOnly
                        },
                        {
                            text: qsTr("Unfree only", "@item:inlistbox"),
                            value: PackageSearchModel.UnfreeOnly
                        }
                    ]
                    visible: viewTabs.currentIndex === 0
                    Accessible.name: qsTr("Show packages by licence", "@info:whatsthis")
                }
            }

            // Two checkable buttons rather than a TabBar: the desktop style's
            // TabButton warns about a missing contentItem when it is created.
            RowLayout {
                id: viewTabs

                /// 0: search results, 1: installed packages.
                property int currentIndex: 0

                objectName: "packageViewTabs"
                Layout.fillWidth: true
                spacing: Kirigami.Units.smallSpacing

                QQC2.ToolButton {
                    objectName: "searchTab"
                    text: qsTr("Search Results", "@action:button")
                    checkable: true
                    checked: viewTabs.currentIndex === 0
                    Accessible.name: text
                    onClicked: viewTabs.currentIndex = 0
                }
                QQC2.ToolButton {
                    objectName: "installedTab"
                    text: qsTr("Installed (%1)", "@action:button").arg(installedModel.declaredCount + installedModel.systemOnlyCount)
                    checkable: true
                    checked: viewTabs.currentIndex === 1
                    Accessible.name: qsTr("Installed packages", "@action:button")
                    onClicked: viewTabs.currentIndex = 1
                }
                Item {
                    Layout.fillWidth: true
                }
            }

            PackageImportStatus {
                Layout.fillWidth: true
            }

            Kirigami.InlineMessage {
                objectName: "editRefusal"
                Layout.fillWidth: true
                type: Kirigami.MessageType.Error
                text: page.lastError
                visible: page.lastError.length > 0
                showCloseButton: true
                onVisibleChanged: {
                    if (!visible) {
                        page.lastError = "";
                    }
                }
            }

            Kirigami.InlineMessage {
                objectName: "editDone"
                Layout.fillWidth: true
                type: Kirigami.MessageType.Positive
                text: page.lastChange
                visible: page.lastChange.length > 0
                showCloseButton: true
                onVisibleChanged: {
                    if (!visible) {
                        page.lastChange = "";
                    }
                }
            }
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: viewTabs.currentIndex

        // Hidden, a view would take its content's height and make a row for every result at once.
        QQC2.ScrollView {
            implicitHeight: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            QQC2.ScrollBar.horizontal.policy: QQC2.ScrollBar.AlwaysOff

            ListView {
                id: searchList

                objectName: "packageSearchList"
                clip: true
                reuseItems: true
                model: PackageSearchModel {
                    id: searchModel

                    query: searchField.text
                    unfreeFilter: licenceFilter.currentValue ?? PackageSearchModel.Any
                }
                Accessible.name: qsTr("Packages found", "@info:whatsthis")

                delegate: PackageSearchDelegate {
                    width: searchList.width
                    onInstallRequested: attrPath => page.requestInstall(attrPath)
                    onRemoveRequested: attrPath => page.requestRemove(attrPath)
                }

                Kirigami.PlaceholderMessage {
                    anchors.centerIn: parent
                    width: parent.width - Kirigami.Units.gridUnit * 4
                    visible: searchList.count === 0 && PackageCatalog.status === PackageCatalog.Ready && !searchModel.searching
                    text: searchModel.errorString.length > 0 ? searchModel.errorString : qsTr("No packages match “%1”", "@info").arg(searchField.text)
                    explanation: searchModel.errorString.length > 0 ? "" : qsTr("Try fewer or shorter words, or another licence filter.", "@info")
                }
            }
        }

        // Hidden, a view would take its content's height and make a row for every result at once.
        QQC2.ScrollView {
            implicitHeight: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            QQC2.ScrollBar.horizontal.policy: QQC2.ScrollBar.AlwaysOff

            ListView {
                id: installedList

                objectName: "packageInstalledList"
                clip: true
                model: PackageInstalledModel {
                    id: installedModel
                }
                Accessible.name: qsTr("Installed packages", "@info:whatsthis")

                section.property: "section"
                section.delegate: Kirigami.ListSectionHeader {
                    required property string section

                    width: installedList.width
                    text: section === "declared" ? qsTr("Declared in your configuration (%1)", "@title:group").arg(installedModel.declaredCount) : qsTr("In the system only (%1)", "@title:group").arg(installedModel.systemOnlyCount)
                }

                delegate: PackageInstalledDelegate {
                    width: installedList.width
                    onRemoveRequested: attrPath => page.requestRemove(attrPath)
                }

                header: Kirigami.InlineMessage {
                    width: installedList.width
                    type: Kirigami.MessageType.Warning
                    text: PackageCatalog.installedError
                    visible: PackageCatalog.installedError.length > 0
                }

                Kirigami.PlaceholderMessage {
                    anchors.centerIn: parent
                    width: parent.width - Kirigami.Units.gridUnit * 4
                    visible: installedList.count === 0
                    text: qsTr("No installed packages found", "@info")
                    explanation: qsTr("Packages you add show up here, and so do the packages of the current system once the catalog is ready.", "@info")
                }
            }
        }
    }

    PackageAddDialog {
        id: addDialog

        onAddConfirmed: (attrPath, allowUnfree) => {
            const done = allowUnfree ? qsTr("%1 will be added, and unfree packages allowed, when you apply the changes.", "@info").arg(attrPath) : qsTr("%1 will be added when you apply the changes.", "@info").arg(attrPath);
            page.finishEdit(PackageEdits.add(attrPath, allowUnfree), done);
        }
    }
}
