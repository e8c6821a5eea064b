// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import io.github.snowpane
import io.github.snowpane.testing

TestCase {
    id: testCase

    name: "Overview"
    when: windowShown
    width: 800
    height: 600

    function findByObjectName(item, objectName) {
        if (item.objectName === objectName) {
            return item;
        }
        const children = item.children ?? [];
        for (let i = 0; i < children.length; ++i) {
            const found = findByObjectName(children[i], objectName);
            if (found) {
                return found;
            }
        }
        return null;
    }

    function test_overviewReadsTheProfile() {
        compare(SystemOverview.errorString, "");
        compare(SystemOverview.hostName, "quicktest-host");
        compare(SystemOverview.currentGeneration, 3);
        compare(SystemOverview.runningGeneration, 2);
        compare(SystemOverview.bootedGeneration, 1);
        compare(SystemOverview.nixosVersion, "24.11.3 (Vicuna)");
        compare(SystemOverview.kernelVersion, "6.6.53");
    }

    function test_overviewPageShowsTheFacts() {
        const component = Qt.createComponent("io.github.snowpane", "OverviewPage");
        compare(component.status, Component.Ready, component.errorString());
        const page = createTemporaryObject(component, testCase);
        verify(page);
        const heading = findByObjectName(page, "hostNameHeading");
        verify(heading, "the host name heading exists");
        compare(heading.text, "quicktest-host");
        compare(findByObjectName(page, "currentGenerationLabel").text, "3");
        compare(findByObjectName(page, "kernelLabel").text, "6.6.53");
    }

    // After an operation changed the machine, the Overview shows the new state, not the one it read at start.
    function test_overviewFollowsASwitch() {
        const page = createTemporaryObject(Qt.createComponent("io.github.snowpane", "OverviewPage"), testCase);
        verify(page);
        const current = findByObjectName(page, "currentGenerationLabel");
        compare(current.text, "3");
        compare(SystemOverview.runningGeneration, 2);
        try {
            verify(OperationTesting.succeedSwitching(1, 1, "Generation 1 is active."));
            compare(SystemOverview.currentGeneration, 1);
            compare(SystemOverview.runningGeneration, 1);
            compare(current.text, "1");
        } finally {
            // As the other tests expect the fake profile: current 3, running 2.
            SystemActions.dismiss();
            verify(OperationTesting.succeedSwitching(3, 2, "Generation 3 is current again."));
            SystemActions.dismiss();
        }
        compare(SystemOverview.currentGeneration, 3);
        compare(current.text, "3");
    }

    function test_generationModelListsNewestFirst() {
        const model = createTemporaryQmlObject("import io.github.snowpane; GenerationListModel {}", testCase);
        compare(model.rowCount(), 3);
        compare(model.errorString, "");
        // The fake profile holds generations 1, 2 and 3, made in that order a day apart: the newest comes first.
        const numbers = [];
        const dates = [];
        for (let row = 0; row < model.rowCount(); ++row) {
            const index = model.index(row, 0);
            numbers.push(model.data(index, GenerationListModel.NumberRole));
            dates.push(model.data(index, GenerationListModel.DateRole).getTime());
            compare(model.numberAt(row), numbers[row]);
        }
        compare(numbers, [3, 2, 1]);
        verify(dates[0] > dates[1] && dates[1] > dates[2], "dates descend: " + dates);
        compare(model.data(model.index(0, 0), GenerationListModel.CurrentRole), true);
    }

    function test_mainWindowNavigates() {
        const component = Qt.createComponent("io.github.snowpane", "Main");
        compare(component.status, Component.Ready, component.errorString());
        const window = createTemporaryObject(component, testCase);
        verify(window);
        compare(window.pageNames.length, 9);
        // One shown drawer entry per page; separators, and the pages of a machine without a configuration, are not entries.
        compare(window.globalDrawer.actions.filter(action => !action.separator && action.visible).length, window.pageNames.length);
        for (const name of window.pageNames) {
            verify(window.showPage(name), name);
            compare(window.currentPageName, name);
            compare(window.pageStack.depth, 1);
        }
        verify(!window.showPage("no-such-page"));
        compare(window.currentPageName, "about");
    }
}
