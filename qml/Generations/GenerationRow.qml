// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// One generation in the list: number, NixOS version, date and kernel, the
/// subject of the commit that built it, closure size, the space only it
/// keeps alive, and its badges.
QQC2.ItemDelegate {
    id: row

    required property int number
    required property date date
    required property string nixosVersion
    required property string kernelVersion
    required property list<string> specialisations
    required property bool current
    required property bool booted
    required property bool running
    required property string problem
    required property string closureSizeText
    required property string commitSubject
    required property string commitShortId
    required property bool detailsLoaded
    /// The store space only this generation keeps alive ("120 MB"); empty while unknown or for the current one.
    property string heldText: ""

    width: ListView.view ? ListView.view.width : implicitWidth
    highlighted: ListView.isCurrentItem
    Accessible.name: qsTr("Generation %1", "@info:whatsthis").arg(row.number)
    Accessible.description: [row.current ? qsTr("current", "@info generation tag") : "", row.running ? qsTr("running", "@info generation tag") : "", row.booted ? qsTr("booted", "@info generation tag") : "", row.commitSubject].filter(part => part.length > 0).join(", ")

    contentItem: RowLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.Heading {
            level: 2
            text: String(row.number)
            Layout.preferredWidth: Kirigami.Units.gridUnit * 2
            Layout.alignment: Qt.AlignTop
            horizontalAlignment: Text.AlignRight
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0

            RowLayout {
                Layout.fillWidth: true
                spacing: Kirigami.Units.smallSpacing

                QQC2.Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: row.nixosVersion.length > 0 ? qsTr("NixOS %1", "@info").arg(row.nixosVersion) : qsTr("Unknown version", "@info")
                }
                Repeater {
                    model: [
                        { shown: row.current, label: qsTr("Current", "@info generation tag"), name: "currentBadge" },
                        { shown: row.running, label: qsTr("Running", "@info generation tag"), name: "runningBadge" },
                        { shown: row.booted, label: qsTr("Booted", "@info generation tag"), name: "bootedBadge" }
                    ]
                    delegate: Kirigami.Chip {
                        required property var modelData
                        objectName: modelData.name
                        visible: modelData.shown
                        text: modelData.label
                        closable: false
                        checkable: false
                        activeFocusOnTab: false
                        font: Kirigami.Theme.smallFont
                    }
                }
            }
            QQC2.Label {
                objectName: "factsLabel"
                Layout.fillWidth: true
                elide: Text.ElideRight
                color: row.problem.length > 0 ? Kirigami.Theme.negativeTextColor : row.highlighted ? Kirigami.Theme.highlightedTextColor : Kirigami.Theme.disabledTextColor
                font: Kirigami.Theme.smallFont
                text: row.problem.length > 0 ? row.problem : [Qt.formatDateTime(row.date, Qt.locale().dateTimeFormat(Locale.ShortFormat)), row.kernelVersion.length > 0 ? qsTr("Linux %1", "@info").arg(row.kernelVersion) : "", row.closureSizeText, row.heldText.length > 0 ? qsTr("%1 only here", "@info store space that only this generation uses").arg(row.heldText) : "", row.specialisations.length > 0 ? qsTr("specialisations: %1", "@info").arg(row.specialisations.join(", ")) : ""].filter(part => part.length > 0).join(" · ")
            }
            QQC2.Label {
                objectName: "commitLabel"
                Layout.fillWidth: true
                elide: Text.ElideRight
                font: Kirigami.Theme.smallFont
                color: row.highlighted ? Kirigami.Theme.highlightedTextColor : row.commitSubject.length > 0 ? Kirigami.Theme.textColor : Kirigami.Theme.disabledTextColor
                text: {
                    if (!row.detailsLoaded) {
                        return qsTr("Looking for its commit…", "@info");
                    }
                    if (row.commitShortId.length === 0) {
                        return qsTr("No configuration commit", "@info");
                    }
                    return row.commitSubject.length > 0 ? row.commitSubject : row.commitShortId;
                }
            }
        }
    }
}
