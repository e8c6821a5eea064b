// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// The options of the person's own system: a search with instant results,
/// the services view of toggles, and the categories (top-level attributes).
Kirigami.Page {
    id: page

    /// "services" or "categories": what shows while the search field is empty.
    property string view: "services"
    /// The category whose options are listed, in the categories view.
    property string category: ""
    readonly property bool searching: searchField.text.trim().length > 0
    readonly property Component optionPage: Qt.createComponent("io.github.snowpane", "OptionPage")

    /// Shows option @p name on its own page, next to this one when there is room.
    function openOption(name: string) {
        const stack = page.Kirigami.PageStack.pageStack as Kirigami.PageRow;
        if (!stack) {
            return;
        }
        stack.pop(page);
        stack.push(page.optionPage, {
            optionName: name
        });
    }

    function showRefusal(message: string) {
        refusal.text = message;
        refusal.visible = true;
    }

    objectName: "optionsPage"
    title: qsTr("Options", "@title")
    padding: 0
    Component.onCompleted: OptionsBackend.load()

    actions: [
        Kirigami.Action {
            text: qsTr("Evaluate again", "@action:button")
            icon.name: "view-refresh"
            tooltip: qsTr("Read the options of your system again with Nix", "@info:tooltip")
            enabled: OptionsBackend.status !== OptionsBackend.Loading
            onTriggered: OptionsBackend.reload(true)
        }
    ]

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            Layout.fillWidth: true
            // A nested layout would share the height with the lists below; only they grow.
            Layout.fillHeight: false
            Layout.margins: Kirigami.Units.largeSpacing
            spacing: Kirigami.Units.smallSpacing

            Kirigami.SearchField {
                id: searchField

                objectName: "optionSearchField"
                Layout.fillWidth: true
                placeholderText: qsTr("Search %n options…", "@info:placeholder", OptionsBackend.optionCount)
                Accessible.name: qsTr("Search options", "@label")
                // Ctrl+F (the platform's Find key) focuses the field.
                focusSequence: StandardKey.Find
                focus: true
                KeyNavigation.down: page.searching ? searchList : (page.view === "services" ? servicesList : categoryList)
            }

            OptionLoadStatus {
                Layout.fillWidth: true
            }

            Kirigami.InlineMessage {
                id: refusal

                objectName: "refusalMessage"
                Layout.fillWidth: true
                type: Kirigami.MessageType.Error
                showCloseButton: true
                visible: false
            }

            RowLayout {
                Layout.fillWidth: true
                visible: !page.searching

                // Two views of the catalog; the desktop style's TabButton warns outside a real tab bar.
                QQC2.ToolButton {
                    objectName: "servicesTab"
                    text: qsTr("Services", "@action:button")
                    icon.name: "preferences-system-services"
                    checked: page.view === "services"
                    Accessible.name: qsTr("Services and programs", "@action:button")
                    onClicked: page.view = "services"
                }
                QQC2.ToolButton {
                    objectName: "categoriesTab"
                    text: qsTr("Categories", "@action:button")
                    icon.name: "view-list-tree"
                    checked: page.view === "categories"
                    Accessible.name: qsTr("Categories of options", "@action:button")
                    onClicked: page.view = "categories"
                }
                Item {
                    Layout.fillWidth: true
                }
                QQC2.ToolButton {
                    objectName: "categoryBackButton"
                    visible: page.view === "categories" && page.category.length > 0
                    text: qsTr("All categories", "@action:button")
                    icon.name: "go-previous"
                    Accessible.name: qsTr("Back to all categories", "@action:button")
                    onClicked: page.category = ""
                }
            }

            QQC2.Label {
                objectName: "resultCount"
                Layout.fillWidth: true
                visible: page.searching
                color: Kirigami.Theme.disabledTextColor
                text: searchModel.total > searchModel.count ? qsTr("%1 options found; showing the best %2.", "@info").arg(searchModel.total).arg(searchModel.count) : qsTr("%n option(s) found.", "@info", searchModel.total)
            }
        }

        Kirigami.Separator {
            Layout.fillWidth: true
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: page.searching ? 0 : (page.view === "services" ? 1 : (page.category.length > 0 ? 3 : 2))

            // A hidden view takes its content's height, so a list filled while hidden would make a row for every
            // result at once (hundreds, half a second); with no implicit height it makes only the rows it shows.
            QQC2.ScrollView {
                implicitHeight: 0
                Layout.fillWidth: true
                Layout.fillHeight: true

                ListView {
                    id: searchList

                    // Arrow keys move through the rows; Enter opens the option.
                    Keys.onReturnPressed: page.openOption((searchList.model as OptionListModel).nameAt(searchList.currentIndex))
                    Keys.onEnterPressed: page.openOption((searchList.model as OptionListModel).nameAt(searchList.currentIndex))
                    objectName: "searchResults"
                    clip: true
                    // Rows past the visible ones are made as the person scrolls, not with the first key.
                    cacheBuffer: 0
                    model: OptionListModel {
                        id: searchModel

                        mode: OptionListModel.Search
                        query: searchField.text
                    }
                    delegate: OptionRow {
                        onActivatedOption: name => page.openOption(name)
                        onRefused: message => page.showRefusal(message)
                    }
                    Kirigami.PlaceholderMessage {
                        anchors.centerIn: parent
                        width: parent.width - Kirigami.Units.gridUnit * 4
                        visible: searchList.count === 0 && OptionsBackend.status === OptionsBackend.Ready
                        text: qsTr("No option matches “%1”", "@info").arg(searchField.text.trim())
                        explanation: qsTr("Search looks at option names first, then at their descriptions.", "@info")
                    }
                }
            }

            QQC2.ScrollView {
                implicitHeight: 0
                Layout.fillWidth: true
                Layout.fillHeight: true

                ListView {
                    id: servicesList

                    // Arrow keys move through the rows; Enter opens the option.
                    Keys.onReturnPressed: page.openOption((servicesList.model as OptionListModel).nameAt(servicesList.currentIndex))
                    Keys.onEnterPressed: page.openOption((servicesList.model as OptionListModel).nameAt(servicesList.currentIndex))
                    objectName: "servicesList"
                    clip: true
                    model: OptionListModel {
                        mode: OptionListModel.Services
                    }
                    section.property: "group"
                    section.delegate: Kirigami.ListSectionHeader {
                        required property string section

                        width: ListView.view ? ListView.view.width : implicitWidth
                        text: section === "services" ? qsTr("Services", "@title:group") : qsTr("Programs", "@title:group")
                    }
                    delegate: OptionRow {
                        onActivatedOption: name => page.openOption(name)
                        onRefused: message => page.showRefusal(message)
                    }
                }
            }

            QQC2.ScrollView {
                implicitHeight: 0
                Layout.fillWidth: true
                Layout.fillHeight: true

                ListView {
                    id: categoryList

                    Keys.onReturnPressed: page.category = (categoryList.currentItem as QQC2.ItemDelegate)?.text ?? ""
                    Keys.onEnterPressed: page.category = (categoryList.currentItem as QQC2.ItemDelegate)?.text ?? ""
                    objectName: "categoryList"
                    clip: true
                    model: OptionCategoryModel {}
                    delegate: QQC2.ItemDelegate {
                        id: categoryRow

                        required property string name
                        required property int optionCount

                        width: ListView.view ? ListView.view.width : implicitWidth
                        text: name
                        Accessible.name: qsTr("%1, %n option(s)", "@info", optionCount).arg(name)
                        onClicked: page.category = name

                        contentItem: RowLayout {
                            QQC2.Label {
                                Layout.fillWidth: true
                                text: categoryRow.name
                                elide: Text.ElideRight
                            }
                            QQC2.Label {
                                text: qsTr("%n option(s)", "@info", categoryRow.optionCount)
                                color: Kirigami.Theme.disabledTextColor
                            }
                            Kirigami.Icon {
                                source: "go-next"
                                implicitWidth: Kirigami.Units.iconSizes.small
                                implicitHeight: Kirigami.Units.iconSizes.small
                            }
                        }
                    }
                }
            }

            QQC2.ScrollView {
                implicitHeight: 0
                Layout.fillWidth: true
                Layout.fillHeight: true

                ListView {
                    id: categoryOptions

                    // Arrow keys move through the rows; Enter opens the option.
                    Keys.onReturnPressed: page.openOption((categoryOptions.model as OptionListModel).nameAt(categoryOptions.currentIndex))
                    Keys.onEnterPressed: page.openOption((categoryOptions.model as OptionListModel).nameAt(categoryOptions.currentIndex))
                    objectName: "categoryOptions"
                    clip: true
                    model: OptionListModel {
                        mode: OptionListModel.Category
                        category: page.category
                    }
                    header: Kirigami.ListSectionHeader {
                        width: ListView.view ? ListView.view.width : implicitWidth
                        text: page.category
                    }
                    delegate: OptionRow {
                        onActivatedOption: name => page.openOption(name)
                        onRefused: message => page.showRefusal(message)
                    }
                }
            }
        }
    }
}
