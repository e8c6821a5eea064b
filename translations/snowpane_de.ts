<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApplicationInfo</name>
    <message>
        <source>Settings for NixOS: options, packages and generations, with every change reviewed, committed and reversible.</source>
        <translation>Einstellungen für NixOS: Optionen, Pakete und Generationen – jede Änderung wird geprüft, als Commit gespeichert und lässt sich rückgängig machen.</translation>
    </message>
    <message>
        <source>© 2026 Snowpane contributors</source>
        <translation>© 2026 Snowpane-Mitwirkende</translation>
    </message>
    <message>
        <source>Snowpane contributors</source>
        <translation>Snowpane-Mitwirkende</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Builds and switches the system</source>
        <translation>Erstellt das System und wechselt zu ihm</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>Changes</source>
        <comment>@title</comment>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Discard All</source>
        <comment>@action:button</comment>
        <translation>Alle verwerfen</translation>
    </message>
    <message>
        <source>Reload Files</source>
        <comment>@action:button</comment>
        <translation>Dateien neu laden</translation>
    </message>
    <message>
        <source>Read the configuration files again; pending changes are dropped</source>
        <comment>@info:tooltip</comment>
        <translation>Die Konfigurationsdateien erneut einlesen; ausstehende Änderungen werden verworfen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to apply</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n anzuwendende Änderung</numerusform>
            <numerusform>%n anzuwendende Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No pending changes: applying rebuilds the configuration as it is.</source>
        <comment>@info</comment>
        <translation>Keine ausstehenden Änderungen: Beim Anwenden wird die Konfiguration so neu erstellt, wie sie ist.</translation>
    </message>
    <message>
        <source>How to apply</source>
        <comment>@label:listbox</comment>
        <translation>Art des Anwendens</translation>
    </message>
    <message>
        <source>Apply</source>
        <comment>@action:button</comment>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Apply: %1</source>
        <comment>@action:button</comment>
        <translation>Anwenden: %1</translation>
    </message>
    <message>
        <source>%1, line %2: %3. Fix this syntax error before making or applying changes.</source>
        <comment>@info</comment>
        <translation>%1, Zeile %2: %3. Beheben Sie diesen Syntaxfehler, bevor Sie Änderungen vornehmen oder anwenden.</translation>
    </message>
    <message>
        <source>No pending changes</source>
        <comment>@info</comment>
        <translation>Keine ausstehenden Änderungen</translation>
    </message>
    <message>
        <source>Changes made on the Options and Packages pages are listed here, as they will be written into your files, before anything is applied.</source>
        <comment>@info</comment>
        <translation>Änderungen auf den Seiten „Optionen“ und „Pakete“ werden hier so aufgeführt, wie sie in Ihre Dateien geschrieben werden, bevor etwas angewendet wird.</translation>
    </message>
    <message>
        <source>Edits</source>
        <comment>@title:group</comment>
        <translation>Bearbeitungen</translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>@action:button</comment>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard: %1</source>
        <comment>@action:button</comment>
        <translation>Verwerfen: %1</translation>
    </message>
    <message>
        <source>Files</source>
        <comment>@title:group</comment>
        <translation>Dateien</translation>
    </message>
</context>
<context>
    <name>ConfigurationSession</name>
    <message>
        <source>Enable %1</source>
        <translation>%1 aktivieren</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>%1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Remove the setting %1</source>
        <translation>Die Einstellung %1 entfernen</translation>
    </message>
    <message>
        <source>Add the package %1</source>
        <translation>Das Paket %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove the package %1</source>
        <translation>Das Paket %1 entfernen</translation>
    </message>
    <message>
        <source>The configuration in %1 could not be read: %2</source>
        <translation>Die Konfiguration in %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has a syntax error at line %2. Fix it before making changes here.</source>
        <translation>%1 enthält einen Syntaxfehler in Zeile %2. Beheben Sie ihn, bevor Sie hier Änderungen vornehmen.</translation>
    </message>
    <message>
        <source>“%1” is not an option name.</source>
        <translation>„%1“ ist kein Optionsname.</translation>
    </message>
    <message>
        <source>This value cannot be written into a configuration file.</source>
        <translation>Dieser Wert kann nicht in eine Konfigurationsdatei geschrieben werden.</translation>
    </message>
    <message>
        <source>There is no such change.</source>
        <translation>Diese Änderung gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 lies outside the configuration directory %2, so Snowpane cannot save it.</source>
        <translation>%1 liegt außerhalb des Konfigurationsordners %2, daher kann Snowpane die Datei nicht speichern.</translation>
    </message>
</context>
<context>
    <name>FileDiffCard</name>
    <message>
        <source>+%1 −%2</source>
        <comment>@info lines added and removed</comment>
        <translation>+%1 −%2</translation>
    </message>
    <message>
        <source>%1 lines added, %2 lines removed</source>
        <comment>@info:whatsthis</comment>
        <translation>%1 Zeilen hinzugefügt, %2 Zeilen entfernt</translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>@action:button discard the edits of one file</comment>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard the changes to %1</source>
        <comment>@action:button</comment>
        <translation>Die Änderungen an %1 verwerfen</translation>
    </message>
    <message>
        <source>Changes to %1</source>
        <comment>@info:whatsthis</comment>
        <translation>Änderungen an %1</translation>
    </message>
</context>
<context>
    <name>GenerationCleanup</name>
    <message>
        <source>Remove Old Generations</source>
        <comment>@title:window</comment>
        <translation>Alte Generationen entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n Generation(s)</source>
        <comment>@action:button</comment>
        <translation>
            <numerusform>%n Generation entfernen</numerusform>
            <numerusform>%n Generationen entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <comment>@item:inlistbox followed by a number of generations</comment>
        <translation>Die neuesten behalten</translation>
    </message>
    <message>
        <source>Remove those older than</source>
        <comment>@item:inlistbox followed by a number of days</comment>
        <translation>Entfernen, wenn älter als</translation>
    </message>
    <message>
        <source>Which generations to remove</source>
        <comment>@label:listbox</comment>
        <translation>Welche Generationen entfernt werden</translation>
    </message>
    <message>
        <source>Number of generations to keep</source>
        <comment>@label:spinbox</comment>
        <translation>Anzahl der Generationen, die bleiben</translation>
    </message>
    <message>
        <source>Age in days</source>
        <comment>@label:spinbox</comment>
        <translation>Alter in Tagen</translation>
    </message>
    <message>
        <source>Measuring the space</source>
        <comment>@info:whatsthis</comment>
        <translation>Der Speicherplatz wird gemessen</translation>
    </message>
    <message>
        <source>The space could not be measured: %1</source>
        <comment>@info</comment>
        <translation>Der Speicherplatz konnte nicht gemessen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s)</source>
        <comment>@item:valuesuffix</comment>
        <translation>
            <numerusform>%n Generation</numerusform>
            <numerusform>%n Generationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>@item:valuesuffix</comment>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GenerationComparison</name>
    <message>
        <source>The configuration in %1 is not kept in git, so the configuration files of generations cannot be compared.</source>
        <translation>Die Konfiguration in %1 wird nicht in git verwaltet, daher können die Konfigurationsdateien von Generationen nicht verglichen werden.</translation>
    </message>
    <message>
        <source>The configuration&apos;s git history in %1 cannot be read: %2</source>
        <translation>Der git-Verlauf der Konfiguration in %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Generation %1 is not linked to a commit of the configuration, so its configuration files cannot be compared.</source>
        <translation>Generation %1 ist mit keinem Commit der Konfiguration verknüpft, daher können ihre Konfigurationsdateien nicht verglichen werden.</translation>
    </message>
    <message>
        <source>Generation %1 is not in the system profile any more.</source>
        <translation>Generation %1 ist nicht mehr im Systemprofil.</translation>
    </message>
    <message>
        <source>Generation %1 cannot be read: %2</source>
        <translation>Generation %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The packages of generations %1 and %2 cannot be read from the Nix store.</source>
        <translation>Die Pakete der Generationen %1 und %2 können nicht aus dem Nix-Store gelesen werden.</translation>
    </message>
