<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
    <context>
        <name>QObject</name>
        <message>
            <source>OpenTimelineIO Import</source>
            <translation>OpenTimelineIO-Import</translation>
        </message>
        <message>
            <source>Imported “%1”.</source>
            <translation>„%1“ importiert.</translation>
        </message>
        <message>
            <source>%1 items kept, %2 changed, %3 dropped. The details list every item; offline clips can be relinked in the media pool.</source>
            <translation>%1 Elemente übernommen, %2 geändert, %3 verworfen. Die Details nennen jedes Element; Offline-Clips lassen sich im Medienpool neu verknüpfen.</translation>
        </message>
    </context>
    <context>
        <name>HandheldPreset</name>
        <message>
            <source>Off (locked off)</source>
            <translation>Aus (fest)</translation>
        </message>
        <message>
            <source>Subtle</source>
            <translation>Dezent</translation>
        </message>
        <message>
            <source>Handheld</source>
            <translation>Handkamera</translation>
        </message>
        <message>
            <source>Heavy</source>
            <translation>Stark</translation>
        </message>
        <message>
            <source>Walking</source>
            <translation>Gehend</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Laufend</translation>
        </message>
    </context>
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
        <message>
            <source>Start regenerating these timeline frames (like In/Out and R) once the project is open.</source>
            <translation>Diese Timeline-Bilder nach dem Öffnen des Projekts neu generieren (wie In/Out und R).</translation>
        </message>
        <message>
            <source>first-last</source>
            <translation>erstes-letztes</translation>
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
        <name>TakeChoices</name>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>Take %1 · %2 · seed %3 · frames %4</source>
            <translation>Take %1 · %2 · Seed %3 · Bilder %4</translation>
        </message>
        <message>
            <source>No takes at this frame</source>
            <translation>Keine Takes bei diesem Bild</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::AudioPlayback</name>
        <message>
            <source>The audio device cannot play %1 Hz %2-channel sound.</source>
            <translation>Das Audiogerät kann keinen Ton mit %1 Hz und %2 Kanälen wiedergeben.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::CameraInspector</name>
        <message>
            <source>Fill (crop the filmback)</source>
            <translation>Füllen (Sensor beschneiden)</translation>
        </message>
        <message>
            <source>Overscan (whole filmback)</source>
            <translation>Overscan (ganzer Sensor)</translation>
        </message>
        <message>
            <source>Horizontal (match width)</source>
            <translation>Horizontal (Breite angleichen)</translation>
        </message>
        <message>
            <source>Vertical (match height)</source>
            <translation>Vertikal (Höhe angleichen)</translation>
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
            <source>Focal length of the lens.</source>
            <translation>Brennweite des Objektivs.</translation>
        </message>
        <message>
            <source>The camera&apos;s sensor (filmback). Custom keeps the width and height typed below.</source>
            <translation>Der Sensor der Kamera (Filmback). „Benutzerdefiniert“ behält die unten eingegebene Breite und Höhe.</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Benutzerdefiniert</translation>
        </message>
        <message>
            <source>%1 (%2 × %3 mm)</source>
            <translation>%1 (%2 × %3 mm)</translation>
        </message>
        <message>
            <source>Filmback width (the sensor&apos;s size).</source>
            <translation>Sensorbreite (Größe des Sensors).</translation>
        </message>
        <message>
            <source>Filmback height (the sensor&apos;s size).</source>
            <translation>Sensorhöhe (Größe des Sensors).</translation>
        </message>
        <message>
            <source>How the filmback maps onto the project&apos;s frame when their aspect ratios differ.</source>
            <translation>Wie der Sensor auf das Projektbild abgebildet wird, wenn ihre Seitenverhältnisse abweichen.</translation>
        </message>
        <message>
            <source>Lens shift on the filmback: positive moves the framing right without turning the camera.</source>
            <translation>Objektivverschiebung auf dem Sensor: positiv verschiebt den Ausschnitt nach rechts, ohne die Kamera zu drehen.</translation>
        </message>
        <message>
            <source>Lens shift on the filmback: positive moves the framing up without tilting the camera (keeps verticals straight).</source>
            <translation>Objektivverschiebung auf dem Sensor: positiv verschiebt den Ausschnitt nach oben, ohne die Kamera zu neigen (Senkrechte bleiben gerade).</translation>
        </message>
        <message>
            <source>Anamorphic squeeze: the picture is de-squeezed for display, so the horizontal field is that of a filmback this many times wider.</source>
            <translation>Anamorphotische Stauchung: das Bild wird zur Anzeige entzerrt, der horizontale Bildwinkel ist also der eines entsprechend breiteren Sensors.</translation>
        </message>
        <message>
            <source>1× (spherical)</source>
            <translation>1× (sphärisch)</translation>
        </message>
        <message>
            <source>%1×</source>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Radial distortion k1 (OpenCV convention): negative is barrel, positive pincushion.</source>
            <translation>Radiale Verzeichnung k1 (OpenCV-Konvention): negativ ist tonnenförmig, positiv kissenförmig.</translation>
        </message>
        <message>
            <source>Radial distortion k2 (OpenCV convention).</source>
            <translation>Radiale Verzeichnung k2 (OpenCV-Konvention).</translation>
        </message>
        <message>
            <source>Vignette: brightness lost at the image corners, 0 (none) to 1.</source>
            <translation>Vignettierung: Helligkeitsverlust in den Bildecken, 0 (keiner) bis 1.</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>Rund</translation>
        </message>
        <message>
            <source>Aperture blades: the shape of out-of-focus highlights (0 = round).</source>
            <translation>Blendenlamellen: die Form unscharfer Lichter (0 = rund).</translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>Focus distance from the filmback.</source>
            <translation>Fokusentfernung ab der Sensorebene.</translation>
        </message>
        <message>
            <source>Aperture as an f-stop.</source>
            <translation>Blende als Blendenzahl.</translation>
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
            <source>Shutter angle: 180° is the film look.</source>
            <translation>Hellsektor: 180° ergibt den Filmlook.</translation>
        </message>
        <message>
            <source>×</source>
            <translation>×</translation>
        </message>
        <message>
            <source>Focal length</source>
            <translation>Brennweite</translation>
        </message>
        <message>
            <source>Filmback</source>
            <translation>Sensor</translation>
        </message>
        <message>
            <source>Filmback size</source>
            <translation>Sensorgröße</translation>
        </message>
        <message>
            <source>Sensor fit</source>
            <translation>Sensoranpassung</translation>
        </message>
        <message>
            <source>Lens shift x, y</source>
            <translation>Objektivverschiebung x, y</translation>
        </message>
        <message>
            <source>Squeeze</source>
            <translation>Stauchung</translation>
        </message>
        <message>
            <source>Distortion k1, k2</source>
            <translation>Verzeichnung k1, k2</translation>
        </message>
        <message>
            <source>Vignette</source>
            <translation>Vignettierung</translation>
        </message>
        <message>
            <source>Aperture blades</source>
            <translation>Blendenlamellen</translation>
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
            <source>Depth of field</source>
            <translation>Schärfentiefe</translation>
        </message>
        <message>
            <source>The shot size this lens gives of a 1.75 m person standing at the focus distance.</source>
            <translation>Die Einstellungsgröße, die dieses Objektiv von einer 1,75 m großen Person in Fokusentfernung ergibt.</translation>
        </message>
        <message>
            <source>Shot size</source>
            <translation>Einstellungsgröße</translation>
        </message>
        <message>
            <source>Frame</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>Position (m)</source>
            <translation>Position (m)</translation>
        </message>
        <message>
            <source>Pan, tilt, roll</source>
            <translation>Schwenk, Neigung, Rollen</translation>
        </message>
        <message>
            <source>Focal</source>
            <translation>Brennweite</translation>
        </message>
        <message>
            <source>Camera keys (frames of the shot). Delete removes the selected key; Camera &gt; Add Move… writes new ones.</source>
            <translation>Kamera-Keys (Bilder der Einstellung). Entf löscht den ausgewählten Key; Kamera &gt; Bewegung hinzufügen… schreibt neue.</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>extreme close-up</source>
            <translation>Detailaufnahme</translation>
        </message>
        <message>
            <source>close-up</source>
            <translation>Großaufnahme</translation>
        </message>
        <message>
            <source>medium close-up</source>
            <translation>Nahaufnahme</translation>
        </message>
        <message>
            <source>medium shot</source>
            <translation>Halbnahe</translation>
        </message>
        <message>
            <source>cowboy shot</source>
            <translation>Amerikanische</translation>
        </message>
        <message>
            <source>full shot</source>
            <translation>Totale der Figur</translation>
        </message>
        <message>
            <source>wide shot</source>
            <translation>Halbtotale</translation>
        </message>
        <message>
            <source>extreme wide shot</source>
            <translation>Weitwinkel-Totale</translation>
        </message>
        <message>
            <source>From %1 m this lens gives a %2 (the frame is %3 m high).</source>
            <translation>Aus %1 m ergibt dieses Objektiv: %2 (das Bild ist %3 m hoch).</translation>
        </message>
        <message>
            <source>%1, %2, %3</source>
            <translation>%1; %2; %3</translation>
        </message>
        <message>
            <source>%1°, %2°, %3°</source>
            <translation>%1°; %2°; %3°</translation>
        </message>
        <message>
            <source>%1 mm</source>
            <translation>%1 mm</translation>
        </message>
        <message>
            <source>lens</source>
            <translation>Objektiv</translation>
        </message>
        <message>
            <source>The shot size to solve the camera distance for.</source>
            <translation>Die Einstellungsgröße, für die die Kameraentfernung berechnet wird.</translation>
        </message>
        <message>
            <source>Height of the subject (a standing person: 1.75 m).</source>
            <translation>Größe des Motivs (eine stehende Person: 1,75 m).</translation>
        </message>
        <message>
            <source>Frame as</source>
            <translation>Kadrieren als</translation>
        </message>
        <message>
            <source>Subject height</source>
            <translation>Größe des Motivs</translation>
        </message>
        <message>
            <source>%1 m from the camera with this lens.</source>
            <translation>%1 m von der Kamera entfernt mit diesem Objektiv.</translation>
        </message>
        <message>
        <source>Move Camera There</source>
        <translation>Kamera dorthin bewegen</translation>
    </message>
    <message>
        <source>Move the camera along its view axis so that the subject at the focus distance is framed so; focus follows. One undo step.</source>
        <translation>Die Kamera entlang ihrer Blickachse bewegen, sodass das Motiv in der Fokusdistanz so gerahmt ist; der Fokus folgt. Ein Rückgängig-Schritt.</translation>
    </message>
