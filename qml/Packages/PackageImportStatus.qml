// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// Where the package catalog stands: being found, imported (with progress
/// and a way to cancel), updated in the background, or failed (with the
/// technical detail one click away).
ColumnLayout {
    id: status

    property bool showDetails: false

    readonly property bool importing: PackageCatalog.importing
    readonly property bool failed: PackageCatalog.status === PackageCatalog.Failed
    readonly property bool warned: PackageCatalog.status === PackageCatalog.Ready && PackageCatalog.errorString.length > 0

    spacing: Kirigami.Units.smallSpacing
    visible: status.importing || status.failed || status.warned || PackageCatalog.status === PackageCatalog.Locating

    Kirigami.InlineMessage {
        objectName: "importMessage"
        Layout.fillWidth: true
        visible: status.importing || PackageCatalog.status === PackageCatalog.Locating
        type: Kirigami.MessageType.Information
        text: {
            if (!status.importing) {
                return qsTr("Finding the nixpkgs your configuration is built from…", "@info");
            }
            const why = PackageCatalog.importReason;
            const progress = PackageCatalog.importedPackages > 0 ? qsTr("%n package(s) read.", "@info", PackageCatalog.importedPackages) : qsTr("Nix is evaluating every package of your nixpkgs; this can take a minute or two.", "@info");
            return PackageCatalog.status === PackageCatalog.Ready ? qsTr("Updating the package catalog in the background. %1 %2", "@info reason, progress").arg(why).arg(progress) : qsTr("Making the package catalog. %1 %2", "@info reason, progress").arg(why).arg(progress);
        }
        actions: [
            Kirigami.Action {
                text: qsTr("Cancel", "@action:button")
                icon.name: "dialog-cancel"
                visible: status.importing
                onTriggered: PackageCatalog.cancelImport()
            }
        ]
    }

    QQC2.ProgressBar {
        objectName: "importProgress"
        Layout.fillWidth: true
        visible: status.importing || PackageCatalog.status === PackageCatalog.Locating
        indeterminate: true
        Accessible.name: qsTr("Package catalog import", "@info:whatsthis")
    }

    Kirigami.InlineMessage {
        objectName: "catalogError"
        Layout.fillWidth: true
        visible: (status.failed || status.warned) && !status.importing
        type: status.failed ? Kirigami.MessageType.Error : Kirigami.MessageType.Warning
        text: PackageCatalog.errorString
        actions: [
            Kirigami.Action {
                text: qsTr("Try Again", "@action:button")
                icon.name: "view-refresh"
                onTriggered: PackageCatalog.refresh()
            },
            Kirigami.Action {
                text: status.showDetails ? qsTr("Hide Details", "@action:button") : qsTr("Details", "@action:button")
                icon.name: "documentinfo"
                visible: PackageCatalog.errorDetails.length > 0
                onTriggered: status.showDetails = !status.showDetails
            }
        ]
    }

    QQC2.TextArea {
        objectName: "catalogErrorDetails"
        Layout.fillWidth: true
        Layout.maximumHeight: Kirigami.Units.gridUnit * 8
        visible: status.showDetails && (status.failed || status.warned) && !status.importing
        readOnly: true
        wrapMode: TextEdit.Wrap
        font.family: "monospace"
        text: PackageCatalog.errorDetails
        Accessible.name: qsTr("Technical details", "@info:whatsthis")
    }
}