</context>
<context>
    <name>GenerationComparisonView</name>
    <message>
        <source>Comparing</source>
        <comment>@info:whatsthis</comment>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Comparing generation %1 with generation %2…</source>
        <comment>@info</comment>
        <translation>Generation %1 wird mit Generation %2 verglichen …</translation>
    </message>
    <message>
        <source>Hide Details</source>
        <comment>@action:button</comment>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>@action:button</comment>
        <translation>Details</translation>
    </message>
    <message>
        <source>From generation %1 to generation %2</source>
        <comment>@title</comment>
        <translation>Von Generation %1 zu Generation %2</translation>
    </message>
    <message>
        <source>Closure size: %1 → %2 (%3)</source>
        <comment>@info</comment>
        <translation>Closure-Größe: %1 → %2 (%3)</translation>
    </message>
    <message>
        <source>No package changed.</source>
        <comment>@info</comment>
        <translation>Kein Paket wurde geändert.</translation>
    </message>
    <message>
        <source>%1 upgraded</source>
        <comment>@info package count</comment>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <source>%1 downgraded</source>
        <comment>@info package count</comment>
        <translation>%1 herabgestuft</translation>
    </message>
    <message>
        <source>%1 added</source>
        <comment>@info package count</comment>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <comment>@info package count</comment>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1 other</source>
        <comment>@info package count</comment>
        <translation>%1 sonstige</translation>
    </message>
    <message>
        <source>Configuration</source>
        <comment>@title</comment>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>The configuration files are the same in both generations.</source>
        <comment>@info</comment>
        <translation>Die Konfigurationsdateien sind in beiden Generationen gleich.</translation>
    </message>
    <message>
        <source>One file changed.</source>
        <comment>@info</comment>
        <translation>Eine Datei wurde geändert.</translation>
    </message>
    <message>
        <source>%1 files changed.</source>
        <comment>@info</comment>
        <translation>%1 Dateien wurden geändert.</translation>
    </message>
    <message>
        <source>Configuration diff between generations %1 and %2</source>
        <comment>@info:whatsthis</comment>
        <translation>Konfigurationsunterschiede zwischen den Generationen %1 und %2</translation>
    </message>
    <message>
        <source>Packages</source>
        <comment>@title</comment>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>@info:whatsthis package change</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>GenerationDetails</name>
    <message>
        <source>Generation %1</source>
        <comment>@title</comment>
        <translation>Generation %1</translation>
    </message>
    <message>
        <source>No generation selected</source>
        <comment>@title</comment>
        <translation>Keine Generation ausgewählt</translation>
    </message>
    <message>
        <source>size unknown</source>
        <comment>@info</comment>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>size: reading…</source>
        <comment>@info</comment>
        <translation>Größe: wird gelesen …</translation>
    </message>
    <message>
        <source>NixOS %1</source>
        <comment>@info</comment>
        <translation>NixOS %1</translation>
    </message>
    <message>
        <source>Unknown version</source>
        <comment>@info</comment>
        <translation>Unbekannte Version</translation>
    </message>
    <message>
        <source>Linux %1</source>
        <comment>@info</comment>
        <translation>Linux %1</translation>
    </message>
    <message>
        <source>Built %1</source>
        <comment>@info</comment>
        <translation>Erstellt am %1</translation>
    </message>
    <message>
        <source>Looking for the commit that built it…</source>
        <comment>@info</comment>
        <translation>Der Commit, aus dem sie erstellt wurde, wird gesucht …</translation>
    </message>
    <message>
        <source>Not linked to a commit of the configuration</source>
        <comment>@info</comment>
        <translation>Mit keinem Commit der Konfiguration verknüpft</translation>
    </message>
    <message>
        <source> (built with changes that were not committed)</source>
        <comment>@info</comment>
        <translation> (mit Änderungen erstellt, die nicht als Commit gespeichert wurden)</translation>
    </message>
    <message>
        <source>Commit %1: %2</source>
        <comment>@info</comment>
        <translation>Commit %1: %2</translation>
    </message>
    <message>
        <source>Specialisations: %1</source>
        <comment>@info</comment>
        <translation>Spezialisierungen: %1</translation>
    </message>
    <message>
        <source>Switch to This Generation</source>
        <comment>@action:button</comment>
        <translation>Zu dieser Generation wechseln</translation>
    </message>
    <message>
        <source>Switch to generation %1</source>
        <comment>@action:button</comment>
        <translation>Zu Generation %1 wechseln</translation>
    </message>
    <message>
        <source>Boot into This Next Time</source>
        <comment>@action:button</comment>
        <translation>Beim nächsten Systemstart verwenden</translation>
    </message>
    <message>
        <source>Boot into generation %1 next time</source>
        <comment>@action:button</comment>
        <translation>Generation %1 beim nächsten Systemstart verwenden</translation>
    </message>
    <message>
        <source>Restore This Configuration</source>
        <comment>@action:button</comment>
        <translation>Diese Konfiguration wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the configuration of generation %1</source>
        <comment>@action:button</comment>
        <translation>Die Konfiguration von Generation %1 wiederherstellen</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <comment>@label:listbox</comment>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <source>Generation to compare with</source>
        <comment>@label:listbox</comment>
        <translation>Generation zum Vergleichen</translation>
    </message>
    <message>
        <source>Compare with Current</source>
        <comment>@action:button</comment>
        <translation>Mit aktueller vergleichen</translation>
    </message>
    <message>
        <source>Choose another generation to compare with.</source>
        <comment>@info</comment>
        <translation>Wählen Sie eine andere Generation zum Vergleichen.</translation>
    </message>
</context>
<context>
    <name>GenerationListModel</name>
    <message>
        <source>Generation %1 (current)</source>
        <translation>Generation %1 (aktuell)</translation>
    </message>
    <message>
        <source>Generation %1 (running)</source>
        <translation>Generation %1 (läuft)</translation>
    </message>
    <message>
        <source>Generation %1</source>
        <translation>Generation %1</translation>
    </message>
    <message>
        <source>No such generation</source>
        <translation>Diese Generation gibt es nicht</translation>
    </message>
    <message>
        <source>Generation %1 is not in the system profile any more.</source>
        <translation>Generation %1 ist nicht mehr im Systemprofil.</translation>
    </message>
    <message>
        <source>Generation %1 cannot be used</source>
        <translation>Generation %1 kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Generation %1 cannot be read: %2</source>
        <translation>Generation %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Switch to generation %1?</source>
        <translation>Zu Generation %1 wechseln?</translation>
    </message>
    <message>
        <source>Generation %1 is already the current generation, and it is running.</source>
        <translation>Generation %1 ist bereits die aktuelle Generation und läuft.</translation>
    </message>
    <message>
        <source>%1 becomes the current generation and is activated now: services start, stop or restart to match it, and it becomes the default entry of the boot menu.</source>
        <translation>%1 wird zur aktuellen Generation und jetzt aktiviert: Dienste werden passend dazu gestartet, gestoppt oder neu gestartet, und sie wird zum Standardeintrag im Bootmenü.</translation>
    </message>
    <message>
        <source>Generation %1, which is running now, stays in the list, so you can switch back to it.</source>
        <translation>Generation %1, die gerade läuft, bleibt in der Liste, sodass Sie zu ihr zurückwechseln können.</translation>
    </message>
    <message>
        <source>Switch Now</source>
        <translation>Jetzt wechseln</translation>
    </message>
    <message>
        <source>Boot into generation %1 next time?</source>
        <translation>Generation %1 beim nächsten Systemstart verwenden?</translation>
    </message>
    <message>
        <source>Generation %1 is already the default entry of the boot menu.</source>
        <translation>Generation %1 ist bereits der Standardeintrag im Bootmenü.</translation>
    </message>
    <message>
        <source>%1 becomes the current generation and the default entry of the boot menu. It starts the next time the computer starts.</source>
        <translation>%1 wird zur aktuellen Generation und zum Standardeintrag im Bootmenü. Sie wird beim nächsten Start des Rechners gestartet.</translation>
    </message>
    <message>
        <source>Until then, nothing changes in the running system (generation %1).</source>
        <translation>Bis dahin ändert sich am laufenden System (Generation %1) nichts.</translation>
    </message>
    <message>
        <source>Until then, nothing changes in the running system.</source>
        <translation>Bis dahin ändert sich am laufenden System nichts.</translation>
    </message>
    <message>
        <source>Use at Next Boot</source>
        <translation>Beim nächsten Systemstart verwenden</translation>
    </message>
    <message>
        <source>Restore the configuration of generation %1?</source>
        <translation>Die Konfiguration von Generation %1 wiederherstellen?</translation>
    </message>
    <message>
        <source>Snowpane is still looking for the commit that built generation %1.</source>
        <translation>Snowpane sucht noch nach dem Commit, aus dem Generation %1 erstellt wurde.</translation>
    </message>
    <message>
        <source>Generation %1 is not linked to a commit of the configuration, so there is nothing to restore. Generations built before the configuration was kept in git have no commit.</source>
        <translation>Generation %1 ist mit keinem Commit der Konfiguration verknüpft, daher gibt es nichts wiederherzustellen. Generationen, die erstellt wurden, bevor die Konfiguration in git verwaltet wurde, haben keinen Commit.</translation>
    </message>
    <message>
        <source>%1 (“%2”)</source>
        <translation>%1 („%2“)</translation>
    </message>
    <message>
        <source>The files in %1 are replaced by those of commit %2, which built generation %3. The result is saved as a new commit, so the history keeps both versions; changes in %1 that are not committed yet are committed first.</source>
        <translation>Die Dateien in %1 werden durch die aus Commit %2 ersetzt, aus dem Generation %3 erstellt wurde. Das Ergebnis wird als neuer Commit gespeichert, sodass der Verlauf beide Fassungen behält; Änderungen in %1, die noch nicht als Commit gespeichert sind, werden zuvor als Commit gespeichert.</translation>
    </message>
    <message>
        <source>Generation %1 was built with changes that were never committed; those changes cannot be restored.</source>
        <translation>Generation %1 wurde mit Änderungen erstellt, die nie als Commit gespeichert wurden; diese Änderungen können nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Your edit that is not applied yet will be discarded.</source>
        <translation>Ihre noch nicht angewendete Bearbeitung wird verworfen.</translation>
    </message>
    <message>
        <source>Your %1 edits that are not applied yet will be discarded.</source>
        <translation>Ihre %1 noch nicht angewendeten Bearbeitungen werden verworfen.</translation>
    </message>
    <message>
        <source>The system itself does not change: apply the restored configuration on the Changes page to build and use it.</source>
        <translation>Das System selbst ändert sich nicht: Wenden Sie die wiederhergestellte Konfiguration auf der Seite „Änderungen“ an, um sie zu erstellen und zu verwenden.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>NixOS %1</source>
        <translation>NixOS %1</translation>
    </message>
    <message>
        <source>Linux %1</source>
        <translation>Linux %1</translation>
    </message>
    <message>
        <source>built %1</source>
        <translation>erstellt am %1</translation>
    </message>
    <message>
        <source>Generation %1 (%2)</source>
        <translation>Generation %1 (%2)</translation>
    </message>
</context>
<context>
    <name>GenerationPackageChangeModel</name>
    <message>
        <source>Upgraded</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Downgraded</source>
        <translation>Herabgestuft</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Other version changes</source>
        <translation>Andere Versionsänderungen</translation>
    </message>
    <message>
        <source>Now installed directly, or no longer</source>
        <translation>Jetzt direkt installiert oder nicht mehr</translation>
    </message>
    <message>
        <source>%1, now in the system packages</source>
        <translation>%1, jetzt in den Systempaketen</translation>
    </message>
    <message>
        <source>%1, now only a dependency</source>
        <translation>%1, jetzt nur noch eine Abhängigkeit</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>no version</source>
        <translation>keine Version</translation>
    </message>