</context>
    <context>
        <name>retake::gui::CameraMoveDialog</name>
        <message>
            <source>Handheld</source>
            <translation>Handkamera</translation>
        </message>
        <message>
            <source>Pan</source>
            <translation>Schwenk</translation>
        </message>
        <message>
            <source>Tilt</source>
            <translation>Neigung</translation>
        </message>
        <message>
            <source>Dolly in</source>
            <translation>Ranfahrt</translation>
        </message>
        <message>
            <source>Dolly out</source>
            <translation>Rückfahrt</translation>
        </message>
        <message>
            <source>Truck</source>
            <translation>Seitliche Fahrt</translation>
        </message>
        <message>
            <source>Pedestal</source>
            <translation>Vertikalfahrt</translation>
        </message>
        <message>
            <source>Crane</source>
            <translation>Kranfahrt</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>Dolly zoom</source>
            <translation>Dolly-Zoom</translation>
        </message>
        <message>
            <source>Orbit</source>
            <translation>Kreisfahrt</translation>
        </message>
        <message>
            <source>Focus pull</source>
            <translation>Schärfeverlagerung</translation>
        </message>
        <message>
            <source>Linear</source>
            <translation>Linear</translation>
        </message>
        <message>
            <source>Ease in</source>
            <translation>Sanft beginnen</translation>
        </message>
        <message>
            <source>Ease out</source>
            <translation>Sanft enden</translation>
        </message>
        <message>
            <source>Ease in and out</source>
            <translation>Sanft beginnen und enden</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Halten</translation>
        </message>
        <message>
            <source>as preset</source>
            <translation>wie Vorgabe</translation>
        </message>
        <message>
            <source>Add Camera Move to %1</source>
            <translation>Kamerabewegung zu %1 hinzufügen</translation>
        </message>
        <message>
            <source>Add Camera Move</source>
            <translation>Kamerabewegung hinzufügen</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Bewegung</translation>
        </message>
        <message>
            <source>A move preset written as camera keys, added to what the camera already does over its frames (a pan after a dolly does both).</source>
            <translation>Eine Bewegungsvorgabe als Kamera-Keys, zu dem addiert, was die Kamera in ihren Bildern schon tut (ein Schwenk nach einer Fahrt macht beides).</translation>
        </message>
        <message>
            <source>First frame of the move, in the shot&apos;s frames (0 = its first).</source>
            <translation>Erstes Bild der Bewegung, in Bildern der Einstellung (0 = ihr erstes).</translation>
        </message>
        <message>
            <source>Last frame of the move, in the shot&apos;s frames.</source>
            <translation>Letztes Bild der Bewegung, in Bildern der Einstellung.</translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>How far ahead the subject is: the crane keeps looking at it, the orbit turns around it, the dolly zoom keeps its size.</source>
            <translation>Wie weit das Motiv entfernt ist: der Kran bleibt darauf gerichtet, die Kreisfahrt umrundet es, der Dolly-Zoom hält seine Größe.</translation>
        </message>
        <message>
            <source>How the move starts and ends.</source>
            <translation>Wie die Bewegung beginnt und endet.</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Vorgabe</translation>
        </message>
        <message>
            <source>From frame</source>
            <translation>Ab Bild</translation>
        </message>
        <message>
            <source>To frame</source>
            <translation>Bis Bild</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Betrag</translation>
        </message>
        <message>
            <source>Subject distance</source>
            <translation>Motiventfernung</translation>
        </message>
        <message>
            <source>Easing</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>Operator shake on top of the keyed move: band-limited noise, the same for the same seed.</source>
            <translation>Wackeln des Kameramanns zusätzlich zur Key-Bewegung: bandbegrenztes Rauschen, gleich bei gleichem Seed.</translation>
        </message>
        <message>
            <source>The same seed gives the same shake.</source>
            <translation>Derselbe Seed ergibt dasselbe Wackeln.</translation>
        </message>
        <message>
            <source>°</source>
            <translation>°</translation>
        </message>
        <message>
            <source>Rotation shake (RMS of pan and tilt).</source>
            <translation>Drehwackeln (Effektivwert von Schwenk und Neigung).</translation>
        </message>
        <message>
            <source> cm</source>
            <translation> cm</translation>
        </message>
        <message>
            <source>Position shake (RMS per axis).</source>
            <translation>Positionswackeln (Effektivwert je Achse).</translation>
        </message>
        <message>
            <source> Hz</source>
            <translation> Hz</translation>
        </message>
        <message>
            <source>Lowest frequency of the shake.</source>
            <translation>Niedrigste Frequenz des Wackelns.</translation>
        </message>
        <message>
            <source>Highest frequency of the shake.</source>
            <translation>Höchste Frequenz des Wackelns.</translation>
        </message>
        <message>
            <source>Intensity</source>
            <translation>Stärke</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Rotation</source>
            <translation>Drehung</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Lowest frequency</source>
            <translation>Niedrigste Frequenz</translation>
        </message>
        <message>
            <source>Highest frequency</source>
            <translation>Höchste Frequenz</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Degrees to turn: positive pans left.</source>
            <translation>Drehung in Grad: positiv schwenkt nach links.</translation>
        </message>
        <message>
            <source>Degrees to tilt: positive looks up.</source>
            <translation>Neigung in Grad: positiv blickt nach oben.</translation>
        </message>
        <message>
            <source>Degrees around the subject, counter-clockwise seen from above.</source>
            <translation>Grad um das Motiv, gegen den Uhrzeigersinn von oben gesehen.</translation>
        </message>
        <message>
            <source>Metres along the view direction.</source>
            <translation>Meter entlang der Blickrichtung.</translation>
        </message>
        <message>
            <source>Metres to the camera&apos;s right (negative: left).</source>
            <translation>Meter nach rechts von der Kamera aus (negativ: links).</translation>
        </message>
        <message>
            <source>Metres up (negative: down).</source>
            <translation>Meter nach oben (negativ: unten).</translation>
        </message>
        <message>
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <source>The focal length at the end of the move.</source>
            <translation>Die Brennweite am Ende der Bewegung.</translation>
        </message>
        <message>
            <source>The focus distance at the end of the pull.</source>
            <translation>Die Fokusentfernung am Ende der Schärfeverlagerung.</translation>
        </message>
        <message>
            <source>The shot is no longer in the project.</source>
            <translation>Die Einstellung ist nicht mehr im Projekt.</translation>
        </message>
        <message>
            <source>The move must end after the frame it starts on.</source>
            <translation>Die Bewegung muss nach dem Bild enden, mit dem sie beginnt.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::DepthOfFieldLabel</name>
        <message>
            <source>∞</source>
            <translation>∞</translation>
        </message>
        <message>
            <source>%1 m</source>
            <translation>%1 m</translation>
        </message>
        <message>
            <source>Depth of field at the camera&apos;s focus distance and f-stop; the circle of confusion is the filmback diagonal / 1500.</source>
            <translation>Schärfentiefe bei Fokusentfernung und Blende der Kamera; der Zerstreuungskreis ist die Sensordiagonale / 1500.</translation>
        </message>
        <message>
            <source>Hyperfocal %1 · sharp %2 – %3</source>
            <translation>Hyperfokal %1 · scharf %2 – %3</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::BlockingInspector</name>
        <message>
            <source>Box</source>
            <translation>Quader</translation>
        </message>
        <message>
            <source>Wall</source>
            <translation>Wand</translation>
        </message>
        <message>
            <source>Cylinder</source>
            <translation>Zylinder</translation>
        </message>
        <message>
            <source>Sphere</source>
            <translation>Kugel</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>Blocking scene</source>
            <translation>Blocking-Szene</translation>
        </message>
        <message>
            <source>MS 35mm dolly in 2s, two people at a table, dusk</source>
            <translation>MS 35mm dolly in 2s, two people at a table, dusk</translation>
        </message>
        <message>
            <source>A shot description replaces the scene and the camera&apos;s pose and keys (grammar: docs/shot-description.md).</source>
            <translation>Eine Einstellungsbeschreibung (englische Begriffe) ersetzt die Szene sowie Position und Keys der Kamera (Grammatik: docs/shot-description.md).</translation>
        </message>
        <message>
            <source>Describe…</source>
            <translation>Beschreiben…</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>x </source>
            <translation>x </translation>
        </message>
        <message>
            <source>y </source>
            <translation>y </translation>
        </message>
        <message>
            <source>z </source>
            <translation>z </translation>
        </message>
        <message>
            <source>w </source>
            <translation>b </translation>
        </message>
        <message>
            <source>d </source>
            <translation>t </translation>
        </message>
        <message>
            <source>h </source>
            <translation>h </translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>Metres right of the origin (world X).</source>
            <translation>Meter rechts vom Ursprung (Welt-X).</translation>
        </message>
        <message>
            <source>Metres forward, where a level camera with pan 0 looks (world Y).</source>
            <translation>Meter nach vorn, in Blickrichtung einer waagerechten Kamera mit Schwenk 0 (Welt-Y).</translation>
        </message>
        <message>
            <source>Metres up (world Z): objects stand on their position.</source>
            <translation>Meter nach oben (Welt-Z): Objekte stehen auf ihrer Position.</translation>
        </message>
        <message>
            <source>Width (box, wall), diameter (cylinder, sphere).</source>
            <translation>Breite (Quader, Wand), Durchmesser (Zylinder, Kugel).</translation>
        </message>
        <message>
            <source>Depth (box, wall).</source>
            <translation>Tiefe (Quader, Wand).</translation>
        </message>
        <message>
            <source>Height (box, wall, cylinder); a person&apos;s standing height.</source>
            <translation>Höhe (Quader, Wand, Zylinder); bei einer Person die Körpergröße.</translation>
        </message>
        <message>
            <source>°</source>
            <translation>°</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Turn</source>
            <translation>Drehung</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Farbe</translation>
        </message>
        <message>
            <source>Direction towards the sun: 0 = +Y, counter-clockwise seen from above.</source>
            <translation>Richtung zur Sonne: 0 = +Y, von oben gesehen gegen den Uhrzeigersinn.</translation>
        </message>
        <message>
            <source>Shadows</source>
            <translation>Schatten</translation>
        </message>
        <message>
            <source>Ground</source>
            <translation>Boden</translation>
        </message>
        <message>
            <source>Sun azimuth</source>
            <translation>Sonnenazimut</translation>
        </message>
        <message>
            <source>Sun elevation</source>
            <translation>Sonnenhöhe</translation>
        </message>
        <message>
            <source>Sun intensity</source>
            <translation>Sonnenintensität</translation>
        </message>
        <message>
            <source>Sky</source>
            <translation>Himmel</translation>
        </message>
        <message>
            <source>Choose the colour</source>
            <translation>Farbe wählen</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>%1: subject %2 tall, %3 away; %n object(s).</source>
            <translation>
                <numerusform>%1: Motiv %2 groß, %3 entfernt; %n Objekt.</numerusform>
                <numerusform>%1: Motiv %2 groß, %3 entfernt; %n Objekte.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move over %n frame(s).</source>
            <translation>
                <numerusform>Bewegung über %n Bild.</numerusform>
                <numerusform>Bewegung über %n Bilder.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not understood (ignored): %1</source>
            <translation>Nicht verstanden (ignoriert): %1</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::EditorActions</name>
        <message>
            <source>Add &amp;Marker…</source>
            <translation>&amp;Marker hinzufügen …</translation>
        </message>
        <message>
            <source>Put a named marker on the timeline at the playhead; it goes out with OpenTimelineIO exports.</source>
            <translation>Einen benannten Marker an der Abspielposition auf die Zeitleiste setzen; er wird mit OpenTimelineIO exportiert.</translation>
        </message>
        <message>
            <source>Import &amp;OpenTimelineIO…</source>
            <translation>&amp;OpenTimelineIO importieren…</translation>
        </message>
        <message>
            <source>Open an .otio timeline as a new project; a report says what was kept, changed or dropped.</source>
            <translation>Eine .otio-Timeline als neues Projekt öffnen; ein Bericht sagt, was übernommen, geändert oder verworfen wurde.</translation>
        </message>
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
            <source>Show the shot&apos;s stationary mask as a red overlay in the viewer.</source>
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
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exportieren…</translation>
        </message>
        <message>
            <source>Export graded footage, EXR or depth sequences, a shot&apos;s camera or the timeline (OTIO); long exports run as background jobs.</source>
            <translation>Exportiert gegradetes Material, EXR- oder Tiefensequenzen, die Kamera einer Einstellung oder die Timeline (OTIO); lange Exporte laufen als Hintergrundaufträge.</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>Einstellunge&amp;n…</translation>
        </message>
        <message>
            <source>&amp;Regenerate Range</source>
            <translation>Bereich neu &amp;generieren</translation>
        </message>
        <message>
            <source>Regenerate the unlocked frames between In and Out as a new take, with the engine chosen in the inspector.</source>
            <translation>Generiert die nicht gesperrten Bilder zwischen In und Out als neuen Take neu, mit der im Inspektor gewählten Engine.</translation>
        </message>
        <message>
            <source>Play &amp;Reverse</source>
            <translation>&amp;Rückwärts abspielen</translation>
        </message>
        <message>
            <source>Play backwards; press again to double the speed.</source>
            <translation>Rückwärts abspielen; erneut drücken verdoppelt die Geschwindigkeit.</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>S&amp;topp</translation>
        </message>
        <message>
            <source>Play For&amp;ward</source>
            <translation>&amp;Vorwärts abspielen</translation>
        </message>
        <message>
            <source>Play forwards; press again to double the speed.</source>
            <translation>Vorwärts abspielen; erneut drücken verdoppelt die Geschwindigkeit.</translation>
        </message>
        <message>
            <source>Compare &amp;Split</source>
            <translation>&amp;Geteilter Vergleich</translation>
        </message>
        <message>
            <source>Show the original left of a divider and the take right of it; drag in the viewer to move the divider.</source>
            <translation>Zeigt das Original links und den Take rechts einer Trennlinie; im Viewer ziehen verschiebt die Linie.</translation>
        </message>
        <message>
            <source>Show &amp;Original</source>
            <translation>&amp;Original anzeigen</translation>
        </message>
        <message>
            <source>Show the original frames in place of the take, to flip between them.</source>
            <translation>Zeigt die Originalbilder statt des Takes, um zwischen beiden umzuschalten.</translation>
        </message>
        <message>
        <source>No render farm scheduler on this machine (Slurm&apos;s sbatch is not on PATH); retake-cli farm writes plans and Open Job Description templates.</source>
        <translation>Kein Renderfarm-Scheduler auf diesem Rechner (sbatch von Slurm ist nicht im PATH); retake-cli farm schreibt Pläne und Open-Job-Description-Vorlagen.</translation>
    </message>
    <message>
        <source>Regenerate the unlocked frames between In and Out on the render farm (Slurm); the take appears when it is done.</source>
        <translation>Die nicht gesperrten Bilder zwischen In und Out auf der Renderfarm (Slurm) neu generieren; der Take erscheint, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Send Range to &amp;Farm…</source>
        <translation>Bereich an die &amp;Farm senden…</translation>
    </message>
