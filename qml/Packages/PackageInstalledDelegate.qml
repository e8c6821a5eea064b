// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// One installed package: declared in the configuration (with where, and
/// whether the built system has it yet) or present in the system only.
QQC2.ItemDelegate {
    id: row

    required property string attrPath
    required property string name
    required property string version
    required property string description
    required property string section
    required property string location
    required property bool pending

    readonly property bool declared: row.section === "declared"

    signal removeRequested(string attrPath)

    hoverEnabled: true
    Accessible.name: row.version.length > 0 ? qsTr("%1, version %2", "@info:whatsthis package name and version").arg(row.name).arg(row.version) : row.name
    Accessible.description: row.description

    contentItem: RowLayout {
        spacing: Kirigami.Units.largeSpacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Kirigami.Units.smallSpacing / 2

            RowLayout {
                Layout.fillWidth: true
                spacing: Kirigami.Units.smallSpacing

                QQC2.Label {
                    Layout.maximumWidth: implicitWidth
                    Layout.minimumWidth: Math.min(implicitWidth, Kirigami.Units.gridUnit * 8)
                    Layout.fillWidth: true
                    Layout.horizontalStretchFactor: 1000
                    // The attribute the configuration names, when the catalog knows it.
                    text: row.attrPath.length > 0 ? row.attrPath : row.name
                    font.bold: true
                    elide: Text.ElideRight
                }
                QQC2.Label {
                    text: row.version
                    color: Kirigami.Theme.disabledTextColor
                    visible: row.version.length > 0
                }
                PackageBadge {
                    objectName: "pendingBadge"
                    text: qsTr("Not built yet", "@label badge")
                    tint: Kirigami.Theme.neutralTextColor
                    visible: row.pending
                }
                Item {
                    Layout.fillWidth: true
                }
            }
            QQC2.Label {
                Layout.fillWidth: true
                text: row.description
                elide: Text.ElideRight
                maximumLineCount: 1
                visible: row.description.length > 0
            }
            QQC2.Label {
                objectName: "packageLocation"
                Layout.fillWidth: true
                text: {
                    const where = row.declared ? qsTr("declared in %1", "@info file:line").arg(row.location) : row.attrPath.length > 0 ? qsTr("added by another setting", "@info") : qsTr("added by another setting; not in the package catalog", "@info");
                    return row.attrPath.length > 0 && row.name !== row.attrPath ? qsTr("%1 · %2", "@info package name · where it comes from").arg(row.name).arg(where) : where;
                }
                color: Kirigami.Theme.disabledTextColor
                font: Kirigami.Theme.smallFont
                elide: Text.ElideMiddle
            }
        }

        QQC2.Button {
            text: qsTr("Remove", "@action:button")
            icon.name: "list-remove"
            visible: row.declared
            Accessible.name: qsTr("Remove %1 from the configuration", "@action:button").arg(row.attrPath)
            onClicked: row.removeRequested(row.attrPath)
        }
    }
}
