// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// What a GenerationComparison found: closure sizes, package changes by
/// group, and the configuration diff between the two commits.
ColumnLayout {
    id: view

    required property GenerationComparison comparison

    spacing: Kirigami.Units.largeSpacing

    RowLayout {
        Layout.fillWidth: true
        visible: view.comparison.busy
        spacing: Kirigami.Units.smallSpacing

        QQC2.BusyIndicator {
            running: view.comparison.busy
            Layout.preferredHeight: Kirigami.Units.iconSizes.medium
            Layout.preferredWidth: Kirigami.Units.iconSizes.medium
            Accessible.name: qsTr("Comparing", "@info:whatsthis")
        }
        QQC2.Label {
            objectName: "comparingLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Comparing generation %1 with generation %2…", "@info").arg(view.comparison.before).arg(view.comparison.after)
        }
    }

    Kirigami.InlineMessage {
        id: errorMessage

        property bool showDetails: false

        objectName: "comparisonError"
        Layout.fillWidth: true
        type: Kirigami.MessageType.Error
        visible: view.comparison.hasResult && view.comparison.errorString.length > 0
        text: view.comparison.errorString
        actions: [
            Kirigami.Action {
                text: errorMessage.showDetails ? qsTr("Hide Details", "@action:button") : qsTr("Details", "@action:button")
                icon.name: "documentinfo"
                visible: view.comparison.errorDetails.length > 0
                onTriggered: errorMessage.showDetails = !errorMessage.showDetails
            }
        ]
    }
    QQC2.Label {
        objectName: "comparisonErrorDetails"
        Layout.fillWidth: true
        visible: errorMessage.visible && errorMessage.showDetails
        wrapMode: Text.WrapAnywhere
        font.family: "monospace"
        text: view.comparison.errorDetails
    }

    ColumnLayout {
        objectName: "comparisonSummary"
        Layout.fillWidth: true
        visible: view.comparison.hasResult && view.comparison.errorString.length === 0
        spacing: Kirigami.Units.smallSpacing

        Kirigami.Heading {
            level: 3
            text: qsTr("From generation %1 to generation %2", "@title").arg(view.comparison.before).arg(view.comparison.after)
        }
        QQC2.Label {
            objectName: "sizeLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Closure size: %1 → %2 (%3)", "@info").arg(view.comparison.sizeBeforeText).arg(view.comparison.sizeAfterText).arg(view.comparison.sizeDeltaText)
        }
        QQC2.Label {
            objectName: "summaryLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Kirigami.Theme.disabledTextColor
            text: {
                const packages = view.comparison.packages;
                if (packages.count === 0) {
                    return qsTr("No package changed.", "@info");
                }
                return [qsTr("%1 upgraded", "@info package count").arg(packages.upgradedCount), qsTr("%1 downgraded", "@info package count").arg(packages.downgradedCount), qsTr("%1 added", "@info package count").arg(packages.addedCount), qsTr("%1 removed", "@info package count").arg(packages.removedCount), packages.otherCount > 0 ? qsTr("%1 other", "@info package count").arg(packages.otherCount) : ""].filter(part => part.length > 0).join(" · ");
            }
        }
    }

    ColumnLayout {
        objectName: "configurationChanges"
        Layout.fillWidth: true
        visible: view.comparison.hasResult
        spacing: Kirigami.Units.smallSpacing

        Kirigami.Heading {
            level: 3
            text: qsTr("Configuration", "@title")
        }
        QQC2.Label {
            objectName: "configurationProblem"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: text.length > 0
            color: Kirigami.Theme.disabledTextColor
            text: {
                if (view.comparison.configurationProblem.length > 0) {
                    return view.comparison.configurationProblem;
                }
                if (view.comparison.configurationDiff.length === 0) {
                    return qsTr("The configuration files are the same in both generations.", "@info");
                }
                return view.comparison.changedFiles === 1 ? qsTr("One file changed.", "@info") : qsTr("%1 files changed.", "@info").arg(view.comparison.changedFiles);
            }
        }
        QQC2.TextArea {
            id: diffText

            objectName: "configurationDiff"
            Layout.fillWidth: true
            visible: view.comparison.configurationDiff.length > 0
            readOnly: true
            selectByMouse: true
            textFormat: TextEdit.PlainText
            wrapMode: TextEdit.WrapAnywhere
            font.family: "monospace"
            text: view.comparison.configurationDiff
            Accessible.name: qsTr("Configuration diff between generations %1 and %2", "@info:whatsthis").arg(view.comparison.before).arg(view.comparison.after)

            SourceHighlighter {
                document: diffText.textDocument
                definition: "Diff"
                dark: Kirigami.ColorUtils.brightnessForColor(Kirigami.Theme.backgroundColor) === Kirigami.ColorUtils.Dark
            }
        }
    }

    ColumnLayout {
        objectName: "packageChanges"
        Layout.fillWidth: true
        visible: view.comparison.hasResult && view.comparison.errorString.length === 0 && view.comparison.packages.count > 0
        spacing: Kirigami.Units.smallSpacing

        Kirigami.Heading {
            level: 3
            text: qsTr("Packages", "@title")
        }
        Repeater {
            objectName: "packageRepeater"
            model: view.comparison.packages

            delegate: ColumnLayout {
                id: change

                required property string name
                required property int kind
                required property string group
                required property string changeText
                required property bool firstInGroup

                Layout.fillWidth: true
                spacing: 0

                Kirigami.Heading {
                    Layout.topMargin: Kirigami.Units.smallSpacing
                    level: 4
                    visible: change.firstInGroup
                    text: change.group
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: Kirigami.Units.largeSpacing
                    spacing: Kirigami.Units.largeSpacing

                    QQC2.Label {
                        Layout.preferredWidth: Kirigami.Units.gridUnit * 10
                        elide: Text.ElideRight
                        text: change.name
                        Accessible.name: qsTr("%1: %2", "@info:whatsthis package change").arg(change.name).arg(change.changeText)
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        font.family: "monospace"
                        color: Kirigami.Theme.disabledTextColor
                        text: change.changeText
                    }
                }
            }
        }
    }
}
