<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
    <context>
        <name>CommandLine</name>
        <message>
            <source>Retake: a timeline editor for filmmakers.</source>
            <translation>Retake: ein Timeline-Editor für Filmschaffende.</translation>
        </message>
        <message>
            <source>Language of the user interface: de, fr or en.</source>
            <translation>Sprache der Benutzeroberfläche: de, fr oder en.</translation>
        </message>
        <message>
            <source>code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Put the playhead on this timeline frame.</source>
            <translation>Abspielmarke auf dieses Timeline-Bild setzen.</translation>
        </message>
        <message>
            <source>number</source>
            <translation>Nummer</translation>
        </message>
        <message>
            <source>project</source>
            <translation>Projekt</translation>
        </message>
        <message>
            <source>The project file to open (.retake).</source>
            <translation>Die zu öffnende Projektdatei (.retake).</translation>
        </message>
        <message>
            <source>[project]</source>
            <translation>[Projekt]</translation>
        </message>
    </context>
    <context>
        <name>ErrorReport</name>
        <message>
            <source>The request was not valid.</source>
            <translation>Die Anforderung war ungültig.</translation>
        </message>
        <message>
            <source>A file is missing, unreadable, damaged or not supported.</source>
            <translation>Eine Datei fehlt, ist nicht lesbar, beschädigt oder wird nicht unterstützt.</translation>
        </message>
        <message>
            <source>A file could not be written (read-only folder or full disk?).</source>
            <translation>Eine Datei konnte nicht geschrieben werden (schreibgeschützter Ordner oder volle Festplatte?).</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>Abgebrochen; nichts wurde geändert.</translation>
        </message>
        <message>
            <source>This is a bug in Retake; please report it.</source>
            <translation>Das ist ein Fehler in Retake; bitte melden Sie ihn.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::EditorActions</name>
        <message>
            <source>&amp;New Project</source>
            <translation>&amp;Neues Projekt</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>Ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Speichern &amp;unter…</translation>
        </message>
        <message>
            <source>&amp;Import Media…</source>
            <translation>Medien &amp;importieren…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <source>&amp;Lock Range</source>
            <translation>Bereich &amp;sperren</translation>
        </message>
        <message>
            <source>Lock the frames between In and Out: regeneration keeps them.</source>
            <translation>Sperrt die Bilder zwischen In und Out: Die Neugenerierung lässt sie unverändert.</translation>
        </message>
        <message>
            <source>U&amp;nlock Range</source>
            <translation>Bereich &amp;entsperren</translation>
        </message>
        <message>
            <source>&amp;Play/Pause</source>
            <translation>&amp;Wiedergabe/Pause</translation>
        </message>
        <message>
            <source>Previous &amp;Frame</source>
            <translation>&amp;Vorheriges Bild</translation>
        </message>
        <message>
            <source>&amp;Next Frame</source>
            <translation>&amp;Nächstes Bild</translation>
        </message>
        <message>
            <source>&amp;Back 10 Frames</source>
            <translation>10 Bilder &amp;zurück</translation>
        </message>
        <message>
            <source>F&amp;orward 10 Frames</source>
            <translation>10 Bilder v&amp;or</translation>
        </message>
        <message>
            <source>Go to &amp;Start</source>
            <translation>Zum &amp;Anfang</translation>
        </message>
        <message>
            <source>Go to &amp;End</source>
            <translation>Zum &amp;Ende</translation>
        </message>
        <message>
            <source>Set &amp;In</source>
            <translation>&amp;In setzen</translation>
        </message>
        <message>
            <source>Set &amp;Out</source>
            <translation>&amp;Out setzen</translation>
        </message>
        <message>
            <source>&amp;Clear In/Out</source>
            <translation>In/Out &amp;löschen</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Ver&amp;größern</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Ver&amp;kleinern</translation>
        </message>
        <message>
            <source>Zoom to &amp;Fit</source>
            <translation>&amp;Einpassen</translation>
        </message>
        <message>
            <source>Show &amp;Mask</source>
            <translation>&amp;Maske anzeigen</translation>
        </message>
        <message>
            <source>Show the shot's stationary mask as a red overlay in the viewer.</source>
            <translation>Zeigt die stehende Maske der Einstellung als rote Überlagerung im Viewer.</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Tastenkürzel</translation>
        </message>
        <message>
            <source>&amp;About Retake</source>
            <translation>Ü&amp;ber Retake</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::FrameRenderer</name>
        <message>
            <source>No shot at frame %1</source>
            <translation>Keine Einstellung bei Bild %1</translation>
        </message>
        <message>
            <source>Cannot decode frame %1: %2</source>
            <translation>Bild %1 kann nicht dekodiert werden: %2</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::InspectorWidget</name>
        <message>
            <source>Select a shot in the storyboard or timeline.</source>
            <translation>Wählen Sie eine Einstellung im Storyboard oder in der Timeline.</translation>
        </message>
        <message>
            <source>Shot</source>
            <translation>Einstellung</translation>
        </message>
        <message>
            <source>What the regenerated frames should show</source>
            <translation>Was die neu generierten Bilder zeigen sollen</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Media</source>
            <translation>Medium</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Kamera</translation>
        </message>
        <message>
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>f/</source>
            <translation>f/</translation>
        </message>
        <message>
            <source>°</source>
            <translation>°</translation>
        </message>
        <message>
            <source>Focal length</source>
            <translation>Brennweite</translation>
        </message>
        <message>
            <source>Filmback width</source>
            <translation>Sensorbreite</translation>
        </message>
        <message>
            <source>Filmback height</source>
            <translation>Sensorhöhe</translation>
        </message>
        <message>
            <source>Focus distance</source>
            <translation>Fokusentfernung</translation>
        </message>
        <message>
            <source>Aperture</source>
            <translation>Blende</translation>
        </message>
        <message>
            <source>Shutter angle</source>
            <translation>Hellsektor</translation>
        </message>
        <message>
            <source>%1 (frames %2)</source>
            <translation>%1 (Bilder %2)</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::MainWindow</name>
        <message>
            <source>Untitled</source>
            <translation>Unbenannt</translation>
        </message>
        <message>
            <source>&lt;opened project&gt;</source>
            <translation>&lt;geöffnetes Projekt&gt;</translation>
        </message>
        <message>
            <source>Storyboard</source>
            <translation>Storyboard</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspektor</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;Playback</source>
            <translation>&amp;Wiedergabe</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>System Language</source>
            <translation>Systemsprache</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Englisch</translation>
        </message>
        <message>
            <source>German</source>
            <translation>Deutsch</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Französisch</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pause</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>&amp;Wiedergabe</translation>
        </message>
        <message>
            <source>Autosaved to %1</source>
            <translation>Automatisch gespeichert in %1</translation>
        </message>
        <message>
            <source>&amp;Undo %1</source>
            <translation>&amp;Rückgängig: %1</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;Redo %1</source>
            <translation>&amp;Wiederherstellen: %1</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>Projekt öffnen</translation>
        </message>
        <message>
            <source>Retake projects (*.retake)</source>
            <translation>Retake-Projekte (*.retake)</translation>
        </message>
        <message>
            <source>Recover Unsaved Changes?</source>
            <translation>Ungespeicherte Änderungen wiederherstellen?</translation>
        </message>
        <message>
            <source>Retake did not close normally while “%1” was open.</source>
            <translation>Retake wurde nicht normal beendet, während „%1“ geöffnet war.</translation>
        </message>
        <message>
            <source>An autosave with newer changes exists. Recover them? If you open the saved version, the autosave is deleted.</source>
            <translation>Es gibt eine automatische Sicherung mit neueren Änderungen. Sollen sie wiederhergestellt werden? Wenn Sie die gespeicherte Version öffnen, wird die Sicherung gelöscht.</translation>
        </message>
        <message>
            <source>&amp;Recover</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <source>&amp;Open Saved Version</source>
            <translation>Gespeicherte Version ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Could not open the project “%1”.</source>
            <translation>Das Projekt „%1“ konnte nicht geöffnet werden.</translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>%1 geöffnet</translation>
        </message>
        <message>
            <source>Could not save the project to “%1”.</source>
            <translation>Das Projekt konnte nicht unter „%1“ gespeichert werden.</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 gespeichert</translation>
        </message>
        <message>
            <source>Save Project As</source>
            <translation>Projekt speichern unter</translation>
        </message>
        <message>
            <source>Unsaved Changes</source>
            <translation>Ungespeicherte Änderungen</translation>
        </message>
        <message>
            <source>The project “%1” has unsaved changes.</source>
            <translation>Das Projekt „%1“ hat ungespeicherte Änderungen.</translation>
        </message>
        <message>
            <source>Save them before closing the project?</source>
            <translation>Vor dem Schließen des Projekts speichern?</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Import Media</source>
            <translation>Medien importieren</translation>
        </message>
        <message>
            <source>Media (*.mov *.mp4 *.mkv *.mxf *.avi *.webm *.exr *.png *.tif *.tiff *.jpg *.jpeg *.dpx);;All files (*)</source>
            <translation>Medien (*.mov *.mp4 *.mkv *.mxf *.avi *.webm *.exr *.png *.tif *.tiff *.jpg *.jpeg *.dpx);;Alle Dateien (*)</translation>
        </message>
        <message numerus="yes">
            <source>Importing %n file(s)…</source>
            <translation>
                <numerusform>%n Datei wird importiert…</numerusform>
                <numerusform>%n Dateien werden importiert…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n file(s).</source>
            <translation>
                <numerusform>%n Datei importiert.</numerusform>
                <numerusform>%n Dateien importiert.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) could not be imported.</source>
            <translation>
                <numerusform>%n Datei konnte nicht importiert werden.</numerusform>
                <numerusform>%n Dateien konnten nicht importiert werden.</numerusform>
            </translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Set In (I) and Out (O) around the frames first.</source>
            <translation>Setzen Sie zuerst In (I) und Out (O) um die Bilder.</translation>
        </message>
        <message>
            <source>Frames %1 are already locked.</source>
            <translation>Die Bilder %1 sind bereits gesperrt.</translation>
        </message>
        <message>
            <source>No locked frames in %1.</source>
            <translation>Keine gesperrten Bilder in %1.</translation>
        </message>
        <message>
            <source>Lock frames %1</source>
            <translation>Bilder %1 sperren</translation>
        </message>
        <message>
            <source>Unlock frames %1</source>
            <translation>Bilder %1 entsperren</translation>
        </message>
        <message>
            <source>About Retake</source>
            <translation>Über Retake</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Retake %1&lt;/h3&gt;&lt;p&gt;A timeline editor for filmmakers: lock the frames that work, regenerate the rest.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Retake %1&lt;/h3&gt;&lt;p&gt;Ein Timeline-Editor für Filmschaffende: Sperren Sie die gelungenen Bilder und generieren Sie den Rest neu.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>The language changes the next time Retake starts.</source>
            <translation>Die Sprache ändert sich beim nächsten Start von Retake.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::RecentFiles</name>
        <message>
            <source>&amp;Clear Menu</source>
            <translation>Menü &amp;leeren</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>Befehl</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::StoryboardModel</name>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>Media unavailable</source>
            <translation>Medium nicht verfügbar</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Gesperrt</translation>
        </message>
        <message>
            <source>Partly locked</source>
            <translation>Teilweise gesperrt</translation>
        </message>
        <message numerus="yes">
            <source>%n frame(s)</source>
            <translation>
                <numerusform>%n Bild</numerusform>
                <numerusform>%n Bilder</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 mm</source>
            <translation>%1 mm</translation>
        </message>
        <message>
            <source>unlocked</source>
            <translation>nicht gesperrt</translation>
        </message>
        <message>
            <source>No prompt</source>
            <translation>Kein Prompt</translation>
        </message>
        <message>
            <source>%1/%2 locked</source>
            <translation>%1/%2 gesperrt</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::TimelineWidget</name>
        <message>
            <source>%1 (offline)</source>
            <translation>%1 (offline)</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ViewerWidget</name>
        <message>
            <source>Open a project (Ctrl+O) or import media (Ctrl+I).</source>
            <translation>Öffnen Sie ein Projekt (Strg+O) oder importieren Sie Medien (Strg+I).</translation>
        </message>
        <message>
            <source>The timeline is empty. Import media (Ctrl+I).</source>
            <translation>Die Timeline ist leer. Importieren Sie Medien (Strg+I).</translation>
        </message>
        <message>
            <source>%1 · frame %2 · take</source>
            <translation>%1 · Bild %2 · Take</translation>
        </message>
        <message>
            <source>%1 · frame %2</source>
            <translation>%1 · Bild %2</translation>
        </message>
        <message>
            <source>Frame %1 of %2</source>
            <translation>Bild %1 von %2</translation>
        </message>
    </context>
</TS>