</context>
    <context>
        <name>retake::gui::ExportDialog</name>
        <message>
            <source>A signed record inside the file (.mp4, .mov, .png, .jpg) of what was generated, by what, from which sources, that other tools can check.</source>
            <translation>Ein signierter Nachweis in der Datei (.mp4, .mov, .png, .jpg), was generiert wurde, womit und aus welchen Quellen, den andere Werkzeuge prüfen können.</translation>
        </message>
        <message>
            <source>Set a signing certificate and key in Settings first.</source>
            <translation>Legen Sie zuerst in den Einstellungen ein Signaturzertifikat und einen Schlüssel fest.</translation>
        </message>
        <message>
            <source>Sign with Content Credentials (C2PA)</source>
            <translation>Mit Content Credentials (C2PA) signieren</translation>
        </message>
        <message>
            <source>First frame</source>
            <translation>Erstes Bild</translation>
        </message>
        <message>
            <source>The frame number the shot&apos;s first frame gets in the camera file (1, or 1001 to match a plate&apos;s numbering).</source>
            <translation>Die Bildnummer, die das erste Bild der Einstellung in der Kameradatei erhält (1, oder 1001 passend zur Nummerierung einer Plate).</translation>
        </message>
        <message>
            <source>The number of the sequence&apos;s first file (1001 by VFX convention).</source>
            <translation>Die Nummer der ersten Datei der Sequenz (1001 nach VFX-Konvention).</translation>
        </message>
        <message>
            <source>First file number</source>
            <translation>Nummer der ersten Datei</translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>Auto</source>
            <translation>Automatisch</translation>
        </message>
        <message>
            <source>Preview near</source>
            <translation>Vorschau nah</translation>
        </message>
        <message>
            <source>Preview far</source>
            <translation>Vorschau fern</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Zeitleiste</translation>
        </message>
        <message>
            <source>Timeline only (.otio)</source>
            <translation>Nur die Zeitleiste (.otio)</translation>
        </message>
        <message>
            <source>Bundle with its media (.otioz)</source>
            <translation>Paket mit den Medien (.otioz)</translation>
        </message>
        <message>
            <source>A bundle holds every media file the timeline uses, for handing the edit to someone else; it is written as a job.</source>
            <translation>Ein Paket enthält jede Mediendatei, die die Zeitleiste verwendet, um den Schnitt weiterzugeben; es wird als Auftrag geschrieben.</translation>
        </message>
        <message>
            <source>%1 (not in this config)</source>
            <translation>%1 (nicht in dieser Konfiguration)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <source>Graded footage (movie)</source>
            <translation>Gegradetes Material (Film)</translation>
        </message>
        <message>
            <source>OpenEXR sequence</source>
            <translation>OpenEXR-Sequenz</translation>
        </message>
        <message>
            <source>Depth maps</source>
            <translation>Tiefenkarten</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Kamera</translation>
        </message>
        <message>
            <source>Timeline (OpenTimelineIO)</source>
            <translation>Timeline (OpenTimelineIO)</translation>
        </message>
        <message>
            <source>Whole timeline</source>
            <translation>Ganze Timeline</translation>
        </message>
        <message>
            <source>In–Out selection</source>
            <translation>In–Out-Auswahl</translation>
        </message>
        <message>
            <source>Selected shot</source>
            <translation>Ausgewählte Einstellung</translation>
        </message>
        <message>
            <source>A camera is always one shot&apos;s: the selected shot (else the one at the playhead), or the shot where the In–Out selection starts.</source>
            <translation>Eine Kamera gehört immer zu einer Einstellung: der ausgewählten (sonst der an der Abspielmarke) oder der, in der die In–Out-Auswahl beginnt.</translation>
        </message>
        <message>
            <source>Frames</source>
            <translation>Bilder</translation>
        </message>
        <message>
            <source>Sequences need a frame number in the name: #### is replaced by 1001, 1002, …</source>
            <translation>Sequenzen brauchen eine Bildnummer im Namen: #### wird durch 1001, 1002, … ersetzt</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Ausgabe</translation>
        </message>
        <message>
            <source>Write a provenance manifest beside the output</source>
            <translation>Herkunftsmanifest neben die Ausgabe schreiben</translation>
        </message>
        <message>
            <source>A JSON sidecar saying where every frame came from: the original media, or which take, engine, seed and model.</source>
            <translation>Eine JSON-Begleitdatei, die für jedes Bild die Herkunft angibt: das Originalmaterial oder welcher Take, welche Engine, welcher Seed und welches Modell.</translation>
        </message>
        <message>
            <source>Movie</source>
            <translation>Film</translation>
        </message>
        <message>
            <source>ProRes 422 HQ (10-bit, .mov)</source>
            <translation>ProRes 422 HQ (10 Bit, .mov)</translation>
        </message>
        <message>
            <source>ProRes 4444 (10-bit, .mov)</source>
            <translation>ProRes 4444 (10 Bit, .mov)</translation>
        </message>
        <message>
            <source>DNxHR HQ (8-bit, .mov)</source>
            <translation>DNxHR HQ (8 Bit, .mov)</translation>
        </message>
        <message>
            <source>H.264 (.mp4)</source>
            <translation>H.264 (.mp4)</translation>
        </message>
        <message>
            <source>H.265 (.mp4, 10-bit from deeper sources)</source>
            <translation>H.265 (.mp4, 10 Bit aus tieferen Quellen)</translation>
        </message>
        <message>
            <source>Codec</source>
            <translation>Codec</translation>
        </message>
        <message>
            <source>Include the audio</source>
            <translation>Ton einschließen</translation>
        </message>
        <message>
            <source>Colour (OCIO)</source>
            <translation>Farbe (OCIO)</translation>
        </message>
        <message>
            <source>Input colour space (per media, as set in the inspector) → working space → look → output. Unchecked, frames are written as decoded.</source>
            <translation>Eingangsfarbraum (je Medium, wie im Inspektor eingestellt) → Arbeitsfarbraum → Look → Ausgabe. Ohne Haken werden die Bilder so geschrieben, wie sie dekodiert wurden.</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Keiner</translation>
        </message>
        <message>
            <source>LUT file</source>
            <translation>LUT-Datei</translation>
        </message>
        <message>
            <source>CDL file</source>
            <translation>CDL-Datei</translation>
        </message>
        <message>
            <source>CDL values</source>
            <translation>CDL-Werte</translation>
        </message>
        <message>
            <source>LUT File</source>
            <translation>LUT-Datei</translation>
        </message>
        <message>
            <source>LUT files (*.cube *.3dl *.csp *.spi1d *.spi3d);;All files (*)</source>
            <translation>LUT-Dateien (*.cube *.3dl *.csp *.spi1d *.spi3d);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>CDL File</source>
            <translation>CDL-Datei</translation>
        </message>
        <message>
            <source>ASC CDL (*.cdl *.cc *.ccc);;All files (*)</source>
            <translation>ASC CDL (*.cdl *.cc *.ccc);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>R</source>
            <translation>R</translation>
        </message>
        <message>
            <source>G</source>
            <translation>G</translation>
        </message>
        <message>
            <source>B</source>
            <translation>B</translation>
        </message>
        <message>
            <source>Slope</source>
            <translation>Slope</translation>
        </message>
        <message>
            <source>Offset</source>
            <translation>Offset</translation>
        </message>
        <message>
            <source>Power</source>
            <translation>Power</translation>
        </message>
        <message>
            <source>Saturation</source>
            <translation>Sättigung</translation>
        </message>
        <message>
            <source>Colour space</source>
            <translation>Farbraum</translation>
        </message>
        <message>
            <source>Display and view</source>
            <translation>Display und View</translation>
        </message>
        <message>
            <source>Working space</source>
            <translation>Arbeitsfarbraum</translation>
        </message>
        <message>
            <source>Look</source>
            <translation>Look</translation>
        </message>
        <message>
            <source>LUT</source>
            <translation>LUT</translation>
        </message>
        <message>
            <source>CDL</source>
            <translation>CDL</translation>
        </message>
        <message>
            <source>Output space</source>
            <translation>Ausgabefarbraum</translation>
        </message>
        <message>
            <source>Display</source>
            <translation>Display</translation>
        </message>
        <message>
            <source>View</source>
            <translation>View</translation>
        </message>
        <message>
            <source>Same as input</source>
            <translation>Wie Eingang</translation>
        </message>
        <message>
            <source>OpenEXR</source>
            <translation>OpenEXR</translation>
        </message>
        <message>
            <source>Half float (16-bit)</source>
            <translation>Half Float (16 Bit)</translation>
        </message>
        <message>
            <source>Float (32-bit)</source>
            <translation>Float (32 Bit)</translation>
        </message>
        <message>
            <source>ZIP (lossless)</source>
            <translation>ZIP (verlustfrei)</translation>
        </message>
        <message>
            <source>PIZ (lossless)</source>
            <translation>PIZ (verlustfrei)</translation>
        </message>
        <message>
            <source>DWAA (lossy, small)</source>
            <translation>DWAA (verlustbehaftet, klein)</translation>
        </message>
        <message>
            <source>No depth</source>
            <translation>Keine Tiefe</translation>
        </message>
        <message>
            <source>Single part: R, G, B, A, Z</source>
            <translation>Ein Teil: R, G, B, A, Z</translation>
        </message>
        <message>
            <source>Blender layers: ViewLayer.Combined, ViewLayer.Depth.Z</source>
            <translation>Blender-Ebenen: ViewLayer.Combined, ViewLayer.Depth.Z</translation>
        </message>
        <message>
            <source>Depth is written where the picture has it (EXR media with depth, blocking renders).</source>
            <translation>Tiefe wird geschrieben, wo das Bild sie hat (EXR-Medien mit Tiefe, Blocking-Renderings).</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>Samples</translation>
        </message>
        <message>
            <source>Compression</source>
            <translation>Kompression</translation>
        </message>
        <message>
            <source>Depth</source>
            <translation>Tiefe</translation>
        </message>
        <message>
            <source>Float EXR, metres (Z)</source>
            <translation>Float-EXR, Meter (Z)</translation>
        </message>
        <message>
            <source>16-bit PNG, millimetres</source>
            <translation>16-Bit-PNG, Millimeter</translation>
        </message>
        <message>
            <source>8-bit PNG preview, near is white</source>
            <translation>8-Bit-PNG-Vorschau, nah ist weiß</translation>
        </message>
        <message>
            <source>Depth comes from the depth model when one is given, else the media&apos;s depth channel, else the shot&apos;s blocking scene; a shot with none of these cannot be exported.</source>
            <translation>Die Tiefe stammt aus dem Tiefenmodell, falls eines angegeben ist, sonst aus dem Tiefenkanal des Mediums, sonst aus der Blocking-Szene der Einstellung; eine Einstellung ohne all das kann nicht exportiert werden.</translation>
        </message>
        <message>
            <source>None: the shot&apos;s own depth</source>
            <translation>Keines: die eigene Tiefe der Einstellung</translation>
        </message>
        <message>
            <source>A TorchScript depth model of your own (picture in, depth in metres out), run on the device chosen in Settings.</source>
            <translation>Ein eigenes TorchScript-Tiefenmodell (Bild hinein, Tiefe in Metern heraus), ausgeführt auf dem in den Einstellungen gewählten Gerät.</translation>
        </message>
        <message>
            <source>Depth Model</source>
            <translation>Tiefenmodell</translation>
        </message>
        <message>
            <source>TorchScript models (*.pt *.pth *.ts);;All files (*)</source>
            <translation>TorchScript-Modelle (*.pt *.pth *.ts);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Depth model</source>
            <translation>Tiefenmodell</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>USD (.usda)</source>
            <translation>USD (.usda)</translation>
        </message>
        <message>
            <source>Nuke (.chan)</source>
            <translation>Nuke (.chan)</translation>
        </message>
        <message>
            <source>Blender Python script (.py)</source>
            <translation>Blender-Python-Skript (.py)</translation>
        </message>
        <message>
            <source>Export Sequence As</source>
            <translation>Sequenz exportieren als</translation>
        </message>
        <message>
            <source>Export As</source>
            <translation>Exportieren als</translation>
        </message>
        <message>
            <source>%1 files (*.%2)</source>
            <translation>%1-Dateien (*.%2)</translation>
        </message>
        <message>
            <source>Choose a LUT file for the look, or no look.</source>
            <translation>Wählen Sie eine LUT-Datei für den Look oder keinen Look.</translation>
        </message>
        <message>
            <source>Choose a CDL file for the look, or no look.</source>
            <translation>Wählen Sie eine CDL-Datei für den Look oder keinen Look.</translation>
        </message>
        <message>
            <source>The OCIO config has no display to write for.</source>
            <translation>Die OCIO-Konfiguration hat kein Display, für das geschrieben werden kann.</translation>
        </message>
        <message>
            <source>Choose where to write the export.</source>
            <translation>Wählen Sie, wohin exportiert wird.</translation>
        </message>
        <message>
            <source>Set In (I) and Out (O) around the frames to export, or export the whole timeline.</source>
            <translation>Setzen Sie In (I) und Out (O) um die zu exportierenden Bilder oder exportieren Sie die ganze Timeline.</translation>
        </message>
        <message>
            <source>Select a shot to export first.</source>
            <translation>Wählen Sie zuerst eine Einstellung zum Exportieren aus.</translation>
        </message>
        <message>
            <source>The In–Out selection holds no shot.</source>
            <translation>Die In–Out-Auswahl enthält keine Einstellung.</translation>
        </message>
        <message>
            <source>Nothing to export: the range holds no frames.</source>
            <translation>Nichts zu exportieren: Der Bereich enthält keine Bilder.</translation>
        </message>
        <message>
            <source>Export %1</source>
            <translation>%1 exportieren</translation>
        </message>
        <message>
            <source>Export depth maps %1</source>
            <translation>Tiefenkarten %1 exportieren</translation>
        </message>
        <message>
            <source>The shot to export is gone.</source>
            <translation>Die zu exportierende Einstellung gibt es nicht mehr.</translation>
        </message>
        <message>
            <source>Exporting %1 in the background.</source>
            <translation>%1 wird im Hintergrund exportiert.</translation>
        </message>
        <message>
            <source>Wrote %1.</source>
            <translation>%1 geschrieben.</translation>
        </message>
        <message>
            <source>Importing %1</source>
            <translation>Import von %1</translation>
        </message>
        <message>
            <source>the folder does not exist</source>
            <translation>der Ordner existiert nicht</translation>
        </message>
        <message>
            <source>Full range</source>
            <translation>Voller Wertebereich</translation>
        </message>
        <message>
            <source>Full-range YUV instead of limited (video) range. Delivery specifications, broadcast and web players expect limited range; ProRes is always limited.</source>
            <translation>YUV im vollen statt im begrenzten (Video-)Wertebereich. Lieferspezifikationen, Fernsehen und Web-Player erwarten den begrenzten Bereich; ProRes ist immer begrenzt.</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Kennzeichnung</translation>
        </message>
        <message>
            <source>DNxHR HQX (10-bit, .mov)</source>
            <translation>DNxHR HQX (10 Bit, .mov)</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it?</source>
            <translation>%1 existiert bereits. Ersetzen?</translation>
        </message>
        <message>
            <source>%1 files of this export already exist, %2 among them. Replace them?</source>
            <translation>%1 Dateien dieses Exports existieren bereits, darunter %2. Ersetzen?</translation>
        </message>
        <message>
            <source>Replace Files</source>
            <translation>Dateien ersetzen</translation>
        </message>
        <message>
        <source>A depth model of your own (picture in, depth in metres out; an AOTInductor .pt2 package or TorchScript), run on the device chosen in Settings. docs/models.md describes the interface.</source>
        <translation>Ein eigenes Tiefenmodell (Bild hinein, Tiefe in Metern heraus; ein AOTInductor-.pt2-Paket oder TorchScript), ausgeführt auf dem in den Einstellungen gewählten Gerät. docs/models.md beschreibt die Schnittstelle.</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>The correction of the collection to apply (as --cdl-id).</source>
        <translation>Die anzuwendende Korrektur der Sammlung (wie --cdl-id).</translation>
    </message>
    <message>
        <source>Send to Farm…</source>
        <translation>An Farm senden…</translation>
    </message>
    <message>
        <source>Export on the render farm (Slurm), in parts of frames; the Jobs panel follows it.</source>
        <translation>Auf der Renderfarm (Slurm) exportieren, in Teilen von Frames; das Jobs-Panel verfolgt es.</translation>
    </message>
    <message>
        <source>Save the project first: the farm&apos;s nodes read it.</source>
        <translation>Speichern Sie zuerst das Projekt: die Knoten der Farm lesen es.</translation>
    </message>
    <message>
        <source>Farm: export %1</source>
        <translation>Farm: %1 exportieren</translation>
    </message>
    <message>
        <source>Exporting %1 on the farm.</source>
        <translation>%1 wird auf der Farm exportiert.</translation>
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
        <message>
            <source>The OCIO config %1 has no display “%2”.</source>
            <translation>Die OCIO-Konfiguration %1 hat kein Display „%2“.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ColourInspector</name>
        <message>
            <source>Colour</source>
            <translation>Farbe</translation>
        </message>
        <message>
            <source>The colour space the media&apos;s pixels are in. Automatic reads the file&apos;s colour tags, else the OCIO config&apos;s file rules. The viewer and every export use it.</source>
            <translation>Der Farbraum, in dem die Pixel des Mediums vorliegen. „Automatisch“ liest die Farbkennzeichnung der Datei, sonst die Dateiregeln der OCIO-Konfiguration. Der Viewer und jeder Export verwenden ihn.</translation>
        </message>
        <message>
            <source>Input colour space</source>
            <translation>Eingangsfarbraum</translation>
        </message>
        <message>
            <source>Automatic (%1)</source>
            <translation>Automatisch (%1)</translation>
        </message>
        <message>
            <source>%1 (not in this config)</source>
            <translation>%1 (nicht in dieser Konfiguration)</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatisch</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::TakesInspector</name>
        <message>
            <source>By</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>Takes</source>
            <translation>Takes</translation>
        </message>
        <message>
            <source>Show take</source>
            <translation>Take zeigen</translation>
        </message>
        <message>
            <source>Take</source>
            <translation>Take</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>Engine</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <source>Double-click a take to show it over its range (undoable).</source>
            <translation>Doppelklick auf einen Take zeigt ihn über seinem Bereich (rückgängig machbar).</translation>
        </message>
        <message>
            <source>Show the selected take over its range</source>
            <translation>Den gewählten Take über seinem Bereich zeigen</translation>
        </message>
        <message>
            <source>Put the playhead on the selected shot to see its takes.</source>
            <translation>Die Abspielmarke auf die gewählte Einstellung setzen, um ihre Takes zu sehen.</translation>
        </message>
        <message>
            <source>Takes at frame %1 of the shot.</source>
            <translation>Takes bei Bild %1 der Einstellung.</translation>
        </message>
        <message>
            <source>No takes at frame %1 of the shot: regenerate a range to make one.</source>
            <translation>Keine Takes bei Bild %1 der Einstellung: einen Bereich neu generieren, um einen zu erstellen.</translation>
        </message>
        <message>
            <source>Take %1 (frames %2)</source>
            <translation>Take %1 (Bilder %2)</translation>
        </message>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>Shown at this frame</source>
            <translation>Bei diesem Bild gezeigt</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::InspectorWidget</name>
        <message>
            <source>Passed to your model, if its forward() takes a prompt.</source>
            <translation>Wird an Ihr Modell übergeben, wenn sein forward() einen Prompt annimmt.</translation>
        </message>
        <message>
            <source>The %1 engine fills from the footage and does not read a prompt; the text is kept with each take as a note. Only the model engine (your TorchScript file) can read one.</source>
            <translation>Die Engine %1 füllt aus dem Material und liest keinen Prompt; der Text bleibt bei jedem Take als Notiz erhalten. Nur die Modell-Engine (Ihre TorchScript-Datei) kann einen lesen.</translation>
        </message>
        <message>
            <source>Read by the model engine</source>
            <translation>Von der Modell-Engine gelesen</translation>
        </message>
        <message>
            <source>Not read by %1; kept as a note on the take</source>
            <translation>Von %1 nicht gelesen; als Notiz beim Take behalten</translation>
        </message>
        <message numerus="yes">
            <source>A gap in the edit (black, %n frame(s))</source>
            <translation>
                <numerusform>Eine Lücke im Schnitt (schwarz, %n Bild)</numerusform>
                <numerusform>Eine Lücke im Schnitt (schwarz, %n Bilder)</numerusform>
            </translation>
        </message>
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
            <source>%1 (frames %2)</source>
            <translation>%1 (Bilder %2)</translation>
        </message>
        <message>
            <source>Regeneration</source>
            <translation>Neugenerierung</translation>
        </message>
        <message>
            <source>The same seed, engine, parameters and frames give the same take.</source>
            <translation>Gleicher Seed, gleiche Engine, Parameter und Bilder ergeben denselben Take.</translation>
        </message>
        <message>
            <source>name=value …</source>
            <translation>name=wert …</translation>
        </message>
        <message>
            <source>Engine parameters, separated by spaces; empty uses the defaults:
%1</source>
            <translation>Engine-Parameter, durch Leerzeichen getrennt; leer verwendet die Standardwerte:
%1</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>Engine</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Engine parameter “%1” is not of the form name=value.</source>
            <translation>Der Engine-Parameter „%1“ hat nicht die Form name=wert.</translation>
        </message>
        <message>
        <source>A .pt2 package or TorchScript file</source>
        <translation>Ein .pt2-Paket oder eine TorchScript-Datei</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The chosen model&apos;s forward() takes no prompt (an AOTInductor package takes tensors only); the text is kept with each take as a note.</source>
        <translation>forward() des gewählten Modells nimmt keinen Prompt (ein AOTInductor-Paket nimmt nur Tensoren); der Text wird mit jedem Take als Notiz gespeichert.</translation>
    </message>
    <message>
        <source>Not read by this model; kept as a note on the take</source>
        <translation>Von diesem Modell nicht gelesen; als Notiz beim Take gespeichert</translation>
    </message>
    <message>
        <source>%1 %2 (%3 keys)</source>
        <translation>%1 %2 (%3 Schlüsselbilder)</translation>
    </message>
    <message>
        <source>A clean plate: a picture of what the mask hides, filled in first.</source>
        <translation>Eine saubere Plate: ein Bild dessen, was die Maske verdeckt, zuerst eingefüllt.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Clean Plate</source>
        <translation>Saubere Plate</translation>
    </message>
    <message>
        <source>Clean plate</source>
        <translation>Saubere Plate</translation>
    </message>
    <message>
        <source>First of the range</source>
        <translation>Erstes des Bereichs</translation>
    </message>
    <message>
        <source>Images (*.png *.exr *.tif *.tiff *.jpg *.jpeg);;All files (*)</source>
        <translation>Bilder (*.png *.exr *.tif *.tiff *.jpg *.jpeg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Nothing (a still picture)</source>
        <translation>Nichts (ein Standbild)</translation>
    </message>
    <message>
        <source>Pin the plate to a painted shape that tracks the surface it shows (a planar track): the plate moves with it.</source>
        <translation>Die Plate an eine gemalte Form heften, die der gezeigten Fläche folgt (ein planares Tracking): die Plate bewegt sich mit.</translation>
    </message>
    <message>
        <source>Plate follows</source>
        <translation>Plate folgt</translation>
    </message>
    <message>
        <source>Plate frame</source>
        <translation>Bild der Plate</translation>
    </message>
    <message>
        <source>The shot frame whose view of the surface the plate shows.</source>
        <translation>Das Bild der Einstellung, dessen Ansicht der Fläche die Plate zeigt.</translation>
    </message>
</context>
    <context>
        <name>retake::gui::JobsWidget</name>
        <message>
            <source>No jobs. Select a range and press R to regenerate it.</source>
            <translation>Keine Aufträge. Wählen Sie einen Bereich und drücken Sie R, um ihn neu zu generieren.</translation>
        </message>
        <message>
            <source>Clear Finished</source>
            <translation>Beendete entfernen</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::MainWindow</name>
        <message>
            <source>Tracking in the background: progress and Cancel are in the Jobs panel.</source>
            <translation>Verfolgen im Hintergrund: Fortschritt und Abbrechen im Auftragsbereich.</translation>
        </message>
        <message>
            <source>Mask Painting</source>
            <translation>Maske malen</translation>
        </message>
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
        <message>
            <source>Jobs</source>
            <translation>Aufträge</translation>
        </message>
        <message>
            <source>&amp;Take at Playhead</source>
            <translation>&amp;Take an der Abspielmarke</translation>
        </message>
        <message>
            <source>Jobs Running</source>
            <translation>Aufträge laufen</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s) have not finished.</source>
            <translation>
                <numerusform>%n Auftrag ist nicht beendet.</numerusform>
                <numerusform>%n Aufträge sind nicht beendet.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel them and close? Cancelled jobs change nothing.</source>
            <translation>Abbrechen und schließen? Abgebrochene Aufträge ändern nichts.</translation>
        </message>
        <message>
            <source>Cancel Jobs and &amp;Close</source>
            <translation>Aufträge abbrechen und &amp;schließen</translation>
        </message>
        <message>
            <source>&amp;Keep Working</source>
            <translation>&amp;Weiterarbeiten</translation>
        </message>
        <message>
            <source>Re&amp;frame…</source>
            <translation>Neu &amp;kadrieren…</translation>
        </message>
        <message>
            <source>Autosave failed: %1</source>
            <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::MaskPaintOverlay</name>
        <message>
            <source>Set In and Out (I, O) to paint on a frame range.</source>
            <translation>In und Out (I, O) setzen, um auf einem Bildbereich zu malen.</translation>
        </message>
        <message>
            <source>The In/Out range does not cover the shot at the playhead.</source>
            <translation>Der In/Out-Bereich deckt die Einstellung an der Abspielmarke nicht ab.</translation>
        </message>
        <message>
            <source>Select a shape to move first.</source>
            <translation>Zuerst eine Form zum Verschieben wählen.</translation>
        </message>
        <message>
            <source>There is no shot at the playhead to paint on.</source>
            <translation>An der Abspielmarke liegt keine Einstellung zum Bemalen.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::MaskTools</name>
        <message>
            <source>Deforming (outline by optical flow)</source>
            <translation>Verformt sich (Umriss folgt dem Bild)</translation>
        </message>
        <message>
            <source>What the shape covers: something that moves, turns and scales, a flat surface seen in perspective (a sign, a screen, a wall), or something that changes shape (a face, cloth, a hand: each point of the outline follows the picture).</source>
            <translation>Was die Form bedeckt: etwas, das sich bewegt, dreht und skaliert, eine ebene Fläche in Perspektive (ein Schild, ein Bildschirm, eine Wand) oder etwas, das seine Form ändert (ein Gesicht, Stoff, eine Hand: jeder Punkt des Umrisses folgt dem Bild).</translation>
        </message>
        <message>
            <source>A key every frame</source>
            <translation>Ein Key pro Bild</translation>
        </message>
        <message>
            <source>Leave out the keys that the straight motion between their neighbours gives within this many pixels: fewer keys to edit.</source>
            <translation>Keys weglassen, die die gerade Bewegung zwischen ihren Nachbarn auf so viele Pixel genau ergibt: weniger Keys zum Bearbeiten.</translation>
        </message>
        <message>
            <source>Keys within:</source>
            <translation>Keys bis auf:</translation>
        </message>
        <message>
            <source>Flat surface (perspective)</source>
            <translation>Ebene Fläche (Perspektive)</translation>
        </message>
        <message>
            <source>Forward ▶</source>
            <translation>Vorwärts ▶</translation>
        </message>
        <message>
            <source>Make the selected shape follow the picture from the playhead back to the start of its mask</source>
            <translation>Die gewählte Form vom Abspielkopf rückwärts bis zum Anfang ihrer Maske dem Bild folgen lassen</translation>
        </message>
        <message>
            <source>Make the selected shape follow the picture from the playhead both ways</source>
            <translation>Die gewählte Form vom Abspielkopf in beide Richtungen dem Bild folgen lassen</translation>
        </message>
        <message>
            <source>Make the selected shape follow the picture from the playhead to the end of its mask</source>
            <translation>Die gewählte Form vom Abspielkopf bis zum Ende ihrer Maske dem Bild folgen lassen</translation>
        </message>
        <message>
            <source>Moving object</source>
            <translation>Bewegtes Objekt</translation>
        </message>
        <message>
            <source>Select a brush stroke, rectangle, ellipse or polygon to track.</source>
            <translation>Einen Pinselstrich, ein Rechteck, eine Ellipse oder ein Polygon zum Verfolgen wählen.</translation>
        </message>
        <message>
            <source>Track a mask shape of &quot;%1&quot; %2 from frame %3</source>
            <translation>Maskenform von „%1“ %2 ab Bild %3 verfolgen</translation>
        </message>
        <message>
            <source>Track:</source>
            <translation>Verfolgen:</translation>
        </message>
        <message>
            <source>Tracking runs as a job, and there is no job queue here.</source>
            <translation>Das Verfolgen läuft als Auftrag, und hier gibt es keine Auftragsliste.</translation>
        </message>
        <message>
            <source>backward</source>
            <translation>rückwärts</translation>
        </message>
        <message>
            <source>both ways</source>
            <translation>in beide Richtungen</translation>
        </message>
        <message>
            <source>forward</source>
            <translation>vorwärts</translation>
        </message>
        <message>
            <source>◀ Backward</source>
            <translation>◀ Rückwärts</translation>
        </message>
        <message>
            <source>◀ Both ▶</source>
            <translation>◀ Beide ▶</translation>
        </message>
        <message>
            <source>Delete Key at Playhead</source>
            <translation>Keyframe an Abspielmarke löschen</translation>
        </message>
        <message>
            <source>Delete the selected shape's key at the playhead: the shape holds or moves between its other keys</source>
            <translation>Den Keyframe der gewählten Form an der Abspielmarke löschen: die Form bleibt stehen oder bewegt sich zwischen ihren übrigen Keyframes</translation>
        </message>
        <message>
            <source> · key on this frame</source>
            <translation> · Keyframe auf diesem Bild</translation>
        </message>
        <message>
            <source>Select a brush stroke, rectangle, ellipse or polygon whose key to delete.</source>
            <translation>Einen Pinselstrich, ein Rechteck, eine Ellipse oder ein Polygon wählen, dessen Keyframe gelöscht werden soll.</translation>
        </message>
        <message>
            <source>The selected shape has no key at the playhead; move the playhead to one of its keys.</source>
            <translation>Die gewählte Form hat keinen Keyframe an der Abspielmarke; die Abspielmarke auf einen ihrer Keyframes setzen.</translation>
        </message>
        <message>
            <source>Eraser stroke</source>
            <translation>Radierer-Strich</translation>
        </message>
        <message>
            <source>Brush stroke</source>
            <translation>Pinselstrich</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation>Rechteck</translation>
        </message>
        <message>
            <source>Ellipse</source>
            <translation>Ellipse</translation>
        </message>
        <message>
            <source>Polygon</source>
            <translation>Polygon</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Leeren</translation>
        </message>
        <message>
            <source>Fill</source>
            <translation>Füllen</translation>
        </message>
        <message>
            <source>Invert</source>
            <translation>Umkehren</translation>
        </message>
        <message>
            <source>&amp;Paint Mask</source>
            <translation>Maske &amp;malen</translation>
        </message>
        <message>
            <source>Paint the mask of the shot at the playhead on the viewer.</source>
            <translation>Die Maske der Einstellung an der Abspielmarke im Viewer malen.</translation>
        </message>
        <message>
            <source>&amp;Brush</source>
            <translation>&amp;Pinsel</translation>
        </message>
        <message>
            <source>&amp;Eraser</source>
            <translation>&amp;Radierer</translation>
        </message>
        <message>
            <source>Move / Key</source>
            <translation>Verschieben / Keyframe</translation>
        </message>
        <message>
            <source>Brush (B): paint the mask</source>
            <translation>Pinsel (B): Maske malen</translation>
        </message>
        <message>
            <source>Eraser (E): remove from the mask</source>
            <translation>Radierer (E): aus der Maske entfernen</translation>
        </message>
        <message>
            <source>Polygon: click the corners, double-click or press Enter to close</source>
            <translation>Polygon: Ecken anklicken, zum Schließen doppelklicken oder Eingabe drücken</translation>
        </message>
        <message>
            <source>Drag the selected shape: keys it at the playhead, so it moves between keys</source>
            <translation>Gewählte Form ziehen: setzt einen Keyframe an der Abspielmarke, die Form bewegt sich zwischen den Keyframes</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source> %</source>
            <translation> %</translation>
        </message>
        <message>
            <source>Whole shot</source>
            <translation>Ganze Einstellung</translation>
        </message>
        <message>
            <source>In to Out</source>
            <translation>In bis Out</translation>
        </message>
        <message>
            <source>Current frame</source>
            <translation>Aktuelles Bild</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Größe:</translation>
        </message>
        <message>
            <source>Hardness:</source>
            <translation>Härte:</translation>
        </message>
        <message>
            <source>Paint on:</source>
            <translation>Malen auf:</translation>
        </message>
        <message>
            <source>Fill the whole frame on the chosen frames</source>
            <translation>Auf den gewählten Bildern das ganze Bild füllen</translation>
        </message>
        <message>
            <source>Invert the mask on the chosen frames</source>
            <translation>Die Maske auf den gewählten Bildern umkehren</translation>
        </message>
        <message>
            <source>Clear the mask on the chosen frames</source>
            <translation>Die Maske auf den gewählten Bildern leeren</translation>
        </message>
        <message>
            <source>Copy to In/Out</source>
            <translation>Nach In/Out kopieren</translation>
        </message>
        <message>
            <source>Copy the mask at the playhead to every frame from In to Out</source>
            <translation>Die Maske an der Abspielmarke auf jedes Bild von In bis Out kopieren</translation>
        </message>
        <message>
            <source>Key Shape at Playhead</source>
            <translation>Keyframe der Form an Abspielmarke setzen</translation>
        </message>
        <message>
            <source>Pin the selected shape where it is now at the playhead</source>
            <translation>Die gewählte Form an ihrer jetzigen Stelle an der Abspielmarke festhalten</translation>
        </message>
        <message>
            <source>Delete Shape</source>
            <translation>Form löschen</translation>
        </message>
        <message>
            <source>Delete the selected shape</source>
            <translation>Die gewählte Form löschen</translation>
        </message>
        <message>
            <source>Shapes (bottom to top):</source>
            <translation>Formen (von unten nach oben):</translation>
        </message>
        <message>
            <source>%1. %2</source>
            <translation>%1. %2</translation>
        </message>
        <message>
            <source> · %1 keys</source>
            <translation> · %1 Keyframes</translation>
        </message>
        <message>
            <source> · not on this frame</source>
            <translation> · nicht auf diesem Bild</translation>
        </message>
        <message>
            <source>There is no shot at the playhead to paint on.</source>
            <translation>An der Abspielmarke liegt keine Einstellung zum Bemalen.</translation>
        </message>
        <message>
            <source>The shot has no painted mask to clear.</source>
            <translation>Die Einstellung hat keine gemalte Maske zum Leeren.</translation>
        </message>
        <message>
            <source>The shot at the playhead has no painted mask to copy.</source>
            <translation>Die Einstellung an der Abspielmarke hat keine gemalte Maske zum Kopieren.</translation>
        </message>
        <message>
            <source>Select a brush stroke, rectangle, ellipse or polygon to key.</source>
            <translation>Einen Pinselstrich, ein Rechteck, eine Ellipse oder ein Polygon für den Keyframe wählen.</translation>
        </message>
        <message>
            <source>Select a shape to delete.</source>
            <translation>Eine Form zum Löschen wählen.</translation>
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
        <name>retake::gui::ReframeDialog</name>
        <message>
            <source>Handheld</source>
            <translation>Handkamera</translation>
        </message>
        <message>
            <source>Reframe “%1”</source>
            <translation>„%1“ neu kadrieren</translation>
        </message>
        <message>
            <source>Frames %1 of “%2” become a new take. Pixels the new framing needs from outside the picture are filled by the %3 engine; locked frames stay as they are.</source>
            <translation>Die Bilder %1 von „%2“ werden zu einem neuen Take. Pixel, die der neue Ausschnitt außerhalb des Bildes braucht, füllt die Engine %3; gesperrte Bilder bleiben unverändert.</translation>
        </message>
        <message>
            <source>Lens and angle</source>
            <translation>Objektiv und Winkel</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>Focal length</source>
            <translation>Brennweite</translation>
        </message>
        <message>
            <source>×</source>
            <translation>×</translation>
        </message>
        <message>
            <source>The focal length times this factor: above 1 crops in, below 1 widens the view and the engine fills the new border.</source>
            <translation>Die Brennweite mal diesem Faktor: über 1 wird der Ausschnitt enger, unter 1 weiter, und die Engine füllt den neuen Rand.</translation>
        </message>
        <message>
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <source>The new focal length (the shot&apos;s is %1 mm).</source>
            <translation>Die neue Brennweite (die der Einstellung: %1 mm).</translation>
        </message>
        <message>
            <source>°</source>
            <translation>°</translation>
        </message>
        <message>
            <source>Left positive.</source>
            <translation>Links positiv.</translation>
        </message>
        <message>
            <source>Up positive.</source>
            <translation>Oben positiv.</translation>
        </message>
        <message>
            <source>Counter-clockwise seen from behind the camera.</source>
            <translation>Gegen den Uhrzeigersinn, von hinter der Kamera gesehen.</translation>
        </message>
        <message>
            <source>Pan</source>
            <translation>Schwenk</translation>
        </message>
        <message>
            <source>Tilt</source>
            <translation>Neigung</translation>
        </message>
        <message>
            <source>Roll</source>
            <translation>Rollen</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <source>The same seed gives the same handheld motion and the same fill.</source>
            <translation>Derselbe Seed ergibt dieselbe Handkamerabewegung und dieselbe Füllung.</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Verfahren</translation>
        </message>
        <message>
            <source>2D: warp the picture</source>
            <translation>2D: Bild verzerren</translation>
        </message>
        <message>
            <source>No depth needed. Handheld position shake is approximated for a plane at the focus distance; lens distortion is kept.</source>
            <translation>Keine Tiefe nötig. Das Positionswackeln der Handkamera wird für eine Ebene in Fokusentfernung angenähert; die Objektivverzeichnung bleibt erhalten.</translation>
        </message>
        <message>
            <source>2.5D: move the camera through the depth</source>
            <translation>2,5D: Kamera durch die Tiefe bewegen</translation>
        </message>
        <message>
            <source>right </source>
            <translation>rechts </translation>
        </message>
        <message>
            <source>up </source>
            <translation>oben </translation>
        </message>
        <message>
            <source>forward </source>
            <translation>vor </translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Bewegung</translation>
        </message>
        <message>
            <source>Uncovered pixels are filled by the engine.</source>
            <translation>Freigelegte Pixel füllt die Engine.</translation>
        </message>
        <message>
            <source>This shot has no depth (an EXR Z channel or a blocking render): only the 2D warp is possible.</source>
            <translation>Diese Einstellung hat keine Tiefe (einen EXR-Z-Kanal oder ein Blocking-Rendering): nur die 2D-Verzerrung ist möglich.</translation>
        </message>
        <message>
            <source>Reframe</source>
            <translation>Neu kadrieren</translation>
        </message>
        <message>
            <source>Select a shot to reframe first.</source>
            <translation>Wählen Sie zuerst eine Einstellung zum Neukadrieren.</translation>
        </message>
        <message>
            <source>Reframing in the background.</source>
            <translation>Neukadrierung läuft im Hintergrund.</translation>
        </message>
        <message>
            <source>Reframe “%1”, frames %2</source>
            <translation>„%1“ neu kadrieren, Bilder %2</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::SettingsDialog</name>
        <message>
            <source>Recorded with each take and lock you make (the project&apos;s credit map) and in signed exports. Empty: your login name.</source>
            <translation>Wird mit jedem Take und jeder Sperre gespeichert, die Sie anlegen (die Credit-Übersicht des Projekts), und in signierten Exporten. Leer: Ihr Anmeldename.</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Ihr Name</translation>
        </message>
        <message>
            <source>Give both the signing certificate and its key, or neither.</source>
            <translation>Geben Sie das Signaturzertifikat und seinen Schlüssel an, oder keines von beiden.</translation>
        </message>
        <message>
            <source>None: exports are not signed</source>
            <translation>Keines: Exporte werden nicht signiert</translation>
        </message>
        <message>
            <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>PEM keys (*.pem *.key);;All files (*)</source>
            <translation>PEM-Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Signing Certificate</source>
            <translation>Signaturzertifikat</translation>
        </message>
        <message>
            <source>Signing Key</source>
            <translation>Signaturschlüssel</translation>
        </message>
        <message>
            <source>Signing certificate</source>
            <translation>Signaturzertifikat</translation>
        </message>
        <message>
            <source>Signing key</source>
            <translation>Signaturschlüssel</translation>
        </message>
        <message>
            <source>The certificate&apos;s private key, PEM. Read when signing; never copied into projects, logs or exports.</source>
            <translation>Der private Schlüssel des Zertifikats, PEM. Wird beim Signieren gelesen; nie in Projekte, Protokolle oder Exporte kopiert.</translation>
        </message>
        <message>
            <source>The signing certificate cannot be used.</source>
            <translation>Das Signaturzertifikat kann nicht verwendet werden.</translation>
        </message>
        <message>
            <source>Your Content Credentials (C2PA) certificate chain, PEM, yours first. Exports can then carry a signed record of what was generated, by what, from which sources.</source>
            <translation>Ihre Content-Credentials-Zertifikatskette (C2PA), PEM, Ihres zuerst. Exporte können dann einen signierten Nachweis tragen, was generiert wurde, womit und aus welchen Quellen.</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <source>Half size</source>
            <translation>Halbe Größe</translation>
        </message>
        <message>
            <source>Quarter size</source>
            <translation>Viertelgröße</translation>
        </message>
        <message>
            <source>Long-GOP or larger-than-HD video gets an all-intra copy at this size, made in the background, so every jump in the viewer decodes one small picture. Only the viewer uses them: export, regeneration and masks always read the original.</source>
            <translation>Long-GOP-Video oder Video über HD erhält im Hintergrund eine Kopie nur aus Keyframes in dieser Größe, sodass jeder Sprung im Viewer ein kleines Bild dekodiert. Nur der Viewer nutzt sie: Export, Regenerierung und Masken lesen immer das Original.</translation>
        </message>
        <message>
            <source>Proxies</source>
            <translation>Proxys</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Retake&apos;s bundled ACES config</source>
            <translation>Die mit Retake gelieferte ACES-Konfiguration</translation>
        </message>
        <message>
            <source>An OCIO config (.ocio) for the viewer&apos;s display transform; empty uses the config bundled with Retake.</source>
            <translation>Eine OCIO-Konfiguration (.ocio) für die Display-Transformation des Viewers; leer verwendet die mit Retake gelieferte.</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Keiner</translation>
        </message>
        <message>
            <source>A LUT file (.cube, .3dl, .spi3d, …) the viewer applies as a look.</source>
            <translation>Eine LUT-Datei (.cube, .3dl, .spi3d, …), die der Viewer als Look anwendet.</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>CUDA GPU</source>
            <translation>CUDA-GPU</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Memory for frames the viewer has shown, so scrubbing back is instant.</source>
            <translation>Speicher für bereits angezeigte Bilder, damit Zurückscrubben sofort geht.</translation>
        </message>
        <message>
            <source>OCIO config</source>
            <translation>OCIO-Konfiguration</translation>
        </message>
        <message>
            <source>OCIO Config</source>
            <translation>OCIO-Konfiguration</translation>
        </message>
        <message>
            <source>OCIO configs (*.ocio)</source>
            <translation>OCIO-Konfigurationen (*.ocio)</translation>
        </message>
        <message>
            <source>Viewer look</source>
            <translation>Look im Viewer</translation>
        </message>
        <message>
            <source>Look LUT</source>
            <translation>Look-LUT</translation>
        </message>
        <message>
            <source>LUT files (*.cube *.3dl *.csp *.spi1d *.spi3d *.cc *.cdl);;All files (*)</source>
            <translation>LUT-Dateien (*.cube *.3dl *.csp *.spi1d *.spi3d *.cc *.cdl);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Default engine</source>
            <translation>Standard-Engine</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <source>Viewer cache</source>
            <translation>Viewer-Cache</translation>
        </message>
        <message>
            <source>The colour settings cannot be used.</source>
            <translation>Die Farbeinstellungen können nicht verwendet werden.</translation>
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
            <source>Rename Marker “%1”…</source>
            <translation>Marker „%1“ umbenennen …</translation>
        </message>
        <message>
            <source>Rename Marker</source>
            <translation>Marker umbenennen</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Remove Marker “%1”</source>
            <translation>Marker „%1“ entfernen</translation>
        </message>
        <message>
            <source>Marker &quot;%1&quot; on %2 at %3</source>
            <translation>Marker „%1“ auf %2 bei %3</translation>
        </message>
        <message>
            <source>Marker &quot;%1&quot; on %2 from %3 to %4</source>
            <translation>Marker „%1“ auf %2 von %3 bis %4</translation>
        </message>
        <message>
            <source>%1 (offline)</source>
            <translation>%1 (offline)</translation>
        </message>
        <message>
            <source>%1 · frame %2</source>
            <translation>%1 · Bild %2</translation>
        </message>
        <message>
            <source>%1 (not media)</source>
            <translation>%1 (keine Mediendatei)</translation>
        </message>
        <message>
        <source>%1 · audio</source>
        <translation>%1 · Ton</translation>
    </message>
    <message>
        <source>Mute Shot Audio</source>
        <translation>Ton der Einstellung stummschalten</translation>
    </message>
    <message>
        <source>Unmute Shot Audio</source>
        <translation>Ton der Einstellung wieder einschalten</translation>
    </message>
    <message>
        <source>%1 (muted)</source>
        <translation>%1 (stumm)</translation>
    </message>