</context>
<context>
    <name>GenerationRow</name>
    <message>
        <source>Generation %1</source>
        <comment>@info:whatsthis</comment>
        <translation>Generation %1</translation>
    </message>
    <message>
        <source>current</source>
        <comment>@info generation tag</comment>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>running</source>
        <comment>@info generation tag</comment>
        <translation>läuft</translation>
    </message>
    <message>
        <source>booted</source>
        <comment>@info generation tag</comment>
        <translation>gebootet</translation>
    </message>
    <message>
        <source>NixOS %1</source>
        <comment>@info</comment>
        <translation>NixOS %1</translation>
    </message>
    <message>
        <source>Unknown version</source>
        <comment>@info</comment>
        <translation>Unbekannte Version</translation>
    </message>
    <message>
        <source>Current</source>
        <comment>@info generation tag</comment>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>@info generation tag</comment>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Booted</source>
        <comment>@info generation tag</comment>
        <translation>Gebootet</translation>
    </message>
    <message>
        <source>Linux %1</source>
        <comment>@info</comment>
        <translation>Linux %1</translation>
    </message>
    <message>
        <source>specialisations: %1</source>
        <comment>@info</comment>
        <translation>Spezialisierungen: %1</translation>
    </message>
    <message>
        <source>Looking for its commit…</source>
        <comment>@info</comment>
        <translation>Commit wird gesucht …</translation>
    </message>
    <message>
        <source>No configuration commit</source>
        <comment>@info</comment>
        <translation>Kein Konfigurations-Commit</translation>
    </message>
    <message>
        <source>%1 only here</source>
        <comment>@info store space that only this generation uses</comment>
        <translation>%1 nur hier</translation>
    </message>
</context>
<context>
    <name>GenerationSizeChart</name>
    <message>
        <source>Closure size of each generation</source>
        <comment>@info:whatsthis</comment>
        <translation>Closure-Größe jeder Generation</translation>
    </message>
    <message>
        <source>Generation %1: %2</source>
        <comment>@info:whatsthis chart bar</comment>
        <translation>Generation %1: %2</translation>
    </message>
    <message>
        <source>Generation %1: size not known yet</source>
        <comment>@info:whatsthis chart bar</comment>
        <translation>Generation %1: Größe noch unbekannt</translation>
    </message>
</context>
<context>
    <name>GenerationSizes</name>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
</context>
<context>
    <name>GenerationSpace</name>
    <message>
        <source>There are no old generations.</source>
        <translation>Es gibt keine alten Generationen.</translation>
    </message>
    <message numerus="yes">
        <source>%n old generation(s) hold %1 that nothing else uses.</source>
        <translation>
            <numerusform>%n alte Generation belegt %1, die sonst nichts nutzt.</numerusform>
            <numerusform>%n alte Generationen belegen %1, die sonst nichts nutzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a number of at least 1.</source>
        <translation>Wählen Sie eine Zahl von mindestens 1.</translation>
    </message>
    <message>
        <source>No generation matches, so nothing would be removed. The current generation and the ones the machine booted and runs are always kept.</source>
        <translation>Keine Generation passt, also würde nichts entfernt. Die aktuelle Generation und die, mit denen der Rechner gestartet wurde und läuft, bleiben immer.</translation>
    </message>
    <message>
        <source>This frees up to %1 of disk space; files that other profiles still use stay.</source>
        <translation>Das gibt bis zu %1 Speicherplatz frei; Dateien, die andere Profile noch nutzen, bleiben.</translation>
    </message>
    <message>
        <source>The space this frees is still being measured.</source>
        <translation>Der frei werdende Speicherplatz wird noch gemessen.</translation>
    </message>
    <message>
        <source>The current generation and the ones the machine booted and runs are always kept.</source>
        <translation>Die aktuelle Generation und die, mit denen der Rechner gestartet wurde und läuft, bleiben immer.</translation>
    </message>
    <message numerus="yes">
        <source>Generation(s) %1 will be deleted. You can no longer switch to or boot into them.</source>
        <translation>
            <numerusform>Generation %1 wird gelöscht. Sie können danach nicht mehr zu ihr wechseln oder sie starten.</numerusform>
            <numerusform>Die Generationen %1 werden gelöscht. Sie können danach nicht mehr zu ihnen wechseln oder sie starten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The space this frees could not be measured.</source>
        <translation>Der frei werdende Speicherplatz konnte nicht gemessen werden.</translation>
    </message>
</context>
<context>
    <name>GenerationsPage</name>
    <message>
        <source>Generations</source>
        <comment>@title</comment>
        <translation>Generationen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>@action:button</comment>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Generations of the system profile</source>
        <comment>@info:whatsthis</comment>
        <translation>Generationen des Systemprofils</translation>
    </message>
    <message>
        <source>No generations</source>
        <comment>@info</comment>
        <translation>Keine Generationen</translation>
    </message>
    <message>
        <source>Remove Old Generations…</source>
        <comment>@action:button</comment>
        <translation>Alte Generationen entfernen …</translation>
    </message>
    <message>
        <source>Delete old generations and the files only they use</source>
        <comment>@info:tooltip</comment>
        <translation>Alte Generationen löschen und die Dateien, die nur sie nutzen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Snowpane</source>
        <comment>@title:window</comment>
        <translation>Snowpane</translation>
    </message>
    <message>
        <source>Snowpane</source>
        <comment>@title</comment>
        <translation>Snowpane</translation>
    </message>
    <message>
        <source>Overview</source>
        <comment>@action:inmenu</comment>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Options</source>
        <comment>@action:inmenu</comment>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Packages</source>
        <comment>@action:inmenu</comment>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Generations</source>
        <comment>@action:inmenu</comment>
        <translation>Generationen</translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <comment>@action:inmenu with the number of pending changes</comment>
        <translation>Änderungen (%1)</translation>
    </message>
    <message>
        <source>Changes</source>
        <comment>@action:inmenu</comment>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>@action:inmenu</comment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>About Snowpane</source>
        <comment>@action:inmenu</comment>
        <translation>Über Snowpane</translation>
    </message>
    <message>
        <source>Updates (ready)</source>
        <comment>@action:inmenu an update waits for review</comment>
        <translation>Aktualisierungen (bereit)</translation>
    </message>
    <message>
        <source>Updates</source>
        <comment>@action:inmenu</comment>
        <translation>Aktualisierungen</translation>
    </message>
</context>
<context>
    <name>NotYetPage</name>
    <message>
        <source>Not available in this version yet</source>
        <comment>@info</comment>
        <translation>In dieser Version noch nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>OperationSheet</name>
    <message>
        <source>Cancel</source>
        <comment>@action:button stop the running operation</comment>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Revert the Change</source>
        <comment>@action:button</comment>
        <translation>Änderung zurücknehmen</translation>
    </message>
    <message>
        <source>Restore the configuration files as they were before this change</source>
        <comment>@info:tooltip</comment>
        <translation>Die Konfigurationsdateien so wiederherstellen, wie sie vor dieser Änderung waren</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>@action:button</comment>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Progress</source>
        <comment>@info:whatsthis</comment>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>%1 of %2 packages built</source>
        <comment>@info</comment>
        <translation>%1 von %2 Paketen erstellt</translation>
    </message>
    <message>
        <source>%1 of %2 downloaded</source>
        <comment>@info</comment>
        <translation>%1 von %2 heruntergeladen</translation>
    </message>
    <message>
        <source>Open %1 at Line %2</source>
        <comment>@action:button</comment>
        <translation>%1 in Zeile %2 öffnen</translation>
    </message>
    <message>
        <source>Hide the Log</source>
        <comment>@action:button</comment>
        <translation>Protokoll ausblenden</translation>
    </message>
    <message>
        <source>Show the Log (%1 lines)</source>
        <comment>@action:button</comment>
        <translation>Protokoll anzeigen (%1 Zeilen)</translation>
    </message>
    <message>
        <source>Filter the log…</source>
        <comment>@info:placeholder</comment>
        <translation>Protokoll filtern …</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <comment>@label:textbox</comment>
        <translation>Protokoll filtern</translation>
    </message>
    <message>
        <source>Log of the operation</source>
        <comment>@info:whatsthis</comment>
        <translation>Protokoll des Vorgangs</translation>
    </message>
    <message>
        <source>Hide Details</source>
        <comment>@action:button</comment>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Show Details</source>
        <comment>@action:button</comment>
        <translation>Details anzeigen</translation>
    </message>
</context>
<context>
    <name>OptionDetails</name>
    <message>
        <source>NixOS sets this option itself; a configuration cannot set it.</source>
        <translation>NixOS setzt diese Option selbst; eine Konfiguration kann sie nicht setzen.</translation>
    </message>
    <message>
        <source>Attribute sets are edited in the configuration file, where each entry can be written out.</source>
        <translation>Attributmengen werden in der Konfigurationsdatei bearbeitet, wo jeder Eintrag ausgeschrieben werden kann.</translation>
    </message>
    <message>
        <source>The elements of this list are structured values, so the list is edited in the configuration file.</source>
        <translation>Die Elemente dieser Liste sind strukturierte Werte, daher wird die Liste in der Konfigurationsdatei bearbeitet.</translation>
    </message>
    <message>
        <source>There is no option called %1 in the catalog.</source>
        <translation>Im Katalog gibt es keine Option namens %1.</translation>
    </message>
    <message>
        <source>%1 has a syntax error at line %2. Fix it before making changes here.</source>
        <translation>%1 enthält einen Syntaxfehler in Zeile %2. Beheben Sie ihn, bevor Sie hier Änderungen vornehmen.</translation>
    </message>
    <message numerus="yes">
        <source>Your configuration defines this option in %n places, so it is edited in the files.</source>
        <translation>
            <numerusform>Ihre Konfiguration definiert diese Option an %n Stelle, daher wird sie in den Dateien bearbeitet.</numerusform>
            <numerusform>Ihre Konfiguration definiert diese Option an %n Stellen, daher wird sie in den Dateien bearbeitet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your configuration computes this value, so it is edited in the file.</source>
        <translation>Ihre Konfiguration berechnet diesen Wert, daher wird er in der Datei bearbeitet.</translation>
    </message>
    <message>
        <source>Your configuration computes this value (%1), so it is edited in the file.</source>
        <translation>Ihre Konfiguration berechnet diesen Wert (%1), daher wird er in der Datei bearbeitet.</translation>
    </message>
    <message>
        <source>%1 is not a list.</source>
        <translation>%1 ist keine Liste.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation>„%1“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>“%1” is neither true nor false.</source>
        <translation>„%1“ ist weder true noch false.</translation>
    </message>
    <message>
        <source>%1 is not a list of packages.</source>
        <translation>%1 ist keine Liste von Paketen.</translation>
    </message>
    <message>
        <source>“%1” is not a package name such as firefox or python3Packages.numpy.</source>
        <translation>„%1“ ist kein Paketname wie firefox oder python3Packages.numpy.</translation>
    </message>
    <message>
        <source>That is not one of the choices of %1.</source>
        <translation>Das ist keine der Auswahlmöglichkeiten von %1.</translation>
    </message>
    <message>
        <source>No option is shown.</source>
        <translation>Es wird keine Option angezeigt.</translation>
    </message>
    <message>
        <source>Nix could not compute the value of this option.</source>
        <translation>Nix konnte den Wert dieser Option nicht berechnen.</translation>
    </message>
