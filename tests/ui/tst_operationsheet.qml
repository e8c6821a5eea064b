// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import io.github.snowpane
import io.github.snowpane.testing

// The progress sheet after each kind of failure of a privileged step: the
// sentence is on screen (visible, not zero-sized, not transparent), and it
// says what the person can do. The sentences themselves are chosen in C++
// (operationerrors.cpp); this checks that the sheet shows them.
TestCase {
    id: testCase

    name: "OperationSheet"
    when: windowShown
    width: 900
    height: 700

    function findByObjectName(item, objectName) {
        if (!item) {
            return null;
        }
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

    // Really on screen: every item up to the sheet is visible and opaque, the message has a size, and no
    // clipping ancestor (the dialog's scrolling body) cuts it away. Kirigami's Dialog once kept its body
    // -1 pixels high: the message was visible and sized, and clipped out of sight.
    function shown(item) {
        if (!item || item.width <= 0 || item.height <= 0) {
            return false;
        }
        for (let it = item; it; it = it.parent) {
            if (!it.visible || it.opacity < 1) {
                return false;
            }
            if (it !== item && it.clip) {
                const box = item.mapToItem(it, 0, 0, item.width, item.height);
                if (box.x < 0 || box.y < 0 || box.x + box.width > it.width + 0.5 || box.y + box.height > it.height + 0.5) {
                    return false;
                }
            }
        }
        const content = item.contentItem;
        return !content || (content.visible && content.opacity === 1 && content.height > 0);
    }

    function openSheet() {
        const sheet = createTemporaryObject(Qt.createComponent("io.github.snowpane", "OperationSheet"), testCase);
        verify(sheet);
        return sheet;
    }

    function cleanup() {
        SystemActions.dismiss();
    }

    function test_failure_data() {
        return [
            {
                tag: "HelperMissing",
                stage: SystemActions.Saving,
                action: "io.github.snowpane.writeconfig",
                details: "The Snowpane helper is not installed: the system does not know the action io.github.snowpane.writeconfig.",
                file: "",
                line: 0,
                expected: ["not installed", "programs.snowpane.enable = true;", "tools/dev run"]
            },
            {
                tag: "NotAuthorised",
                stage: SystemActions.Building,
                action: "io.github.snowpane.rebuild",
                details: "You are not allowed to do this.",
                file: "",
                line: 0,
                expected: ["Polkit refused", "Build and apply the system configuration", "io.github.snowpane.rebuild"]
            },
            {
                tag: "Failed",
                stage: SystemActions.Building,
                action: "io.github.snowpane.rebuild",
                details: "error: undefined variable 'snowpaneNoSuchOption' at /etc/nixos/configuration.nix:12:5",
                file: "/etc/nixos/configuration.nix",
                line: 12,
                expected: ["could not be built", "configuration.nix, line 12"]
            },
            {
                tag: "Busy",
                stage: SystemActions.Switching,
                action: "io.github.snowpane.switchgeneration",
                details: "busy",
                file: "",
                line: 0,
                expected: ["still running"]
            },
            {
                tag: "Cancelled",
                stage: SystemActions.Building,
                action: "io.github.snowpane.rebuild",
                details: "",
                file: "",
                line: 0,
                expected: ["cancelled"]
            },
            {
                tag: "TimedOut",
                stage: SystemActions.Building,
                action: "io.github.snowpane.rebuild",
                details: "timed out",
                file: "",
                line: 0,
                expected: ["too long"]
            },
            {
                tag: "InvalidRequest",
                stage: SystemActions.Cleaning,
                action: "io.github.snowpane.deletegenerations",
                details: "keep must be at least 1",
                file: "",
                line: 0,
                expected: ["refused the request"]
            },
        ];
    }

    function test_failure(data) {
        const sheet = openSheet();
        OperationTesting.fail(data.tag, data.stage, data.action, data.details, data.file, data.line);
        tryVerify(() => sheet.opened, 5000, "the sheet opens by itself");
        compare(SystemActions.stage, SystemActions.Failed);
        const message = findByObjectName(sheet.contentItem, "operationError");
        verify(message);
        for (const words of data.expected) {
            verify(SystemActions.errorMessage.includes(words), `"${SystemActions.errorMessage}" should say "${words}"`);
        }
        compare(message.text, SystemActions.errorMessage);
        tryVerify(() => shown(message), 5000, "the error message is on screen, not an empty sheet");
    }

    // The real path: no helper behind SystemActions here, so applying fails at once, as in the issue.
    function test_applyWithoutHelper() {
        const sheet = openSheet();
        SystemActions.apply(SystemActions.Build);
        tryVerify(() => !SystemActions.busy, 30000);
        compare(SystemActions.stage, SystemActions.Failed);
        verify(SystemActions.errorMessage.length > 0);
        tryVerify(() => sheet.opened, 5000);
        const message = findByObjectName(sheet.contentItem, "operationError");
        compare(message.text, SystemActions.errorMessage);
        tryVerify(() => shown(message), 5000, "the error message is on screen, not an empty sheet");
    }

    // Success is never an empty sheet either: the result sentence is on screen.
    function test_success() {
        const sheet = openSheet();
        OperationTesting.succeed("Switched to generation 11.");
        tryVerify(() => sheet.opened, 5000, "the sheet opens by itself");
        compare(SystemActions.stage, SystemActions.Succeeded);
        const message = findByObjectName(sheet.contentItem, "operationResult");
        verify(message);
        compare(message.text, "Switched to generation 11.");
        tryVerify(() => shown(message), 5000, "the result is on screen, not an empty sheet");
        // Read and dismissed (by another page, or a test): the sheet goes too, instead of staying open and empty.
        SystemActions.dismiss();
        tryVerify(() => !sheet.opened, 5000, "the sheet closes when the result is dismissed");
    }
}