</context>
    <context>
        <name>retake::gui::ViewerCanvas</name>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>Take</source>
            <translation>Take</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ViewerWidget</name>
        <message>
            <source>PROXY</source>
            <translation>PROXY</translation>
        </message>
        <message>
            <source>This frame is read from the clip&apos;s proxy, a smaller all-intra copy made for the viewer. Export, regeneration and masks always use the original.</source>
            <translation>Dieses Bild stammt aus dem Proxy des Clips, einer kleineren Kopie nur aus Keyframes für den Viewer. Export, Regenerierung und Masken verwenden immer das Original.</translation>
        </message>
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
        <message>
            <source>OCIO display the viewer shows the frames on</source>
            <translation>OCIO-Display, auf dem der Viewer die Bilder zeigt</translation>
        </message>
        <message>
            <source>OCIO view: how scene colours are rendered for the display</source>
            <translation>OCIO-View: wie Szenenfarben für das Display wiedergegeben werden</translation>
        </message>
        <message>
            <source>No colour management</source>
            <translation>Kein Farbmanagement</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::CameraMenu</name>
        <message>
            <source>&amp;Camera</source>
            <translation>&amp;Kamera</translation>
        </message>
        <message>
            <source>Add &amp;Move…</source>
            <translation>&amp;Bewegung hinzufügen…</translation>
        </message>
        <message>
            <source>Write a camera move preset and handheld motion as camera keys.</source>
            <translation>Eine Kamerabewegungsvorgabe und Handkamerabewegung als Kamera-Keys schreiben.</translation>
        </message>
        <message>
            <source>&amp;Render Blocking</source>
            <translation>Blocking &amp;rendern</translation>
        </message>
        <message>
            <source>Render the selected blocking shot&apos;s picture again from its scene and camera (this also happens by itself after each edit).</source>
            <translation>Das Bild der ausgewählten Blocking-Einstellung aus Szene und Kamera neu rendern (geschieht auch von selbst nach jeder Änderung).</translation>
        </message>
        <message>
            <source>The blocking picture was not rendered: %1</source>
            <translation>Das Blocking-Bild wurde nicht gerendert: %1</translation>
        </message>
        <message>
            <source>Select a shot to add a camera move to.</source>
            <translation>Wählen Sie eine Einstellung, der eine Kamerabewegung hinzugefügt werden soll.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::JobRow</name>
        <message>
            <source>Estimating time left…</source>
            <translation>Restzeit wird geschätzt…</translation>
        </message>
        <message>
            <source>About %1 s left</source>
            <translation>Noch etwa %1 s</translation>
        </message>
        <message>
            <source>About %1 min %2 s left</source>
            <translation>Noch etwa %1 min %2 s</translation>
        </message>
        <message>
            <source>About %1 h %2 min left</source>
            <translation>Noch etwa %1 h %2 min</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Wartet</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>Done in %1 s</source>
            <translation>Fertig in %1 s</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Stop this job; the project stays as it was.</source>
            <translation>Diesen Auftrag stoppen; das Projekt bleibt unverändert.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ProjectFiles</name>
        <message>
            <source>Unpacking %1…</source>
            <translation>%1 wird entpackt …</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Import cancelled</source>
            <translation>Import abgebrochen</translation>
        </message>
        <message>
            <source>Import OpenTimelineIO</source>
            <translation>OpenTimelineIO importieren</translation>
        </message>
        <message>
            <source>OpenTimelineIO timelines and bundles (*.otio *.otioz)</source>
            <translation>OpenTimelineIO-Zeitleisten und -Pakete (*.otio *.otioz)</translation>
        </message>
        <message>
            <source>Could not import “%1”.</source>
            <translation>„%1“ konnte nicht importiert werden.</translation>
        </message>
        <message>
            <source>Imported %1; save it as a project to keep it</source>
            <translation>%1 importiert; als Projekt speichern, um es zu behalten</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Unbenannt</translation>
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
            <source>Opened %1; %2</source>
            <translation>%1 geöffnet; %2</translation>
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
            <source>%1 is one frame of a numbered sequence (%2, %n file(s)).</source>
            <translation>
                <numerusform>%1 ist ein Bild einer nummerierten Sequenz (%2, %n Datei).</numerusform>
                <numerusform>%1 ist ein Bild einer nummerierten Sequenz (%2, %n Dateien).</numerusform>
            </translation>
        </message>
        <message>
            <source>Import the whole sequence, or only this file as a still?</source>
            <translation>Die ganze Sequenz importieren oder nur diese Datei als Standbild?</translation>
        </message>
        <message>
            <source>Whole Sequence</source>
            <translation>Ganze Sequenz</translation>
        </message>
        <message>
            <source>Only This File</source>
            <translation>Nur diese Datei</translation>
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
            <source>The timeline is empty: nothing to export.</source>
            <translation>Die Timeline ist leer: nichts zu exportieren.</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::SelectionCommands</name>
        <message>
            <source>Add Marker</source>
            <translation>Marker hinzufügen</translation>
        </message>
        <message>
            <source>Name of the marker at %1:</source>
            <translation>Name des Markers bei %1:</translation>
        </message>
        <message>
            <source>Marker %1</source>
            <translation>Marker %1</translation>
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
            <source>Set In (I) and Out (O) around the frames to regenerate first.</source>
            <translation>Setzen Sie zuerst In (I) und Out (O) um die neu zu generierenden Bilder.</translation>
        </message>
        <message>
            <source>frames %1 of “%2” are all locked</source>
            <translation>die Bilder %1 von „%2“ sind alle gesperrt</translation>
        </message>
        <message>
            <source>Regenerate “%1”, frames %2 (%3)</source>
            <translation>„%1“ neu generieren, Bilder %2 (%3)</translation>
        </message>
        <message>
            <source>Nothing to regenerate: %1.</source>
            <translation>Nichts neu zu generieren: %1.</translation>
        </message>
        <message numerus="yes">
            <source>Regenerating in the background (%n job(s)).</source>
            <translation>
                <numerusform>Neugenerierung im Hintergrund (%n Auftrag).</numerusform>
                <numerusform>Neugenerierung im Hintergrund (%n Aufträge).</numerusform>
            </translation>
        </message>
        <message>
            <source>Regenerating in the background; skipped: %1.</source>
            <translation>Neugenerierung im Hintergrund; übersprungen: %1.</translation>
        </message>
        <message>
            <source>No shot at the playhead</source>
            <translation>Keine Einstellung an der Abspielmarke</translation>
        </message>
        <message>
        <source>Farm: regenerate “%1”, frames %2 (%3)</source>
        <translation>Farm: „%1“ neu generieren, Bilder %2 (%3)</translation>
    </message>
    <message>
        <source>Nothing to regenerate: the frames are locked.</source>
        <translation>Nichts neu zu generieren: Die Bilder sind gesperrt.</translation>
    </message>
    <message>
        <source>Save the project first: the farm&apos;s nodes read it from disk.</source>
        <translation>Zuerst das Projekt speichern: Die Knoten der Farm lesen es von der Platte.</translation>
    </message>
        <message numerus="yes">
            <source>Sent to the farm (%n job(s)); the Jobs panel follows them.</source>
            <translation>
                <numerusform>An die Farm gesendet (%n Auftrag); das Auftragsfenster verfolgt ihn.</numerusform>
                <numerusform>An die Farm gesendet (%n Aufträge); das Auftragsfenster verfolgt sie.</numerusform>
            </translation>
        </message>