</context>
<context>
    <name>OptionListEditor</name>
    <message>
        <source>Item %1</source>
        <comment>@label:textbox</comment>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>@action:button</comment>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <comment>@action:button</comment>
        <translation>Eintrag %1 entfernen</translation>
    </message>
    <message>
        <source>Package to add, such as firefox</source>
        <comment>@info:placeholder</comment>
        <translation>Hinzuzufügendes Paket, z. B. firefox</translation>
    </message>
    <message>
        <source>Number to add</source>
        <comment>@info:placeholder</comment>
        <translation>Hinzuzufügende Zahl</translation>
    </message>
    <message>
        <source>Item to add</source>
        <comment>@info:placeholder</comment>
        <translation>Hinzuzufügender Eintrag</translation>
    </message>
    <message>
        <source>Package to add</source>
        <comment>@label:textbox</comment>
        <translation>Hinzuzufügendes Paket</translation>
    </message>
    <message>
        <source>Item to add</source>
        <comment>@label:textbox</comment>
        <translation>Hinzuzufügender Eintrag</translation>
    </message>
    <message>
        <source>Add</source>
        <comment>@action:button</comment>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add the package</source>
        <comment>@action:button</comment>
        <translation>Paket hinzufügen</translation>
    </message>
    <message>
        <source>Add the item</source>
        <comment>@action:button</comment>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Apply</source>
        <comment>@action:button</comment>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Apply the list</source>
        <comment>@action:button</comment>
        <translation>Liste anwenden</translation>
    </message>
    <message>
        <source>Undo edits</source>
        <comment>@action:button</comment>
        <translation>Bearbeitungen rückgängig machen</translation>
    </message>
    <message>
        <source>Undo the edits to the list</source>
        <comment>@action:button</comment>
        <translation>Bearbeitungen an der Liste rückgängig machen</translation>
    </message>
    <message>
        <source>Packages that match</source>
        <comment>@info:whatsthis</comment>
        <translation>Passende Pakete</translation>
    </message>
    <message>
        <source>Add %1</source>
        <comment>@action:button</comment>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>OptionLoadStatus</name>
    <message>
        <source>Opening the options</source>
        <comment>@info:status</comment>
        <translation>Optionen werden geöffnet</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>@action:button</comment>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel opening the options</source>
        <comment>@action:button</comment>
        <translation>Öffnen der Optionen abbrechen</translation>
    </message>
    <message>
        <source>Hide details</source>
        <comment>@action:button</comment>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>@action:button</comment>
        <translation>Details</translation>
    </message>
    <message>
        <source>Try again</source>
        <comment>@action:button</comment>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Nix&apos;s message</source>
        <comment>@label</comment>
        <translation>Meldung von Nix</translation>
    </message>
</context>
<context>
    <name>OptionPage</name>
    <message>
        <source>Option %1</source>
        <comment>@title</comment>
        <translation>Option %1</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <comment>@action:button</comment>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Remove the setting from your configuration, so that the default applies</source>
        <comment>@info:tooltip</comment>
        <translation>Die Einstellung aus Ihrer Konfiguration entfernen, sodass der Standardwert gilt</translation>
    </message>
    <message>
        <source>The catalog of your system has no option called %1.</source>
        <comment>@info</comment>
        <translation>Der Katalog Ihres Systems hat keine Option namens %1.</translation>
    </message>
    <message>
        <source>Type:</source>
        <comment>@label</comment>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Defined in:</source>
        <comment>@label</comment>
        <translation>Definiert in:</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <comment>@info file:line</comment>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>not set in your configuration; the default applies</source>
        <comment>@info</comment>
        <translation>nicht in Ihrer Konfiguration gesetzt; der Standardwert gilt</translation>
    </message>
    <message>
        <source>Value:</source>
        <comment>@label</comment>
        <translation>Wert:</translation>
    </message>
    <message>
        <source>The definition in your configuration</source>
        <comment>@label</comment>
        <translation>Die Definition in Ihrer Konfiguration</translation>
    </message>
    <message>
        <source>Description</source>
        <comment>@title</comment>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Effective value</source>
        <comment>@title</comment>
        <translation>Wirksamer Wert</translation>
    </message>
    <message>
        <source>What Nix computes for this option from the saved configuration and every module; edits that are not applied yet are not included.</source>
        <comment>@info</comment>
        <translation>Was Nix für diese Option aus der gespeicherten Konfiguration und allen Modulen berechnet; noch nicht angewendete Bearbeitungen sind nicht enthalten.</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <comment>@info:status</comment>
        <translation>Wird ausgewertet</translation>
    </message>
    <message>
        <source>Evaluating with Nix…</source>
        <comment>@info:status</comment>
        <translation>Wird mit Nix ausgewertet …</translation>
    </message>
    <message>
        <source>Effective value</source>
        <comment>@label</comment>
        <translation>Wirksamer Wert</translation>
    </message>
    <message>
        <source>Default</source>
        <comment>@title</comment>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Default value</source>
        <comment>@label</comment>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>Example</source>
        <comment>@title</comment>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Example value</source>
        <comment>@label</comment>
        <translation>Beispielwert</translation>
    </message>
    <message>
        <source>Declared in</source>
        <comment>@title</comment>
        <translation>Deklariert in</translation>
    </message>
    <message>
        <source>Hide details</source>
        <comment>@action:button</comment>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>@action:button</comment>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nix&apos;s message</source>
        <comment>@label</comment>
        <translation>Meldung von Nix</translation>
    </message>
</context>
<context>
    <name>OptionPresentation</name>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>defined %n times; edit it in the files</source>
        <translation>
            <numerusform>%n-mal definiert; in den Dateien bearbeiten</numerusform>
            <numerusform>%n-mal definiert; in den Dateien bearbeiten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, computed: %2</source>
        <translation>%1, berechnet: %2</translation>
    </message>
</context>
<context>
    <name>OptionRow</name>
    <message>
        <source>Enable %1</source>
        <comment>@action:button</comment>
        <translation>%1 aktivieren</translation>
    </message>
</context>
<context>
    <name>OptionValueEditor</name>
    <message>
        <source>Set to null</source>
        <comment>@action:button</comment>
        <translation>Auf null setzen</translation>
    </message>
    <message>
        <source>Set %1 to null</source>
        <comment>@action:button</comment>
        <translation>%1 auf null setzen</translation>
    </message>
    <message>
        <source>On</source>
        <comment>@option:check</comment>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>@option:check</comment>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <comment>@option:check</comment>
        <translation>%1 aktivieren</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <comment>@label:spinbox</comment>
        <translation>Wert von %1</translation>
    </message>
    <message>
        <source>Apply</source>
        <comment>@action:button</comment>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <comment>@action:button</comment>
        <translation>%1 auf %2 setzen</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <comment>@info</comment>
        <translation>von %1 bis %2</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <comment>@info:placeholder</comment>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <comment>@label:textbox</comment>
        <translation>Wert von %1</translation>
    </message>
    <message>
        <source>Choose…</source>
        <comment>@action:button</comment>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Choose a file for %1</source>
        <comment>@action:button</comment>
        <translation>Eine Datei für %1 auswählen</translation>
    </message>
    <message>
        <source>Set %1</source>
        <comment>@action:button</comment>
        <translation>%1 setzen</translation>
    </message>
    <message>
        <source>Must match %1</source>
        <comment>@info</comment>
        <translation>Muss %1 entsprechen</translation>
    </message>
    <message>
        <source>Choose a file for %1</source>
        <comment>@title:window</comment>
        <translation>Datei für %1 auswählen</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <comment>@label:listbox</comment>
        <translation>Wert von %1</translation>
    </message>
