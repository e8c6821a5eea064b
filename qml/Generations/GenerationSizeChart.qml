// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami

/// The closure size of every generation as a bar, oldest on the left, drawn
/// from zero so that heights compare honestly. Sizes fill in as they arrive.
Item {
    id: chart

    /// Rows newest first with the roles number, closureSize (bytes, -1 while
    /// unknown), closureSizeText and current: a GenerationListModel.
    required property var model
    /// The largest closure size in bytes; bars are scaled to it.
    required property real largestSize
    property int selectedGeneration: 0
    /// The generation the selected one is compared with, outlined.
    property int comparedGeneration: 0
    readonly property int barCount: barRepeater.count

    signal generationClicked(int number)

    readonly property real axisWidth: Kirigami.Units.gridUnit * 4
    readonly property real labelHeight: Kirigami.Units.gridUnit * 1.2
    readonly property color barColor: Kirigami.ColorUtils.linearInterpolation(Kirigami.Theme.backgroundColor, Kirigami.Theme.textColor, 0.35)
    readonly property color gridColor: Kirigami.ColorUtils.linearInterpolation(Kirigami.Theme.backgroundColor, Kirigami.Theme.textColor, 0.15)

    implicitHeight: Kirigami.Units.gridUnit * 7
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Closure size of each generation", "@info:whatsthis")

    // The scale: the largest size at the top, zero at the bottom.
    QQC2.Label {
        id: topLabel

        objectName: "chartLargestLabel"
        anchors.left: parent.left
        y: 0
        width: chart.axisWidth - Kirigami.Units.smallSpacing
        horizontalAlignment: Text.AlignRight
        font: Kirigami.Theme.smallFont
        color: Kirigami.Theme.disabledTextColor
        text: chart.largestSize > 0 ? Qt.locale().formattedDataSize(chart.largestSize, 1, Locale.DataSizeSIFormat) : ""
    }
    QQC2.Label {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.bottomMargin: chart.labelHeight
        width: chart.axisWidth - Kirigami.Units.smallSpacing
        horizontalAlignment: Text.AlignRight
        font: Kirigami.Theme.smallFont
        color: Kirigami.Theme.disabledTextColor
        text: "0"
    }
    Rectangle {
        x: chart.axisWidth
        y: topLabel.height / 2
        width: chart.width - chart.axisWidth
        height: 1
        color: chart.gridColor
    }
    Rectangle {
        x: chart.axisWidth
        y: chart.height - chart.labelHeight
        width: chart.width - chart.axisWidth
        height: 1
        color: chart.gridColor
    }

    Row {
        id: bars

        objectName: "chartBars"
        readonly property int count: barRepeater.count
        readonly property real plotHeight: height - chart.labelHeight
        readonly property real availableWidth: chart.width - chart.axisWidth
        // Every bar fits: a long history gets thin bars rather than a scroll bar.
        readonly property real barWidth: count > 0 ? Math.max(2, Math.min(Kirigami.Units.gridUnit * 4, (availableWidth - spacing * (count - 1)) / count)) : 0

        x: chart.axisWidth
        y: topLabel.height / 2
        width: availableWidth
        height: chart.height - y
        // The model is newest first; the oldest generation goes on the left.
        layoutDirection: Qt.RightToLeft
        spacing: count > 40 ? 1 : Kirigami.Units.smallSpacing
        clip: true

        Repeater {
            id: barRepeater

            model: chart.model

            delegate: QQC2.AbstractButton {
                id: bar

                objectName: "barButton" + number
                required property int number
                required property real closureSize
                required property string closureSizeText
                required property bool current

                readonly property bool selected: number === chart.selectedGeneration
                readonly property real fraction: closureSize > 0 && chart.largestSize > 0 ? closureSize / chart.largestSize : 0

                width: bars.barWidth
                height: bars.height
                hoverEnabled: true
                activeFocusOnTab: true
                Accessible.name: closureSize >= 0 ? qsTr("Generation %1: %2", "@info:whatsthis chart bar").arg(number).arg(closureSizeText) : qsTr("Generation %1: size not known yet", "@info:whatsthis chart bar").arg(number)
                onClicked: chart.generationClicked(number)

                QQC2.ToolTip.visible: hovered
                QQC2.ToolTip.text: Accessible.name
                QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay

                contentItem: Item {}
                background: Item {
                    Rectangle {
                        objectName: "bar" + bar.number
                        anchors.bottom: parent.bottom
                        anchors.bottomMargin: chart.labelHeight
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: parent.width * 0.7
                        // A known size is always at least a sliver, so that it reads as a bar.
                        height: bar.closureSize >= 0 ? Math.max(2, bars.plotHeight * bar.fraction) : 0
                        radius: Kirigami.Units.cornerRadius / 2
                        border.width: bar.number === chart.comparedGeneration && !bar.selected ? 2 : 0
                        border.color: Kirigami.Theme.highlightColor
                        color: bar.selected ? Kirigami.Theme.highlightColor : (bar.hovered || bar.activeFocus ? Kirigami.ColorUtils.linearInterpolation(chart.barColor, Kirigami.Theme.highlightColor, 0.5) : chart.barColor)
                    }
                    QQC2.Label {
                        anchors.bottom: parent.bottom
                        anchors.horizontalCenter: parent.horizontalCenter
                        height: chart.labelHeight
                        // Thin bars label only what matters, so that numbers do not overlap.
                        visible: bar.width >= Kirigami.Units.gridUnit * 1.2 || bar.selected || bar.current
                        verticalAlignment: Text.AlignVCenter
                        font.pointSize: Kirigami.Theme.smallFont.pointSize
                        font.bold: bar.current
                        color: bar.selected ? Kirigami.Theme.highlightColor : Kirigami.Theme.textColor
                        text: String(bar.number)
                    }
                }
            }
        }
    }
}