</context>
<context>
    <name>retake::gui::ModelFileField</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Load the model, show what it takes and gives, and run it once on a small synthetic picture.</source>
        <translation>Das Modell laden, zeigen, was es nimmt und gibt, und es einmal auf einem kleinen synthetischen Bild ausführen.</translation>
    </message>
    <message>
        <source>Depth Model</source>
        <translation>Tiefenmodell</translation>
    </message>
    <message>
        <source>Inpainting Model</source>
        <translation>Inpainting-Modell</translation>
    </message>
    <message>
        <source>Models: AOTInductor packages and TorchScript (*.pt2 *.pt *.pth *.ts);;All files (*)</source>
        <translation>Modelle: AOTInductor-Pakete und TorchScript (*.pt2 *.pt *.pth *.ts);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No such file</source>
        <translation>Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>SHA-256: computing…</source>
        <translation>SHA-256: wird berechnet…</translation>
    </message>
    <message>
        <source>SHA-256: the file cannot be read</source>
        <translation>SHA-256: die Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>SHA-256: %1…</source>
        <translation>SHA-256: %1…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>%1, %2 model, compiled for %3; %4 ms per frame on %5</source>
        <translation>%1, Modell für %2, kompiliert für %3; %4 ms pro Bild auf %5</translation>
    </message>
