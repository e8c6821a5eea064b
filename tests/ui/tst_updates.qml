// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import io.github.snowpane
import io.github.snowpane.testing

// The Updates page in each of its states: before a check; with an update
// waiting for review (read back from the saved window state, as after a
// restart); a discard and a check that fail because no helper is installed
// here, and say so; and the Overview's line about updates.
TestCase {
    id: testCase

    name: "Updates"
    when: windowShown
    width: 900
    height: 900

    readonly property var pendingUpdate: ({
        kind: "flake",
        previousCommit: "0123456789abcdef0123456789abcdef01234567",
        complete: true,
        storePath: "",
        sources: [
            {
                name: "nixpkgs",
                revisionBefore: "aaaaaaa1111111",
                revisionAfter: "bbbbbbb2222222",
                dateBefore: "2024-11-12T08:00:00Z",
                dateAfter: "2024-11-25T09:30:00Z"
            }
        ],
        restart: ["sshd.service", "nscd.service"],
        start: ["new.timer"],
        stop: [],
        reload: [],
        restartSystemd: false
    })
    readonly property string pending: JSON.stringify(pendingUpdate)
    // A check that stopped after the sources changed (the window closed during the build): only the sources are known.
    readonly property string interrupted: JSON.stringify(Object.assign({}, pendingUpdate, {
        complete: false
    }))

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

    /// The window, showing page @p name (a page is only visible on the window's page stack).
    function openWindow(name) {
        const component = Qt.createComponent("io.github.snowpane", "Main");
        compare(component.status, Component.Ready, component.errorString());
        const window = createTemporaryObject(component, testCase, {
            visible: true,
            width: 1000,
            height: 900
        });
        verify(window.showPage(name));
        tryVerify(() => window.pageStack.currentItem !== null && window.pageStack.currentItem.width > 0);
        return window;
    }

    function createPage() {
        const page = openWindow("updates").pageStack.currentItem;
        compare(page.objectName, "updatesPage");
        return page;
    }

    function cleanup() {
        tryVerify(() => !SystemActions.busy, 30000);
        SystemActions.dismiss();
        WindowState.pendingUpdate = "";
        UpdatesTesting.reloadPending();
    }

    function test_beforeACheck() {
        // The window state outlives the process: an update an earlier run left waiting is not this test's.
        WindowState.pendingUpdate = "";
        UpdatesTesting.reloadPending();
        compare(Updates.state, Updates.Idle);
        const page = createPage();
        verify(findByObjectName(page, "updatePlaceholder").visible);
        verify(!findByObjectName(page, "updatePreview").visible);
        compare(page.footer.visible, false);
        verify(Updates.lastCheckedText.length > 0);
    }

    function test_previewWaitingForReview() {
        WindowState.pendingUpdate = testCase.pending;
        UpdatesTesting.reloadPending();
        compare(Updates.state, Updates.PreviewReady);
        compare(Updates.sourceKind, "flake");
        compare(Updates.sources.length, 1);
        compare(Updates.sources[0].revisionBefore, "aaaaaaa");
        compare(Updates.sources[0].revisionAfter, "bbbbbbb");
        verify(Updates.sources[0].changeText.startsWith("aaaaaaa, ") && Updates.sources[0].changeText.includes(" → bbbbbbb, "), Updates.sources[0].changeText);
        compare(Updates.unitsToRestart, ["sshd.service", "nscd.service"]);
        // The built system is gone (none was given): the preview says so instead of showing nothing.
        verify(Updates.previewProblem.length > 0);

        const page = createPage();
        verify(!findByObjectName(page, "updatePlaceholder").visible);
        verify(findByObjectName(page, "updatePreview").visible);
        verify(page.footer.visible);
        const apply = findByObjectName(page.footer, "applyUpdateButton");
        verify(apply.enabled);
        verify(findByObjectName(page.footer, "discardButton").enabled);
        verify(findByObjectName(page, "restartUnits").visible);
        compare(findByObjectName(page, "sourceRepeater").count, 1);
        // A check is refused while an update waits: it would update the sources a second time.
        verify(!page.actions[0].enabled);
    }

    // What was not worked out is not shown as "nothing changes".
    function test_interruptedCheckShowsOnlyWhatIsKnown() {
        WindowState.pendingUpdate = testCase.interrupted;
        UpdatesTesting.reloadPending();
        compare(Updates.state, Updates.PreviewReady);
        compare(Updates.unitsKnown, false);
        compare(Updates.packagesKnown, false);
        compare(Updates.unitsToRestart, []);
        compare(Updates.hasUnitChanges, false);
        verify(!Updates.summary.includes("no package versions change"), Updates.summary);
        verify(Updates.summary.length > 0);
        const page = createPage();
        const unitsNote = findByObjectName(page, "unitsNote");
        verify(unitsNote.visible);
        verify(unitsNote.text.includes("not worked out"), unitsNote.text);
        verify(!findByObjectName(page, "packagesNote").text.includes("No package versions change"));
        verify(!findByObjectName(page, "restartUnits").visible);
    }

    function test_failedDiscardKeepsThePreview() {
        WindowState.pendingUpdate = testCase.pending;
        UpdatesTesting.reloadPending();
        Updates.discard();
        tryVerify(() => SystemActions.stage === SystemActions.Failed, 60000);
        // No helper here: the sources could not be put back, so the update still waits, and the sheet says why.
        compare(Updates.state, Updates.PreviewReady);
        verify(SystemActions.errorMessage.length > 0);
        compare(JSON.parse(WindowState.pendingUpdate).previousCommit, "0123456789abcdef0123456789abcdef01234567");
    }

    function test_failedCheckSaysWhy() {
        UpdatesTesting.reloadPending();
        compare(Updates.state, Updates.Idle);
        const page = createPage();
        Updates.check();
        tryVerify(() => Updates.state === Updates.Failed, 60000);
        verify(Updates.errorMessage.length > 0);
        compare(Updates.errorMessage, SystemActions.errorMessage);
        verify(findByObjectName(page, "updateError").visible);
        compare(findByObjectName(page, "updateError").text, Updates.errorMessage);
        compare(WindowState.pendingUpdate, "");
    }

    function test_overviewLinksToUpdates() {
        WindowState.pendingUpdate = testCase.pending;
        UpdatesTesting.reloadPending();
        const window = openWindow("overview");
        const page = window.pageStack.currentItem;
        compare(findByObjectName(page, "updateCheckLabel").text, "an update is ready to review");
        verify(findByObjectName(page, "nixpkgsAgeLabel").text.length > 0);
        const button = findByObjectName(page, "openUpdatesButton");
        tryVerify(() => button.visible && button.width > 0);
        mouseClick(button);
        compare(window.currentPageName, "updates");
    }

    // "Remove old generations" says which generations go before anything happens: current 3, running 2 and booted 1 always stay.
    function test_cleanupDialogShowsThePlan() {
        const window = openWindow("generations");
        const page = window.pageStack.currentItem;
        const action = page.actions.find(a => a.text.startsWith("Remove Old Generations"));
        verify(action);
        action.trigger();
        const dialog = page.cleanupDialog;
        verify(dialog);
        tryVerify(() => dialog.opened);
        tryVerify(() => dialog.space.ready, 60000);
        // Every generation of the fake profile is current, running or booted: keeping one removes none of them.
        findByObjectName(dialog.contentItem, "cleanupCount").value = 1;
        compare(dialog.plan.generations, []);
        compare(dialog.plan.count, 0);
        compare(dialog.plan.allowed, false);
        verify(dialog.plan.message.includes("booted and runs are always kept"), dialog.plan.message);
        findByObjectName(dialog.contentItem, "cleanupCount").value = 3;
        compare(dialog.plan.count, 0);
        compare(dialog.plan.allowed, false);
        dialog.close();
    }
}