</context>
<context>
    <name>OptionsBackend</name>
    <message>
        <source>Opening the options of %1</source>
        <translation>Optionen von %1 werden geöffnet</translation>
    </message>
    <message>
        <source>Opening the options was cancelled.</source>
        <translation>Das Öffnen der Optionen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Nix could not evaluate the options of your system, so the options come from %1 and may not match it.</source>
        <translation>Nix konnte die Optionen Ihres Systems nicht auswerten, daher stammen die Optionen aus %1 und passen möglicherweise nicht zu ihm.</translation>
    </message>
    <message>
        <source>The options file %1 could not be read.</source>
        <translation>Die Optionsdatei %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The options of your system could not be evaluated.</source>
        <translation>Die Optionen Ihres Systems konnten nicht ausgewertet werden.</translation>
    </message>
    <message>
        <source>There is no option called %1.</source>
        <translation>Es gibt keine Option namens %1.</translation>
    </message>
    <message>
        <source>%1 is not an on/off option.</source>
        <translation>%1 ist keine Ein/Aus-Option.</translation>
    </message>
    <message>
        <source>%1 is read-only: NixOS sets it itself.</source>
        <translation>%1 ist schreibgeschützt: NixOS setzt die Option selbst.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Options</source>
        <comment>@title</comment>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Evaluate again</source>
        <comment>@action:button</comment>
        <translation>Erneut auswerten</translation>
    </message>
    <message>
        <source>Read the options of your system again with Nix</source>
        <comment>@info:tooltip</comment>
        <translation>Die Optionen Ihres Systems erneut mit Nix einlesen</translation>
    </message>
    <message numerus="yes">
        <source>Search %n options…</source>
        <comment>@info:placeholder</comment>
        <translation>
            <numerusform>%n Option durchsuchen …</numerusform>
            <numerusform>%n Optionen durchsuchen …</numerusform>
        </translation>
    </message>
    <message>
        <source>Search options</source>
        <comment>@label</comment>
        <translation>Optionen durchsuchen</translation>
    </message>
    <message>
        <source>Services</source>
        <comment>@action:button</comment>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Services and programs</source>
        <comment>@action:button</comment>
        <translation>Dienste und Programme</translation>
    </message>
    <message>
        <source>Categories</source>
        <comment>@action:button</comment>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Categories of options</source>
        <comment>@action:button</comment>
        <translation>Kategorien der Optionen</translation>
    </message>
    <message>
        <source>All categories</source>
        <comment>@action:button</comment>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>Back to all categories</source>
        <comment>@action:button</comment>
        <translation>Zurück zu allen Kategorien</translation>
    </message>
    <message>
        <source>%1 options found; showing the best %2.</source>
        <comment>@info</comment>
        <translation>%1 Optionen gefunden; die besten %2 werden angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%n option(s) found.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n Option gefunden.</numerusform>
            <numerusform>%n Optionen gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No option matches “%1”</source>
        <comment>@info</comment>
        <translation>Keine Option passt zu „%1“</translation>
    </message>
    <message>
        <source>Search looks at option names first, then at their descriptions.</source>
        <comment>@info</comment>
        <translation>Die Suche berücksichtigt zuerst die Namen der Optionen, dann ihre Beschreibungen.</translation>
    </message>
    <message>
        <source>Services</source>
        <comment>@title:group</comment>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Programs</source>
        <comment>@title:group</comment>
        <translation>Programme</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n option(s)</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%1, %n Option</numerusform>
            <numerusform>%1, %n Optionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n option(s)</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n Option</numerusform>
            <numerusform>%n Optionen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <comment>@title</comment>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Apply Changes</source>
        <comment>@action:button</comment>
        <translation>Änderungen anwenden</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <comment>@action:button</comment>
        <translation>Neu erstellen</translation>
    </message>
    <message>
        <source>Save, build and switch to the configuration now</source>
        <comment>@info:tooltip</comment>
        <translation>Die Konfiguration jetzt speichern, erstellen und zu ihr wechseln</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <comment>@action:button</comment>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Switch to the generation before the current one</source>
        <comment>@info:tooltip</comment>
        <translation>Zur Generation vor der aktuellen wechseln</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>@action:button</comment>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Roll Back?</source>
        <comment>@title:window</comment>
        <translation>Zurückrollen?</translation>
    </message>
    <message>
        <source>The machine switches to the generation before generation %1 now, and boots it from now on. Generation %1 stays in the list, so you can switch back to it.</source>
        <comment>@info</comment>
        <translation>Der Rechner wechselt jetzt zur Generation vor Generation %1 und startet sie von nun an. Generation %1 bleibt in der Liste, sodass Sie zu ihr zurückwechseln können.</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4. Editing is disabled until the file parses again.</source>
        <comment>@info</comment>
        <translation>%1, Zeile %2, Spalte %3: %4. Das Bearbeiten ist deaktiviert, bis die Datei wieder fehlerfrei eingelesen werden kann.</translation>
    </message>
    <message>
        <source>Check Again</source>
        <comment>@action:button</comment>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Review</source>
        <comment>@action:button</comment>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Host name: %1</source>
        <comment>@info:whatsthis</comment>
        <translation>Rechnername: %1</translation>
    </message>
    <message>
        <source>NixOS %1</source>
        <comment>@info</comment>
        <translation>NixOS %1</translation>
    </message>
    <message>
        <source>Current generation:</source>
        <comment>@label</comment>
        <translation>Aktuelle Generation:</translation>
    </message>
    <message>
        <source>none</source>
        <comment>@info</comment>
        <translation>keine</translation>
    </message>
    <message>
        <source>Built:</source>
        <comment>@label</comment>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Kernel:</source>
        <comment>@label</comment>
        <translation>Kernel:</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>@info</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Running generation:</source>
        <comment>@label</comment>
        <translation>Laufende Generation:</translation>
    </message>
    <message>
        <source>not in this profile</source>
        <comment>@info</comment>
        <translation>nicht in diesem Profil</translation>
    </message>
    <message>
        <source>Booted generation:</source>
        <comment>@label</comment>
        <translation>Gebootete Generation:</translation>
    </message>
    <message>
        <source>Configuration revision:</source>
        <comment>@label</comment>
        <translation>Konfigurationsrevision:</translation>
    </message>
    <message>
        <source>Last rebuild:</source>
        <comment>@label</comment>
        <translation>Letzte Neuerstellung:</translation>
    </message>
    <message>
        <source>not yet from Snowpane</source>
        <comment>@info</comment>
        <translation>noch nicht mit Snowpane</translation>
    </message>
    <message>
        <source>succeeded, %1</source>
        <comment>@info</comment>
        <translation>erfolgreich, %1</translation>
    </message>
    <message>
        <source>failed, %1</source>
        <comment>@info</comment>
        <translation>fehlgeschlagen, %1</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <comment>@label</comment>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <comment>@label</comment>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Generation %1 starts at the next boot; this machine booted generation %2.</source>
        <comment>@info</comment>
        <translation>Generation %1 startet beim nächsten Systemstart; dieser Rechner wurde mit Generation %2 gestartet.</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s) not applied yet.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n ausstehende Änderung ist noch nicht angewendet.</numerusform>
            <numerusform>%n ausstehende Änderungen sind noch nicht angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Packages:</source>
        <comment>@label</comment>
        <translation>Pakete:</translation>
    </message>
    <message>
        <source>nixpkgs of unknown age</source>
        <comment>@info</comment>
        <translation>nixpkgs unbekannten Alters</translation>
    </message>
    <message>
        <source>Updates:</source>
        <comment>@label</comment>
        <translation>Aktualisierungen:</translation>
    </message>
    <message>
        <source>an update is ready to review</source>
        <comment>@info</comment>
        <translation>eine Aktualisierung wartet auf Prüfung</translation>
    </message>
    <message>
        <source>Check for Updates…</source>
        <comment>@action:button</comment>
        <translation>Nach Aktualisierungen suchen …</translation>
    </message>
    <message>
        <source>Review the update</source>
        <comment>@action:button</comment>
        <translation>Die Aktualisierung prüfen</translation>
    </message>
    <message>
        <source>Opens the Updates page</source>
        <comment>@info:whatsthis</comment>
        <translation>Öffnet die Seite Aktualisierungen</translation>
    </message>
</context>
<context>
    <name>PackageAddDialog</name>
    <message>
        <source>Allow Unfree Packages and Add</source>
        <comment>@action:button</comment>
        <translation>Unfreie Pakete erlauben und hinzufügen</translation>
    </message>
    <message>
        <source>Add Anyway</source>
        <comment>@action:button</comment>
        <translation>Trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>@action:button</comment>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PackageCatalog</name>
    <message numerus="yes">
        <source>The package catalog is more than %n day(s) old.</source>
        <translation>
            <numerusform>Der Paketkatalog ist mehr als %n Tag alt.</numerusform>
            <numerusform>Der Paketkatalog ist mehr als %n Tage alt.</numerusform>
        </translation>
    </message>
    <message>
        <source>nixpkgs has changed since the package catalog was made.</source>
        <translation>nixpkgs hat sich geändert, seit der Paketkatalog erstellt wurde.</translation>
    </message>
    <message>
        <source>There is no package catalog for this nixpkgs yet.</source>
        <translation>Für dieses nixpkgs gibt es noch keinen Paketkatalog.</translation>
    </message>
    <message>
        <source>The package catalog cannot be read, so it is made again.</source>
        <translation>Der Paketkatalog kann nicht gelesen werden, daher wird er neu erstellt.</translation>
    </message>
    <message>
        <source>Snowpane cannot tell which nixpkgs your configuration is built from, so it cannot list packages.</source>
        <translation>Snowpane kann nicht feststellen, aus welchem nixpkgs Ihre Konfiguration erstellt wird, daher können keine Pakete aufgelistet werden.</translation>
    </message>
    <message>
        <source>Updating the package catalog.</source>
        <translation>Der Paketkatalog wird aktualisiert.</translation>
    </message>
    <message>
        <source>The import of the package catalog was cancelled.</source>
        <translation>Der Import des Paketkatalogs wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The package catalog could not be updated; the previous one is still used.</source>
        <translation>Der Paketkatalog konnte nicht aktualisiert werden; der bisherige wird weiter verwendet.</translation>
    </message>
    <message>
        <source>The package catalog could not be made from your nixpkgs.</source>
        <translation>Der Paketkatalog konnte nicht aus Ihrem nixpkgs erstellt werden.</translation>
    </message>
    <message>
        <source>The package catalog cannot be read.</source>
        <translation>Der Paketkatalog kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The packages of the current system cannot be read: %1</source>
        <translation>Die Pakete des aktuellen Systems können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>PackageEdits</name>
    <message>
        <source>%1 is unfree: its licence does not let everyone use, change and share it.</source>
        <translation>%1 ist unfrei: Seine Lizenz erlaubt nicht jedem, es zu verwenden, zu ändern und weiterzugeben.</translation>
    </message>
    <message>
        <source>%1 is unfree: its licence (%2) does not let everyone use, change and share it.</source>
        <translation>%1 ist unfrei: Seine Lizenz (%2) erlaubt nicht jedem, es zu verwenden, zu ändern und weiterzugeben.</translation>
    </message>
    <message>
        <source>NixOS builds unfree packages only when nixpkgs.config.allowUnfree is set, and your configuration does not set it.</source>
        <translation>NixOS erstellt unfreie Pakete nur, wenn nixpkgs.config.allowUnfree gesetzt ist, und Ihre Konfiguration setzt diese Option nicht.</translation>
    </message>
    <message>
        <source>Your configuration sets nixpkgs.config.allowUnfree to false, so the rebuild would stop.</source>
        <translation>Ihre Konfiguration setzt nixpkgs.config.allowUnfree auf false, daher würde die Neuerstellung abbrechen.</translation>
    </message>
    <message>
        <source>Your configuration decides with nixpkgs.config.allowUnfreePredicate; make sure it allows %1.</source>
        <translation>Ihre Konfiguration entscheidet mit nixpkgs.config.allowUnfreePredicate; stellen Sie sicher, dass sie %1 erlaubt.</translation>
    </message>
    <message>
        <source>%1 is marked as broken in your nixpkgs: it is known not to build or not to work. The rebuild will stop unless nixpkgs.config.allowBroken is set.</source>
        <translation>%1 ist in Ihrem nixpkgs als defekt markiert: Es lässt sich bekanntermaßen nicht erstellen oder funktioniert nicht. Die Neuerstellung bricht ab, sofern nixpkgs.config.allowBroken nicht gesetzt ist.</translation>
    </message>
    <message>
        <source>%1 is marked as insecure: it has known security vulnerabilities. The rebuild will stop unless it is listed in nixpkgs.config.permittedInsecurePackages.</source>
        <translation>%1 ist als unsicher markiert: Es hat bekannte Sicherheitslücken. Die Neuerstellung bricht ab, sofern es nicht in nixpkgs.config.permittedInsecurePackages aufgeführt ist.</translation>
    </message>
    <message>
        <source>Add %1?</source>
        <translation>%1 hinzufügen?</translation>
    </message>