</context>
<context>
    <name>retake::gui::FarmDialog</name>
    <message>
        <source>Chunks per task:</source>
        <translation>Chunks pro Task:</translation>
    </message>
    <message>
        <source>Each task regenerates this many of the engine&apos;s chunks (32 frames each by default).</source>
        <translation>Jeder Task generiert so viele Chunks der Engine neu (standardmäßig je 32 Bilder).</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Partition:</translation>
    </message>
    <message>
        <source>Scheduler:</source>
        <translation>Scheduler:</translation>
    </message>
    <message>
        <source>Send to Farm</source>
        <translation>An die Renderfarm senden</translation>
    </message>
    <message>
        <source>Slurm (sbatch)</source>
        <translation>Slurm (sbatch)</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Abschicken</translation>
    </message>
    <message>
        <source>The project is saved first: the farm&apos;s nodes read it, its media and its cache folder from storage they all see. The take appears here when the farm has assembled it; closing Retake leaves the farm working.</source>
        <translation>Das Projekt wird zuerst gespeichert: Die Knoten der Farm lesen es, seine Medien und seinen Cache-Ordner von einem Speicher, den alle sehen. Der Take erscheint hier, sobald die Farm ihn zusammengesetzt hat; wird Retake geschlossen, arbeitet die Farm weiter.</translation>
    </message>
    <message>
        <source>the cluster&apos;s default</source>
        <translation>Standard des Clusters</translation>
    </message>
    <message>
        <source>Each task exports this many frames; a movie&apos;s parts are joined at the end, with its sound.</source>
        <translation>Jeder Task exportiert so viele Frames; die Teile eines Films werden am Ende verbunden, mit seinem Ton.</translation>
    </message>
    <message>
        <source>Frames per task:</source>
        <translation>Frames pro Task:</translation>
    </message>
</context>
</TS>
