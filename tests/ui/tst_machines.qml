// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import org.kde.kirigami as Kirigami
import io.github.snowpane

// The Machines page with models the test fills: each kind of problem is on
// screen in words (the sentences are made in C++, machinetexts.cpp, when a
// row enters the model), an unknown host key shows its fingerprint and is
// only accepted through the person's dialog, and the progress sheet has one
// row per host with its step, what was copied, its result and its log.
TestCase {
    id: testCase

    name: "MachinesPage"
    when: windowShown
    width: 1000
    height: 900

    MachineListModel {
        id: machines
    }
    MachineProgressModel {
        id: progressRows
    }
    Component {
        id: windowComponent

        Kirigami.ApplicationWindow {
            width: 1000
            height: 800
            visible: true
        }
    }

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

    function shown(item) {
        if (!item || item.width <= 0 || item.height <= 0) {
            return false;
        }
        for (let it = item; it; it = it.parent) {
            if (!it.visible || it.opacity < 1) {
                return false;
            }
        }
        return true;
    }

    function rowOf(list, host) {
        for (let i = 0; i < list.count; ++i) {
            list.positionViewAtIndex(i, ListView.Contain);
            const item = list.itemAtIndex(i);
            if (item && item.status.host === host) {
                return item;
            }
        }
        return null;
    }

    /// The page on a window's page stack, as the window shows it (a page is only visible there).
    function openPage() {
        const window = createTemporaryObject(windowComponent, testCase);
        verify(window);
        const page = createTemporaryObject(Qt.createComponent("io.github.snowpane", "MachinesPage"), window, {
            machines: machines,
            progressRows: progressRows
        });
        verify(page);
        window.pageStack.push(page);
        tryVerify(() => page.width > 0 && page.visible);
        const list = findByObjectName(page, "machineList");
        verify(list);
        return {
            page: page,
            list: list
        };
    }

    function cleanup() {
        machines.clear();
        progressRows.clear();
    }

    function test_problemInWords_data() {
        return [
            {
                tag: "unreachable",
                problem: MachineProblem.Unreachable,
                state: "Not reachable",
                expected: ["web is unreachable", "refused or timed out"]
            },
            {
                tag: "authentication refused",
                problem: MachineProblem.AuthenticationRefused,
                state: "Not reachable",
                expected: ["web refused the authentication", "SSH key"]
            },
            {
                tag: "host key changed",
                problem: MachineProblem.HostKeyChanged,
                state: "Not reachable",
                expected: ["host key of web has changed", "will not connect", "ssh-keygen -R"]
            },
            {
                tag: "no Nix",
                problem: MachineProblem.NoNix,
                state: "Reachable",
                expected: ["web has no Nix"]
            },
            {
                tag: "disk full",
                problem: MachineProblem.DiskFull,
                state: "Reachable",
                expected: ["The disk of web is full"]
            },
            {
                tag: "activation failed, rolled back",
                problem: MachineProblem.ActivationFailedRolledBack,
                state: "Reachable",
                expected: ["Activating the new system on web failed", "was rolled back to its previous generation"]
            },
            {
                tag: "activation failed, not rolled back",
                problem: MachineProblem.ActivationFailed,
                state: "Reachable",
                expected: ["Activating the new system on web failed", "was not rolled back"]
            },
            {
                tag: "cut off, rolled back by itself",
                problem: MachineProblem.RolledBack,
                state: "Reachable",
                expected: ["could not be reached again", "rolled back to its previous generation by itself"]
            }
        ];
    }

    function test_problemInWords(data) {
        const {page, list} = openPage();
        machines.setMachine({
            host: "web",
            target: "ssh://root@web.example:2222",
            targetSource: "deploy-rs",
            probed: true,
            reachable: data.state === "Reachable",
            problem: data.problem,
            detail: "what the engine said"
        });
        tryVerify(() => rowOf(list, "web") !== null);
        const row = rowOf(list, "web");
        const problem = findByObjectName(row, "problem");
        tryVerify(() => shown(problem), 5000, "the problem is on screen");
        for (const fragment of data.expected) {
            verify(problem.text.includes(fragment), `"${problem.text}" lacks "${fragment}"`);
        }
        compare(findByObjectName(row, "state").text, data.state);
        compare(findByObjectName(row, "target").text, "ssh://root@web.example:2222 (from deploy-rs)");
    }

    function test_healthyMachine() {
        const {page, list} = openPage();
        machines.setMachine({
            host: "alpha",
            target: "ssh://root@127.0.0.2",
            targetSource: "colmena",
            probed: true,
            reachable: true,
            generation: 4,
            nixosVersion: "24.11.4 (Vicuna)",
            rebootPending: true,
            kernelChanged: true
        });
        machines.setMachine({
            host: "beta",
            target: "ssh://beta",
            targetSource: "host name",
            probing: true
        });
        tryVerify(() => rowOf(list, "alpha") !== null && rowOf(list, "beta") !== null);
        const alpha = rowOf(list, "alpha");
        compare(findByObjectName(alpha, "system").text, "Generation 4, NixOS 24.11.4 (Vicuna)");
        verify(shown(findByObjectName(alpha, "reboot")));
        compare(findByObjectName(alpha, "reboot").text, "Reboot pending: the kernel changed");
        compare(findByObjectName(alpha, "lastDeployed").text, "Never deployed from here");
        verify(!shown(findByObjectName(alpha, "problem")));
        compare(findByObjectName(alpha, "state").text, "Reachable");
        compare(findByObjectName(rowOf(list, "beta"), "state").text, "Checking…");

        // Selecting rows: the page deploys the selected hosts together.
        mouseClick(findByObjectName(alpha, "system"));
        compare(machines.selectedHosts, ["alpha"]);
        machines.setSelected("beta", true);
        compare(machines.selectedHosts, ["alpha", "beta"]);
    }

    function test_unknownHostKeyShowsItsFingerprint() {
        const {page, list} = openPage();
        const fingerprint = "256 SHA256:uV2pHq3bJ0gYc2q2v9C0cJ0mQw1bX8dVn1Z5rR4yT6k gamma (ED25519)";
        machines.setMachine({
            host: "gamma",
            target: "ssh://gamma",
            targetSource: "host name",
            probed: true,
            problem: MachineProblem.HostKeyUnknown,
            hostKeyFingerprints: fingerprint
        });
        tryVerify(() => rowOf(list, "gamma") !== null);
        const row = rowOf(list, "gamma");
        compare(findByObjectName(row, "state").text, "Unknown host key");
        verify(findByObjectName(row, "problem").text.includes("Check its host key's fingerprint"));
        // Nothing is accepted until the person opens the dialog and says so; the dialog shows the fingerprint.
        const button = findByObjectName(row, "checkKey");
        tryVerify(() => shown(button));
        mouseClick(button);
        const dialog = page.hostKeyDialog;
        verify(dialog);
        tryVerify(() => dialog.opened);
        verify(dialog.subtitle.includes(fingerprint), dialog.subtitle);
        compare(dialog.host, "gamma");
        dialog.close();
    }

    function test_progressRows() {
        progressRows.setRow({
            host: "alpha",
            target: "ssh://root@127.0.0.2",
            stepText: "Copying",
            pathsCopied: 3,
            bytesCopied: 3145728,
            copiedText: "3.0 MiB, store paths: 3",
            line: "copying path '/nix/store/abc-hello' to 'ssh://root@127.0.0.2'"
        });
        progressRows.setRow({
            host: "beta",
            target: "ssh://beta",
            stepText: "Finished",
            finished: true,
            succeeded: false,
            problem: MachineProblem.Unreachable,
            resultText: "beta is unreachable: the connection was refused or timed out.",
            detail: "ssh: connect to host beta port 22: Connection refused"
        });
        progressRows.setLog("beta", ["building the system", "connecting to beta"]);
        const sheet = createTemporaryObject(Qt.createComponent("io.github.snowpane", "MachineProgressSheet"), testCase, {
            rows: progressRows
        });
        verify(sheet);
        sheet.open();
        tryVerify(() => sheet.opened);
        const steps = [];
        const results = [];
        const copied = [];
        tryVerify(() => {
            steps.length = 0;
            collect(sheet.contentItem, "step", steps);
            return steps.length === 2;
        });
        collect(sheet.contentItem, "result", results);
        collect(sheet.contentItem, "copied", copied);
        compare(steps.map(s => s.text), ["Copying", "Finished"]);
        compare(copied.filter(c => c.visible).map(c => c.text), ["Copied: 3.0 MiB, store paths: 3"]);
        const shownResults = results.filter(r => r.visible).map(r => r.text);
        compare(shownResults, ["beta is unreachable: the connection was refused or timed out."]);

        // The log is one click away, with what the engine said in the end.
        sheet.logHost = "beta";
        const log = progressRows.logOf("beta");
        compare(log, "building the system\nconnecting to beta\nssh: connect to host beta port 22: Connection refused");
        sheet.close();
    }

    function collect(item, objectName, out) {
        if (!item) {
            return;
        }
        if (item.objectName === objectName) {
            out.push(item);
        }
        const children = item.children ?? [];
        for (let i = 0; i < children.length; ++i) {
            collect(children[i], objectName, out);
        }
    }
}