</context>
<context>
    <name>PackageImportStatus</name>
    <message>
        <source>Finding the nixpkgs your configuration is built from…</source>
        <comment>@info</comment>
        <translation>Das nixpkgs, aus dem Ihre Konfiguration erstellt wird, wird gesucht …</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) read.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n Paket gelesen.</numerusform>
            <numerusform>%n Pakete gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nix is evaluating every package of your nixpkgs; this can take a minute or two.</source>
        <comment>@info</comment>
        <translation>Nix wertet jedes Paket Ihres nixpkgs aus; das kann ein bis zwei Minuten dauern.</translation>
    </message>
    <message>
        <source>Updating the package catalog in the background. %1 %2</source>
        <comment>@info reason, progress</comment>
        <translation>Der Paketkatalog wird im Hintergrund aktualisiert. %1 %2</translation>
    </message>
    <message>
        <source>Making the package catalog. %1 %2</source>
        <comment>@info reason, progress</comment>
        <translation>Der Paketkatalog wird erstellt. %1 %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>@action:button</comment>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Package catalog import</source>
        <comment>@info:whatsthis</comment>
        <translation>Import des Paketkatalogs</translation>
    </message>
    <message>
        <source>Try Again</source>
        <comment>@action:button</comment>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Hide Details</source>
        <comment>@action:button</comment>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>@action:button</comment>
        <translation>Details</translation>
    </message>
    <message>
        <source>Technical details</source>
        <comment>@info:whatsthis</comment>
        <translation>Technische Details</translation>
    </message>
</context>
<context>
    <name>PackageInstalledDelegate</name>
    <message>
        <source>%1, version %2</source>
        <comment>@info:whatsthis package name and version</comment>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>Not built yet</source>
        <comment>@label badge</comment>
        <translation>Noch nicht erstellt</translation>
    </message>
    <message>
        <source>declared in %1</source>
        <comment>@info file:line</comment>
        <translation>deklariert in %1</translation>
    </message>
    <message>
        <source>added by another setting</source>
        <comment>@info</comment>
        <translation>von einer anderen Einstellung hinzugefügt</translation>
    </message>
    <message>
        <source>added by another setting; not in the package catalog</source>
        <comment>@info</comment>
        <translation>von einer anderen Einstellung hinzugefügt; nicht im Paketkatalog</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>@info package name · where it comes from</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>@action:button</comment>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the configuration</source>
        <comment>@action:button</comment>
        <translation>%1 aus der Konfiguration entfernen</translation>
    </message>
</context>
<context>
    <name>PackageSearchDelegate</name>
    <message>
        <source>%1, version %2</source>
        <comment>@info:whatsthis package name and version</comment>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>Unfree</source>
        <comment>@label badge</comment>
        <translation>Unfrei</translation>
    </message>
    <message>
        <source>Broken</source>
        <comment>@label badge</comment>
        <translation>Defekt</translation>
    </message>
    <message>
        <source>Insecure</source>
        <comment>@label badge</comment>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>In your configuration</source>
        <comment>@label badge</comment>
        <translation>In Ihrer Konfiguration</translation>
    </message>
    <message>
        <source>In the system</source>
        <comment>@label badge</comment>
        <translation>Im System</translation>
    </message>
    <message>
        <source>No description</source>
        <comment>@info</comment>
        <translation>Keine Beschreibung</translation>
    </message>
    <message>
        <source>No licence given</source>
        <comment>@info</comment>
        <translation>Keine Lizenz angegeben</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>@action:button</comment>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Install</source>
        <comment>@action:button</comment>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Remove %1 from the configuration</source>
        <comment>@action:button</comment>
        <translation>%1 aus der Konfiguration entfernen</translation>
    </message>
    <message>
        <source>Install %1</source>
        <comment>@action:button</comment>
        <translation>%1 installieren</translation>
    </message>
</context>
<context>
    <name>PackageSearchModel</name>
    <message>
        <source>The package catalog cannot be read: %1</source>
        <translation>Der Paketkatalog kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <source>Packages</source>
        <comment>@title</comment>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>%1 will be added when you apply the changes.</source>
        <comment>@info</comment>
        <translation>%1 wird beim Anwenden der Änderungen hinzugefügt.</translation>
    </message>
    <message>
        <source>%1 will be removed when you apply the changes.</source>
        <comment>@info</comment>
        <translation>%1 wird beim Anwenden der Änderungen entfernt.</translation>
    </message>
    <message>
        <source>Update Catalog</source>
        <comment>@action:button</comment>
        <translation>Katalog aktualisieren</translation>
    </message>
    <message>
        <source>Search %L1 packages…</source>
        <comment>@info:placeholder</comment>
        <translation>%L1 Pakete durchsuchen …</translation>
    </message>
    <message>
        <source>Search packages…</source>
        <comment>@info:placeholder</comment>
        <translation>Pakete durchsuchen …</translation>
    </message>
    <message>
        <source>Search packages</source>
        <comment>@info:whatsthis</comment>
        <translation>Pakete durchsuchen</translation>
    </message>
    <message>
        <source>Any licence</source>
        <comment>@item:inlistbox</comment>
        <translation>Beliebige Lizenz</translation>
    </message>
    <message>
        <source>Free only</source>
        <comment>@item:inlistbox</comment>
        <translation>Nur freie Lizenzen</translation>
    </message>
    <message>
        <source>Unfree only</source>
        <comment>@item:inlistbox</comment>
        <translation>Nur unfreie Lizenzen</translation>
    </message>
    <message>
        <source>Show packages by licence</source>
        <comment>@info:whatsthis</comment>
        <translation>Pakete nach Lizenz anzeigen</translation>
    </message>
    <message>
        <source>Search Results</source>
        <comment>@action:button</comment>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Installed (%1)</source>
        <comment>@action:button</comment>
        <translation>Installiert (%1)</translation>
    </message>
    <message>
        <source>Installed packages</source>
        <comment>@action:button</comment>
        <translation>Installierte Pakete</translation>
    </message>
    <message>
        <source>Packages found</source>
        <comment>@info:whatsthis</comment>
        <translation>Gefundene Pakete</translation>
    </message>
    <message>
        <source>No packages match “%1”</source>
        <comment>@info</comment>
        <translation>Keine Pakete passen zu „%1“</translation>
    </message>
    <message>
        <source>Try fewer or shorter words, or another licence filter.</source>
        <comment>@info</comment>
        <translation>Versuchen Sie es mit weniger oder kürzeren Wörtern oder einem anderen Lizenzfilter.</translation>
    </message>
    <message>
        <source>Installed packages</source>
        <comment>@info:whatsthis</comment>
        <translation>Installierte Pakete</translation>
    </message>
    <message>
        <source>Declared in your configuration (%1)</source>
        <comment>@title:group</comment>
        <translation>In Ihrer Konfiguration deklariert (%1)</translation>
    </message>
    <message>
        <source>In the system only (%1)</source>
        <comment>@title:group</comment>
        <translation>Nur im System (%1)</translation>
    </message>
    <message>
        <source>No installed packages found</source>
        <comment>@info</comment>
        <translation>Keine installierten Pakete gefunden</translation>
    </message>
    <message>
        <source>Packages you add show up here, and so do the packages of the current system once the catalog is ready.</source>
        <comment>@info</comment>
        <translation>Pakete, die Sie hinzufügen, werden hier angezeigt, ebenso die Pakete des aktuellen Systems, sobald der Katalog bereit ist.</translation>
    </message>
    <message>
        <source>%1 will be added, and unfree packages allowed, when you apply the changes.</source>
        <comment>@info</comment>
        <translation>%1 wird beim Anwenden der Änderungen hinzugefügt, und unfreie Pakete werden erlaubt.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <comment>@title</comment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Configuration</source>
        <comment>@title:group</comment>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Directory:</source>
        <comment>@label:textbox</comment>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Configuration directory</source>
        <comment>@label:textbox</comment>
        <translation>Konfigurationsordner</translation>
    </message>
    <message>
        <source>Choose…</source>
        <comment>@action:button</comment>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Choose the configuration directory</source>
        <comment>@action:button</comment>
        <translation>Konfigurationsordner auswählen</translation>
    </message>
    <message numerus="yes">
        <source>Reading %1 and %n file(s) it imports. NixOS itself uses %2.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%1 und %n davon importierte Datei werden gelesen. NixOS selbst verwendet %2.</numerusform>
            <numerusform>%1 und %n davon importierte Dateien werden gelesen. NixOS selbst verwendet %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Flake host:</source>
        <comment>@label:textbox</comment>
        <translation>Flake-Host:</translation>
    </message>
    <message>
        <source>This machine&apos;s host name</source>
        <comment>@info:placeholder</comment>
        <translation>Rechnername dieses Systems</translation>
    </message>
    <message>
        <source>Flake host</source>
        <comment>@label:textbox</comment>
        <translation>Flake-Host</translation>
    </message>
    <message>
        <source>Use This Configuration</source>
        <comment>@action:button</comment>
        <translation>Diese Konfiguration verwenden</translation>
    </message>
    <message>
        <source>Catalogs</source>
        <comment>@title:group</comment>
        <translation>Kataloge</translation>
    </message>
    <message>
        <source>Import the package catalog again after:</source>
        <comment>@label:spinbox</comment>
        <translation>Paketkatalog erneut importieren nach:</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>@item:valuesuffix</comment>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Days before the package catalog is imported again</source>
        <comment>@label:spinbox</comment>
        <translation>Tage, bis der Paketkatalog erneut importiert wird</translation>
    </message>
    <message>
        <source>Options file:</source>
        <comment>@label:textbox</comment>
        <translation>Optionsdatei:</translation>
    </message>
    <message>
        <source>Evaluate the system&apos;s own options</source>
        <comment>@info:placeholder</comment>
        <translation>Die eigenen Optionen des Systems auswerten</translation>
    </message>
    <message>
        <source>An options.json file to use instead of evaluating</source>
        <comment>@label:textbox</comment>
        <translation>Eine options.json-Datei, die statt der Auswertung verwendet wird</translation>
    </message>
    <message>
        <source>Options page:</source>
        <comment>@label</comment>
        <translation>Optionsseite:</translation>
    </message>
    <message>
        <source>Show internal options</source>
        <comment>@option:check</comment>
        <translation>Interne Optionen anzeigen</translation>
    </message>
    <message>
        <source>Show read-only options</source>
        <comment>@option:check</comment>
        <translation>Schreibgeschützte Optionen anzeigen</translation>
    </message>
    <message>
        <source>System</source>
        <comment>@title:group</comment>
        <translation>System</translation>
    </message>
    <message>
        <source>Profile:</source>
        <comment>@label</comment>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Running system:</source>
        <comment>@label</comment>
        <translation>Laufendes System:</translation>
    </message>
    <message>
        <source>Booted system:</source>
        <comment>@label</comment>
        <translation>Gebootetes System:</translation>
    </message>
    <message>
        <source>Choose the Configuration Directory</source>
        <comment>@title:window</comment>
        <translation>Konfigurationsordner auswählen</translation>
    </message>
