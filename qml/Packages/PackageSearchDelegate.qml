// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// One search result: name, version, badges, description, attribute and
/// licence, with the action that adds the package to the configuration or
/// removes it.
QQC2.ItemDelegate {
    id: row

    required property string attrPath
    required property string name
    required property string version
    required property string description
    required property string license
    required property bool unfree
    required property bool broken
    required property bool insecure
    required property bool declared
    required property bool inSystem

    signal installRequested(string attrPath)
    signal removeRequested(string attrPath)

    hoverEnabled: true
    Accessible.name: row.version.length > 0 ? qsTr("%1, version %2", "@info:whatsthis package name and version").arg(row.attrPath).arg(row.version) : row.attrPath
    Accessible.description: row.description

    contentItem: RowLayout {
        spacing: Kirigami.Units.largeSpacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Kirigami.Units.smallSpacing / 2

            RowLayout {
                Layout.fillWidth: true
                spacing: Kirigami.Units.smallSpacing

                // The attribute path is what the configuration names, so it is the title.
                QQC2.Label {
                    objectName: "packageName"
                    Layout.maximumWidth: implicitWidth
                    Layout.minimumWidth: Math.min(implicitWidth, Kirigami.Units.gridUnit * 8)
                    Layout.fillWidth: true
                    Layout.horizontalStretchFactor: 1000
                    text: row.attrPath
                    font.bold: true
                    elide: Text.ElideRight
                }
                QQC2.Label {
                    objectName: "packageVersion"
                    text: row.version
                    color: Kirigami.Theme.disabledTextColor
                    visible: row.version.length > 0
                }
                PackageBadge {
                    objectName: "unfreeBadge"
                    text: qsTr("Unfree", "@label badge")
                    tint: Kirigami.Theme.neutralTextColor
                    visible: row.unfree
                }
                PackageBadge {
                    text: qsTr("Broken", "@label badge")
                    tint: Kirigami.Theme.negativeTextColor
                    visible: row.broken
                }
                PackageBadge {
                    text: qsTr("Insecure", "@label badge")
                    tint: Kirigami.Theme.negativeTextColor
                    visible: row.insecure
                }
                PackageBadge {
                    objectName: "installedBadge"
                    text: row.declared ? qsTr("In your configuration", "@label badge") : qsTr("In the system", "@label badge")
                    tint: Kirigami.Theme.positiveTextColor
                    visible: row.declared || row.inSystem
                }
                Item {
                    Layout.fillWidth: true
                }
            }
            QQC2.Label {
                objectName: "packageDescription"
                Layout.fillWidth: true
                text: row.description.length > 0 ? row.description : qsTr("No description", "@info")
                color: row.description.length > 0 ? Kirigami.Theme.textColor : Kirigami.Theme.disabledTextColor
                elide: Text.ElideRight
                maximumLineCount: 1
            }
            QQC2.Label {
                objectName: "packageDetails"
                Layout.fillWidth: true
                text: {
                    const parts = [];
                    if (row.name.length > 0 && row.name !== row.attrPath) {
                        parts.push(row.name);
                    }
                    if (row.license.length > 0) {
                        parts.push(row.license);
                    }
                    return parts.length > 0 ? parts.join(" · ") : qsTr("No licence given", "@info");
                }
                color: Kirigami.Theme.disabledTextColor
                font: Kirigami.Theme.smallFont
                elide: Text.ElideRight
            }
        }

        QQC2.Button {
            objectName: "packageAction"
            text: row.declared ? qsTr("Remove", "@action:button") : qsTr("Install", "@action:button")
            icon.name: row.declared ? "list-remove" : "list-add"
            Accessible.name: row.declared ? qsTr("Remove %1 from the configuration", "@action:button").arg(row.attrPath) : qsTr("Install %1", "@action:button").arg(row.attrPath)
            onClicked: row.declared ? row.removeRequested(row.attrPath) : row.installRequested(row.attrPath)
        }
    }
}
