// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import io.github.snowpane

// The Generations page and its chart on the fake profile of tst_qml.cpp:
// generations 1 to 3, current 3, running 2, booted 1, store paths that Nix
// does not know and no git history.
TestCase {
    id: testCase

    name: "Generations"
    // A TestCase is hidden unless told otherwise; the chart is clicked inside it.
    visible: true
    when: windowShown
    width: 1100
    height: 800

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

    /// The Generations page as the window shows it (a page is only visible on the window's page stack).
    function openPage() {
        const component = Qt.createComponent("io.github.snowpane", "Main");
        compare(component.status, Component.Ready, component.errorString());
        const window = createTemporaryObject(component, testCase, { visible: true, width: 1200, height: 800 });
        verify(window.showPage("generations"));
        const page = window.pageStack.currentItem;
        compare(page.objectName, "generationsPage");
        tryVerify(() => page.width > 0 && findByObjectName(page, "generationList").itemAtIndex(0) !== null);
        return page;
    }

    Component {
        id: sizesModel

        ListModel {
            ListElement { number: 4; closureSize: -1; closureSizeText: ""; current: true }
            ListElement { number: 3; closureSize: 3000; closureSizeText: "3 kB"; current: false }
            ListElement { number: 2; closureSize: 1500; closureSizeText: "1.5 kB"; current: false }
            ListElement { number: 1; closureSize: 750; closureSizeText: "750 bytes"; current: false }
        }
    }

    Component {
        id: chartComponent

        GenerationSizeChart {
            width: 600
            height: 200
            largestSize: 3000
        }
    }

    SignalSpy {
        id: clickSpy

        signalName: "generationClicked"
    }

    function test_chartScalesBarsFromZero() {
        const model = createTemporaryObject(sizesModel, testCase);
        const chart = createTemporaryObject(chartComponent, testCase, { model: model, selectedGeneration: 2 });
        verify(chart);
        compare(chart.barCount, 4);
        tryVerify(() => findByObjectName(chart, "bar1") !== null);
        const bar = number => findByObjectName(chart, "bar" + number);
        compare(bar(4).height, 0, "an unknown size draws no bar");
        verify(bar(3).height > 0);
        fuzzyCompare(bar(2).height, bar(3).height / 2, 1);
        fuzzyCompare(bar(1).height, bar(3).height / 4, 1);
        // Oldest on the left, once the bars are laid out.
        const x = number => bar(number).mapToItem(chart, 0, 0).x;
        tryVerify(() => x(1) < x(2) && x(2) < x(3) && x(3) < x(4));
        compare(findByObjectName(chart, "chartLargestLabel").text, Qt.locale().formattedDataSize(3000, 1, Locale.DataSizeSIFormat));

        clickSpy.target = chart;
        clickSpy.clear();
        const button = findByObjectName(chart, "barButton2");
        mouseClick(button);
        compare(clickSpy.count, 1);
        compare(clickSpy.signalArguments[0][0], 2);

        chart.comparedGeneration = 1;
        compare(bar(1).border.width, 2, "the generation compared with is outlined");
        compare(bar(3).border.width, 0);
    }

    function test_pageSelectsTheCurrentGenerationAndComparesItWithTheOneBefore() {
        const page = openPage();
        const list = findByObjectName(page, "generationList");
        compare(list.count, 3);
        compare(page.selectedGeneration, 3);
        compare(page.otherGeneration, 2);
        compare(list.currentIndex, 0);
        compare(findByObjectName(page, "detailsHeading").text, "Generation 3");
        compare(findByObjectName(page, "compareWithBox").currentIndex, 1);
        verify(!findByObjectName(page, "compareWithCurrentButton").visible, "the current generation is not compared with itself");

        // Nix does not know the fake store paths: the comparison says so in words.
        const error = findByObjectName(page, "comparisonError");
        tryVerify(() => error.visible, 60000);
        compare(error.text, "The packages of generations 2 and 3 cannot be read from the Nix store.");
        verify(findByObjectName(page, "comparisonErrorDetails").text.includes("is not in the Nix store"));

        // No git history: no restore action, and the rows say there is no commit.
        tryVerify(() => findByObjectName(page, "detailsCommit").text === "Not linked to a commit of the configuration", 60000);
        verify(!findByObjectName(page, "restoreButton").visible);
    }

    function test_badgesFollowTheProfile() {
        const page = openPage();
        const list = findByObjectName(page, "generationList");
        const badges = number => {
            const row = list.itemAtIndex(3 - number);
            return ["currentBadge", "runningBadge", "bootedBadge"].filter(name => findByObjectName(row, name).visible);
        };
        compare(badges(3), ["currentBadge"]);
        compare(badges(2), ["runningBadge"]);
        compare(badges(1), ["bootedBadge"]);
        const chart = findByObjectName(page, "sizeChart");
        compare(chart.barCount, 3);
    }

    function test_pickingAnotherGenerationComparesItWithCurrent() {
        const page = openPage();
        const list = findByObjectName(page, "generationList");
        mouseClick(list.itemAtIndex(2));
        compare(page.selectedGeneration, 1);
        compare(page.otherGeneration, 3, "compare with current is the default");
        compare(findByObjectName(page, "detailsHeading").text, "Generation 1");
        const button = findByObjectName(page, "compareWithCurrentButton");
        verify(!button.visible);

        page.compareWith(2);
        compare(page.otherGeneration, 2);
        verify(button.visible);
        mouseClick(button);
        compare(page.otherGeneration, 3);
        verify(!button.visible);
    }

    function test_actionsAskFirstAndSayWhatWillHappen() {
        const page = openPage();
        const dialog = page.confirmationDialog;
        verify(dialog);

        page.select(1);
        mouseClick(findByObjectName(page, "switchButton"));
        tryVerify(() => dialog.opened);
        compare(dialog.title, "Switch to generation 1?");
        verify(dialog.message.startsWith("Generation 1 (NixOS 24.11.1 (Vicuna), Linux 6.6.51, built "), dialog.message);
        verify(dialog.message.includes("Generation 2, which is running now"), dialog.message);
        verify(dialog.allowed);
        compare(dialog.confirmText, "Switch Now");
        dialog.close();
        tryVerify(() => !dialog.visible);

        // Generation 3 is already the boot default: the dialog says so and offers nothing to confirm.
        page.select(3);
        mouseClick(findByObjectName(page, "bootButton"));
        tryVerify(() => dialog.opened);
        compare(dialog.title, "Boot into generation 3 next time?");
        verify(!dialog.allowed);
        compare(dialog.message, "Generation 3 is already the default entry of the boot menu.");
        dialog.close();
        tryVerify(() => !dialog.visible);
    }

    function test_systemChangeReloadsAndKeepsTheSelection() {
        const page = openPage();
        const list = findByObjectName(page, "generationList");
        tryVerify(() => !list.model.loadingDetails, 60000);
        page.select(1);
        page.compareWith(2);
        // What SystemActions says after a switch, a boot change or a restore.
        SystemActions.systemChanged();
        verify(list.model.loadingDetails, "the sizes and commits are read again");
        compare(page.selectedGeneration, 1);
        compare(page.otherGeneration, 2);
        compare(list.currentIndex, 2);
        tryVerify(() => !list.model.loadingDetails, 60000);
    }
}