</context>
<context>
    <name>SourceChangeRow</name>
    <message>
        <source>%1 from %2 to %3</source>
        <comment>@info:whatsthis source name, old and new revision</comment>
        <translation>%1 von %2 auf %3</translation>
    </message>
</context>
<context>
    <name>SystemActions</name>
    <message>
        <source>Snowpane was not allowed to change the system. The authentication was refused or cancelled.</source>
        <translation>Snowpane durfte das System nicht ändern. Die Authentifizierung wurde verweigert oder abgebrochen.</translation>
    </message>
    <message>
        <source>Another change to the system is still running. Wait for it to finish, then try again.</source>
        <translation>Eine andere Änderung am System läuft noch. Warten Sie, bis sie abgeschlossen ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Snowpane&apos;s system helper is not installed, so changes cannot be applied. On NixOS, install Snowpane with “programs.snowpane.enable = true;” in your configuration.</source>
        <translation>Das Systemhilfsprogramm von Snowpane ist nicht installiert, daher können keine Änderungen angewendet werden. Installieren Sie Snowpane unter NixOS mit „programs.snowpane.enable = true;“ in Ihrer Konfiguration.</translation>
    </message>
    <message>
        <source>The operation was cancelled. The system was not changed.</source>
        <translation>Der Vorgang wurde abgebrochen. Das System wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The operation took too long and was stopped.</source>
        <translation>Der Vorgang hat zu lange gedauert und wurde gestoppt.</translation>
    </message>
    <message>
        <source>The system helper refused the request.</source>
        <translation>Das Systemhilfsprogramm hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The configuration could not be saved.</source>
        <translation>Die Konfiguration konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The new system could not be built.</source>
        <translation>Das neue System konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The system could not switch to that generation.</source>
        <translation>Das System konnte nicht zu dieser Generation wechseln.</translation>
    </message>
    <message>
        <source>The configuration could not be restored.</source>
        <translation>Die Konfiguration konnte nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>The operation failed.</source>
        <translation>Der Vorgang ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Switch now</source>
        <translation>Jetzt wechseln</translation>
    </message>
    <message>
        <source>Use at next boot</source>
        <translation>Beim nächsten Systemstart verwenden</translation>
    </message>
    <message>
        <source>Try without adding to the boot menu</source>
        <translation>Ausprobieren, ohne zum Bootmenü hinzuzufügen</translation>
    </message>
    <message>
        <source>Build only</source>
        <translation>Nur erstellen</translation>
    </message>
    <message>
        <source>Preview which services would restart</source>
        <translation>Vorschau, welche Dienste neu starten würden</translation>
    </message>
    <message>
        <source>Saving the configuration</source>
        <translation>Konfiguration wird gespeichert</translation>
    </message>
    <message>
        <source>Checking which services would restart</source>
        <translation>Es wird geprüft, welche Dienste neu starten würden</translation>
    </message>
    <message>
        <source>Building the new system</source>
        <translation>Das neue System wird erstellt</translation>
    </message>
    <message>
        <source>Making generation %1 the boot default</source>
        <translation>Generation %1 wird als Standard für den Systemstart festgelegt</translation>
    </message>
    <message>
        <source>Switching to generation %1</source>
        <translation>Wechsel zu Generation %1</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Wird zurückgerollt</translation>
    </message>
    <message>
        <source>There is no generation before the current one to roll back to.</source>
        <translation>Es gibt keine Generation vor der aktuellen, zu der zurückgerollt werden kann.</translation>
    </message>
    <message>
        <source>Restoring the configuration of %1</source>
        <translation>Konfiguration von %1 wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Generation %1 is built and active.</source>
        <translation>Generation %1 ist erstellt und aktiv.</translation>
    </message>
    <message>
        <source>Generation %1 is built and starts at the next boot.</source>
        <translation>Generation %1 ist erstellt und startet beim nächsten Systemstart.</translation>
    </message>
    <message>
        <source>The new system is active until the next boot. It was not added to the boot menu.</source>
        <translation>Das neue System ist bis zum nächsten Systemstart aktiv. Es wurde nicht zum Bootmenü hinzugefügt.</translation>
    </message>
    <message>
        <source>The new system was built. Nothing on the machine was changed.</source>
        <translation>Das neue System wurde erstellt. Auf dem Rechner wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Nothing was changed. The log lists what switching would do.</source>
        <translation>Es wurde nichts geändert. Das Protokoll zeigt, was ein Wechsel bewirken würde.</translation>
    </message>
    <message>
        <source>Generation %1 starts at the next boot.</source>
        <translation>Generation %1 startet beim nächsten Systemstart.</translation>
    </message>
    <message>
        <source>Generation %1 is active.</source>
        <translation>Generation %1 ist aktiv.</translation>
    </message>
    <message>
        <source>The configuration files were restored and committed. Apply them to build a system from them.</source>
        <translation>Die Konfigurationsdateien wurden wiederhergestellt und als Commit gespeichert. Wenden Sie sie an, um daraus ein System zu erstellen.</translation>
    </message>
    <message>
        <source>Compared with generation %1: %2 upgraded, %3 downgraded, %4 added, %5 removed; the system is %6 %7.</source>
        <translation>Verglichen mit Generation %1: %2 aktualisiert, %3 herabgestuft, %4 hinzugefügt, %5 entfernt; das System ist %6 %7.</translation>
    </message>
    <message>
        <source>smaller</source>
        <translation>kleiner</translation>
    </message>
    <message>
        <source>larger</source>
        <translation>größer</translation>
    </message>
    <message>
        <source>Reading the configuration</source>
        <translation>Konfiguration wird gelesen</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Wird erstellt</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <source>Activating the new system</source>
        <translation>Das neue System wird aktiviert</translation>
    </message>
    <message>
        <source>Saving and committing the configuration</source>
        <translation>Konfiguration wird gespeichert und als Commit festgehalten</translation>
    </message>
    <message>
        <source>Removing unused files</source>
        <translation>Nicht verwendete Dateien werden entfernt</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>The old generations could not be removed.</source>
        <translation>Die alten Generationen konnten nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Removing old generations</source>
        <translation>Alte Generationen werden entfernt</translation>
    </message>
    <message>
        <source>No generation matched, so none was removed. Unused files were collected.</source>
        <translation>Keine Generation passte, also wurde keine entfernt. Ungenutzte Dateien wurden aufgeräumt.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n old generation(s) and collected the files nothing uses any more.</source>
        <translation>
            <numerusform>%n alte Generation entfernt und die Dateien aufgeräumt, die nichts mehr nutzt.</numerusform>
            <numerusform>%n alte Generationen entfernt und die Dateien aufgeräumt, die nichts mehr nutzt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitList</name>
    <message>
        <source>%1: %2</source>
        <comment>@info:whatsthis title and units</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>UpdateController</name>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date format of a nixpkgs revision</comment>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>nixpkgs at revision %1</source>
        <translation>nixpkgs mit Revision %1</translation>
    </message>
    <message numerus="yes">
        <source>nixpkgs from %1, %n day(s) old</source>
        <translation>
            <numerusform>nixpkgs vom %1, %n Tag alt</numerusform>
            <numerusform>nixpkgs vom %1, %n Tage alt</numerusform>
        </translation>
    </message>
    <message>
        <source>Newer sources, but no package versions change.</source>
        <translation>Neuere Quellen, aber keine Paketversion ändert sich.</translation>
    </message>
    <message>
        <source>Never checked for updates</source>
        <translation>Noch nie nach Aktualisierungen gesucht</translation>
    </message>
    <message numerus="yes">
        <source>Last checked %n minute(s) ago</source>
        <translation>
            <numerusform>Zuletzt vor %n Minute gesucht</numerusform>
            <numerusform>Zuletzt vor %n Minuten gesucht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last checked %n hour(s) ago</source>
        <translation>
            <numerusform>Zuletzt vor %n Stunde gesucht</numerusform>
            <numerusform>Zuletzt vor %n Stunden gesucht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last checked %n day(s) ago</source>
        <translation>
            <numerusform>Zuletzt vor %n Tag gesucht</numerusform>
            <numerusform>Zuletzt vor %n Tagen gesucht</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking for updates</source>
        <translation>Nach Aktualisierungen suchen</translation>
    </message>
    <message>
        <source>Downloading newer package sources</source>
        <translation>Neuere Paketquellen werden heruntergeladen</translation>
    </message>
    <message>
        <source>The newer package sources could not be downloaded. Nothing was changed.</source>
        <translation>Die neueren Paketquellen konnten nicht heruntergeladen werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The updated system could not be built.</source>
        <translation>Das aktualisierte System konnte nicht gebaut werden.</translation>
    </message>
    <message>
        <source>Snowpane could not work out which services the update would restart.</source>
        <translation>Snowpane konnte nicht ermitteln, welche Dienste die Aktualisierung neu starten würde.</translation>
    </message>
    <message>
        <source>The package sources could not be put back.</source>
        <translation>Die Paketquellen konnten nicht zurückgesetzt werden.</translation>
    </message>
    <message>
        <source>The package sources were put back, so nothing changed.</source>
        <translation>Die Paketquellen wurden zurückgesetzt, es hat sich also nichts geändert.</translation>
    </message>
    <message>
        <source>The package sources are back where they were before the check.</source>
        <translation>Die Paketquellen sind wieder so wie vor der Suche.</translation>
    </message>
    <message>
        <source>The package sources are already the newest. There is nothing to update.</source>
        <translation>Die Paketquellen sind bereits die neuesten. Es gibt nichts zu aktualisieren.</translation>
    </message>
    <message>
        <source>Building the updated system without activating it</source>
        <translation>Das aktualisierte System wird gebaut, ohne es zu aktivieren</translation>
    </message>
    <message>
        <source>Checking which services the update would restart</source>
        <translation>Es wird geprüft, welche Dienste die Aktualisierung neu starten würde</translation>
    </message>
    <message>
        <source>The update is ready. Review what it changes, then apply or discard it.</source>
        <translation>Die Aktualisierung ist bereit. Prüfen Sie, was sie ändert, und wenden Sie sie dann an oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>Putting the package sources back</source>
        <translation>Die Paketquellen werden zurückgesetzt</translation>
    </message>
    <message>
        <source>Discarding the update</source>
        <translation>Die Aktualisierung wird verworfen</translation>
    </message>
    <message>
        <source>The system built for this update is gone, so its package changes cannot be shown. Apply builds it again.</source>
        <translation>Das für diese Aktualisierung gebaute System ist nicht mehr da, daher können die Paketänderungen nicht gezeigt werden. Beim Anwenden wird es neu gebaut.</translation>
    </message>
    <message>
        <source>The check was cancelled. Nothing was changed.</source>
        <translation>Die Suche wurde abgebrochen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>Die Suche wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>kernel version before and after</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>kernel version</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1, unchanged</source>
        <comment>kernel version</comment>
        <translation>%1, unverändert</translation>
    </message>
    <message>
        <source>Newer package sources. Working out which package versions change…</source>
        <translation>Neuere Paketquellen. Es wird ermittelt, welche Paketversionen sich ändern …</translation>
    </message>
    <message>
        <source>Newer package sources. Which package versions change is not known.</source>
        <translation>Neuere Paketquellen. Welche Paketversionen sich ändern, ist nicht bekannt.</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) upgraded</source>
        <comment>part of a list of package changes</comment>
        <translation>
            <numerusform>%n Paket aktualisiert</numerusform>
            <numerusform>%n Pakete aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n downgraded</source>
        <comment>part of a list of package changes: packages downgraded</comment>
        <translation>
            <numerusform>%n herabgestuft</numerusform>
            <numerusform>%n herabgestuft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>part of a list of package changes: packages added</comment>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>part of a list of package changes: packages removed</comment>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>a sentence made of the list of package changes</comment>
        <translation>%1.</translation>
    </message>
    <message>
        <source>Which services the update restarts, starts or stops was not worked out: the check stopped before it, or it failed.</source>
        <translation>Welche Dienste die Aktualisierung neu startet, startet oder stoppt, wurde nicht ermittelt: Die Prüfung endete vorher, oder die Ermittlung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Switching to the update restarts, starts or stops no services.</source>
        <translation>Der Wechsel zur Aktualisierung startet, stoppt und startet keinen Dienst neu.</translation>
    </message>
    <message>
        <source>Working out which package versions change…</source>
        <translation>Es wird ermittelt, welche Paketversionen sich ändern …</translation>
    </message>
    <message>
        <source>Which package versions change is not known.</source>
        <translation>Welche Paketversionen sich ändern, ist nicht bekannt.</translation>
    </message>
    <message>
        <source>No package versions change.</source>
        <translation>Keine Paketversion ändert sich.</translation>
    </message>
    <message>
        <source>Last checked just now</source>
        <translation>Zuletzt gerade eben gesucht</translation>
    </message>
    <message>
        <source>The update is ready, but which services it would restart could not be worked out. Review it, then apply or discard it.</source>
        <translation>Die Aktualisierung ist bereit, aber welche Dienste sie neu starten würde, konnte nicht ermittelt werden. Prüfen Sie sie, und wenden Sie sie dann an oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>Putting the package sources back failed too, so they stay updated. Discard the update to try again.</source>
        <translation>Auch das Zurücksetzen der Paketquellen ist fehlgeschlagen, sie bleiben also aktualisiert. Verwerfen Sie die Aktualisierung, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>The commit before the update is unknown.</source>
        <translation>Der Commit vor der Aktualisierung ist unbekannt.</translation>
    </message>
    <message>
        <source>The channels&apos; generation before the update is unknown.</source>
        <translation>Die Generation der Kanäle vor der Aktualisierung ist unbekannt.</translation>
    </message>
    <message>
        <source>The sources stay updated: %1</source>
        <comment>the reason ends the sentence</comment>
        <translation>Die Quellen bleiben aktualisiert: %1</translation>
    </message>
    <message>
        <source>The package sources cannot be put back: %1</source>
        <comment>the reason ends the sentence</comment>
        <translation>Die Paketquellen können nicht zurückgesetzt werden: %1</translation>
    </message>
    <message>
        <source>The update was applied: the system you applied from the Changes page was built from the updated package sources.</source>
        <translation>Die Aktualisierung wurde angewendet: Das System, das Sie auf der Seite „Änderungen“ angewendet haben, wurde aus den aktualisierten Paketquellen erstellt.</translation>
    </message>
    <message>
        <source>The update was applied: a system built since the check used the updated package sources.</source>
        <translation>Die Aktualisierung wurde angewendet: Ein seit der Prüfung erstelltes System verwendet die aktualisierten Paketquellen.</translation>
    </message>
    <message>
        <source>The update no longer waits: root&apos;s channels were changed since the check.</source>
        <translation>Die Aktualisierung wartet nicht mehr: Die Kanäle von root wurden seit der Prüfung geändert.</translation>
    </message>
    <message>
        <source>The update no longer waits: flake.lock was changed since the check.</source>
        <translation>Die Aktualisierung wartet nicht mehr: flake.lock wurde seit der Prüfung geändert.</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>revision</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>old and new revision with dates</comment>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>UpdatesPage</name>
    <message>
        <source>Updates</source>
        <comment>@title</comment>
        <translation>Aktualisierungen</translation>
    </message>
    <message>
        <source>Check for Updates</source>
        <comment>@action:button</comment>
        <translation>Nach Aktualisierungen suchen</translation>
    </message>
    <message>
        <source>Download newer package sources and build the updated system without activating it</source>
        <comment>@info:tooltip</comment>
        <translation>Neuere Paketquellen herunterladen und das aktualisierte System bauen, ohne es zu aktivieren</translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>@action:button</comment>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Put the package sources back where they were</source>
        <comment>@info:tooltip</comment>
        <translation>Die Paketquellen auf den vorigen Stand zurücksetzen</translation>
    </message>
    <message>
        <source>Discard the update</source>
        <comment>@action:button</comment>
        <translation>Die Aktualisierung verwerfen</translation>
    </message>
    <message>
        <source>How to apply the update</source>
        <comment>@label:listbox</comment>
        <translation>Wie die Aktualisierung angewendet wird</translation>
    </message>
    <message>
        <source>Apply Update</source>
        <comment>@action:button</comment>
        <translation>Aktualisierung anwenden</translation>
    </message>
    <message>
        <source>Checking for updates…</source>
        <comment>@info</comment>
        <translation>Es wird nach Aktualisierungen gesucht …</translation>
    </message>
    <message>
        <source>Your system is up to date</source>
        <comment>@info</comment>
        <translation>Ihr System ist auf dem neuesten Stand</translation>
    </message>
    <message>
        <source>Update all packages</source>
        <comment>@info</comment>
        <translation>Alle Pakete aktualisieren</translation>
    </message>
    <message>
        <source>The system uses %1.</source>
        <comment>@info</comment>
        <translation>Das System nutzt %1.</translation>
    </message>
    <message>
        <source>Checking downloads newer package sources and builds the updated system without activating it, so you can see what would change before anything does.</source>
        <comment>@info</comment>
        <translation>Die Suche lädt neuere Paketquellen herunter und baut das aktualisierte System, ohne es zu aktivieren. So sehen Sie, was sich ändern würde, bevor sich etwas ändert.</translation>
    </message>
    <message>
        <source>The package changes could not be worked out: %1</source>
        <comment>@info</comment>
        <translation>Die Paketänderungen konnten nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>Channels</source>
        <comment>@title</comment>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Flake inputs</source>
        <comment>@title</comment>
        <translation>Flake-Eingaben</translation>
    </message>
    <message>
        <source>The kernel changes from %1 to %2. Restart the computer after applying the update to use the new kernel.</source>
        <comment>@info</comment>
        <translation>Der Kernel wechselt von %1 auf %2. Starten Sie den Rechner nach dem Anwenden neu, um den neuen Kernel zu nutzen.</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>@info</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Kernel:</source>
        <comment>@label</comment>
        <translation>Kernel:</translation>
    </message>
    <message>
        <source>System size:</source>
        <comment>@label</comment>
        <translation>Systemgröße:</translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <comment>@info size before, after and the change</comment>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <source>Services</source>
        <comment>@title</comment>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>The service manager (systemd) itself restarts.</source>
        <comment>@info</comment>
        <translation>Der Dienstverwalter (systemd) selbst startet neu.</translation>
    </message>
    <message>
        <source>Restarted</source>
        <comment>@title services</comment>
        <translation>Neu gestartet</translation>
    </message>
    <message>
        <source>Reloaded</source>
        <comment>@title services</comment>
        <translation>Neu geladen</translation>
    </message>
    <message>
        <source>Started</source>
        <comment>@title services</comment>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <comment>@title services</comment>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Packages</source>
        <comment>@title</comment>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>@info:whatsthis package change</comment>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Your %n pending change(s) are applied with the update. The preview above does not include them.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>Ihre %n ausstehende Änderung wird mit der Aktualisierung angewendet. Die Vorschau oben enthält sie nicht.</numerusform>
            <numerusform>Ihre %n ausstehenden Änderungen werden mit der Aktualisierung angewendet. Die Vorschau oben enthält sie nicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying changes from the Changes page while this update waits also applies the update.</source>
        <comment>@info</comment>
        <translation>Wenn Sie Änderungen auf der Seite „Änderungen“ anwenden, während diese Aktualisierung wartet, wird auch die Aktualisierung angewendet.</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>@info a sentence made of when updates were last checked</comment>
        <translation>%1.</translation>
    </message>
</context>
</TS>
