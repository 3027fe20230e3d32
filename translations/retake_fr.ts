<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
    <context>
        <name>QObject</name>
        <message>
            <source>OpenTimelineIO Import</source>
            <translation>Import OpenTimelineIO</translation>
        </message>
        <message>
            <source>Imported “%1”.</source>
            <translation>« %1 » importé.</translation>
        </message>
        <message>
            <source>%1 items kept, %2 changed, %3 dropped. The details list every item; offline clips can be relinked in the media pool.</source>
            <translation>%1 éléments conservés, %2 modifiés, %3 abandonnés. Les détails listent chaque élément ; les clips hors ligne peuvent être reliés dans le chutier.</translation>
        </message>
    </context>
    <context>
        <name>HandheldPreset</name>
        <message>
            <source>Off (locked off)</source>
            <translation>Désactivé (caméra fixe)</translation>
        </message>
        <message>
            <source>Subtle</source>
            <translation>Légère</translation>
        </message>
        <message>
            <source>Handheld</source>
            <translation>Caméra à l’épaule</translation>
        </message>
        <message>
            <source>Heavy</source>
            <translation>Forte</translation>
        </message>
        <message>
            <source>Walking</source>
            <translation>En marchant</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>En courant</translation>
        </message>
    </context>
    <context>
        <name>CommandLine</name>
        <message>
            <source>Retake: a timeline editor for filmmakers.</source>
            <translation>Retake : un éditeur de timeline pour cinéastes.</translation>
        </message>
        <message>
            <source>Language of the user interface: de, fr or en.</source>
            <translation>Langue de l&apos;interface : de, fr ou en.</translation>
        </message>
        <message>
            <source>code</source>
            <translation>code</translation>
        </message>
        <message>
            <source>Put the playhead on this timeline frame.</source>
            <translation>Placer la tête de lecture sur cette image de la timeline.</translation>
        </message>
        <message>
            <source>number</source>
            <translation>numéro</translation>
        </message>
        <message>
            <source>project</source>
            <translation>projet</translation>
        </message>
        <message>
            <source>The project file to open (.retake).</source>
            <translation>Le fichier de projet à ouvrir (.retake).</translation>
        </message>
        <message>
            <source>[project]</source>
            <translation>[projet]</translation>
        </message>
        <message>
            <source>Start regenerating these timeline frames (like In/Out and R) once the project is open.</source>
            <translation>Régénérer ces images de la timeline une fois le projet ouvert (comme In/Out puis R).</translation>
        </message>
        <message>
            <source>first-last</source>
            <translation>premier-dernier</translation>
        </message>
    </context>
    <context>
        <name>ErrorReport</name>
        <message>
            <source>The request was not valid.</source>
            <translation>La demande n&apos;était pas valide.</translation>
        </message>
        <message>
            <source>A file is missing, unreadable, damaged or not supported.</source>
            <translation>Un fichier est manquant, illisible, endommagé ou non pris en charge.</translation>
        </message>
        <message>
            <source>A file could not be written (read-only folder or full disk?).</source>
            <translation>Un fichier n&apos;a pas pu être écrit (dossier en lecture seule ou disque plein ?).</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>Annulé ; rien n&apos;a été modifié.</translation>
        </message>
        <message>
            <source>This is a bug in Retake; please report it.</source>
            <translation>Il s’agit d’un bogue de Retake ; merci de le signaler.</translation>
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
            <translation>Prise %1 · %2 · graine %3 · images %4</translation>
        </message>
        <message>
            <source>No takes at this frame</source>
            <translation>Aucune prise sur cette image</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::AudioPlayback</name>
        <message>
            <source>The audio device cannot play %1 Hz %2-channel sound.</source>
            <translation>Le périphérique audio ne peut pas lire un son à %1 Hz sur %2 canaux.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::CameraInspector</name>
        <message>
            <source>Fill (crop the filmback)</source>
            <translation>Remplir (rogner le capteur)</translation>
        </message>
        <message>
            <source>Overscan (whole filmback)</source>
            <translation>Overscan (capteur entier)</translation>
        </message>
        <message>
            <source>Horizontal (match width)</source>
            <translation>Horizontal (même largeur)</translation>
        </message>
        <message>
            <source>Vertical (match height)</source>
            <translation>Vertical (même hauteur)</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Caméra</translation>
        </message>
        <message>
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <source>Focal length of the lens.</source>
            <translation>Focale de l’objectif.</translation>
        </message>
        <message>
            <source>The camera&apos;s sensor (filmback). Custom keeps the width and height typed below.</source>
            <translation>Le capteur de la caméra (filmback). « Personnalisé » garde la largeur et la hauteur saisies ci-dessous.</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Personnalisé</translation>
        </message>
        <message>
            <source>%1 (%2 × %3 mm)</source>
            <translation>%1 (%2 × %3 mm)</translation>
        </message>
        <message>
            <source>Filmback width (the sensor&apos;s size).</source>
            <translation>Largeur du capteur (sa taille).</translation>
        </message>
        <message>
            <source>Filmback height (the sensor&apos;s size).</source>
            <translation>Hauteur du capteur (sa taille).</translation>
        </message>
        <message>
            <source>How the filmback maps onto the project&apos;s frame when their aspect ratios differ.</source>
            <translation>Comment le capteur se place sur l’image du projet quand leurs proportions diffèrent.</translation>
        </message>
        <message>
            <source>Lens shift on the filmback: positive moves the framing right without turning the camera.</source>
            <translation>Décentrement de l’objectif sur le capteur : positif déplace le cadre vers la droite sans tourner la caméra.</translation>
        </message>
        <message>
            <source>Lens shift on the filmback: positive moves the framing up without tilting the camera (keeps verticals straight).</source>
            <translation>Décentrement de l’objectif sur le capteur : positif déplace le cadre vers le haut sans incliner la caméra (les verticales restent droites).</translation>
        </message>
        <message>
            <source>Anamorphic squeeze: the picture is de-squeezed for display, so the horizontal field is that of a filmback this many times wider.</source>
            <translation>Compression anamorphique : l’image est décompressée à l’affichage, le champ horizontal est donc celui d’un capteur d’autant plus large.</translation>
        </message>
        <message>
            <source>1× (spherical)</source>
            <translation>1× (sphérique)</translation>
        </message>
        <message>
            <source>%1×</source>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Radial distortion k1 (OpenCV convention): negative is barrel, positive pincushion.</source>
            <translation>Distorsion radiale k1 (convention OpenCV) : négatif en barillet, positif en coussinet.</translation>
        </message>
        <message>
            <source>Radial distortion k2 (OpenCV convention).</source>
            <translation>Distorsion radiale k2 (convention OpenCV).</translation>
        </message>
        <message>
            <source>Vignette: brightness lost at the image corners, 0 (none) to 1.</source>
            <translation>Vignettage : luminosité perdue dans les coins de l’image, de 0 (aucune) à 1.</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>Ronde</translation>
        </message>
        <message>
            <source>Aperture blades: the shape of out-of-focus highlights (0 = round).</source>
            <translation>Lamelles du diaphragme : la forme des points lumineux flous (0 = ronde).</translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>Focus distance from the filmback.</source>
            <translation>Distance de mise au point depuis le plan du capteur.</translation>
        </message>
        <message>
            <source>Aperture as an f-stop.</source>
            <translation>Ouverture en nombre f.</translation>
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
            <translation>Angle d&apos;obturation : 180° donne le rendu cinéma.</translation>
        </message>
        <message>
            <source>×</source>
            <translation>×</translation>
        </message>
        <message>
            <source>Focal length</source>
            <translation>Focale</translation>
        </message>
        <message>
            <source>Filmback</source>
            <translation>Capteur</translation>
        </message>
        <message>
            <source>Filmback size</source>
            <translation>Taille du capteur</translation>
        </message>
        <message>
            <source>Sensor fit</source>
            <translation>Ajustement du capteur</translation>
        </message>
        <message>
            <source>Lens shift x, y</source>
            <translation>Décentrement x, y</translation>
        </message>
        <message>
            <source>Squeeze</source>
            <translation>Anamorphose</translation>
        </message>
        <message>
            <source>Distortion k1, k2</source>
            <translation>Distorsion k1, k2</translation>
        </message>
        <message>
            <source>Vignette</source>
            <translation>Vignettage</translation>
        </message>
        <message>
            <source>Aperture blades</source>
            <translation>Lamelles du diaphragme</translation>
        </message>
        <message>
            <source>Focus distance</source>
            <translation>Distance de mise au point</translation>
        </message>
        <message>
            <source>Aperture</source>
            <translation>Ouverture</translation>
        </message>
        <message>
            <source>Shutter angle</source>
            <translation>Angle d&apos;obturation</translation>
        </message>
        <message>
            <source>Depth of field</source>
            <translation>Profondeur de champ</translation>
        </message>
        <message>
            <source>The shot size this lens gives of a 1.75 m person standing at the focus distance.</source>
            <translation>La valeur de plan que donne cet objectif d’une personne de 1,75 m debout à la distance de mise au point.</translation>
        </message>
        <message>
            <source>Shot size</source>
            <translation>Valeur de plan</translation>
        </message>
        <message>
            <source>Frame</source>
            <translation>Image</translation>
        </message>
        <message>
            <source>Position (m)</source>
            <translation>Position (m)</translation>
        </message>
        <message>
            <source>Pan, tilt, roll</source>
            <translation>Panoramique, tilt, roulis</translation>
        </message>
        <message>
            <source>Focal</source>
            <translation>Focale</translation>
        </message>
        <message>
            <source>Camera keys (frames of the shot). Delete removes the selected key; Camera &gt; Add Move… writes new ones.</source>
            <translation>Clés de caméra (images du plan). Suppr retire la clé sélectionnée ; Caméra &gt; Ajouter un mouvement… en écrit de nouvelles.</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Clés</translation>
        </message>
        <message>
            <source>extreme close-up</source>
            <translation>très gros plan</translation>
        </message>
        <message>
            <source>close-up</source>
            <translation>gros plan</translation>
        </message>
        <message>
            <source>medium close-up</source>
            <translation>plan rapproché poitrine</translation>
        </message>
        <message>
            <source>medium shot</source>
            <translation>plan rapproché taille</translation>
        </message>
        <message>
            <source>cowboy shot</source>
            <translation>plan américain</translation>
        </message>
        <message>
            <source>full shot</source>
            <translation>plan en pied</translation>
        </message>
        <message>
            <source>wide shot</source>
            <translation>plan d’ensemble</translation>
        </message>
        <message>
            <source>extreme wide shot</source>
            <translation>plan général</translation>
        </message>
        <message>
            <source>From %1 m this lens gives a %2 (the frame is %3 m high).</source>
            <translation>À %1 m, cet objectif donne : %2 (le cadre fait %3 m de haut).</translation>
        </message>
        <message>
            <source>%1, %2, %3</source>
            <translation>%1 ; %2 ; %3</translation>
        </message>
        <message>
            <source>%1°, %2°, %3°</source>
            <translation>%1° ; %2° ; %3°</translation>
        </message>
        <message>
            <source>%1 mm</source>
            <translation>%1 mm</translation>
        </message>
        <message>
            <source>lens</source>
            <translation>objectif</translation>
        </message>
        <message>
            <source>The shot size to solve the camera distance for.</source>
            <translation>La valeur de plan pour laquelle calculer la distance de la caméra.</translation>
        </message>
        <message>
            <source>Height of the subject (a standing person: 1.75 m).</source>
            <translation>Hauteur du sujet (une personne debout : 1,75 m).</translation>
        </message>
        <message>
            <source>Frame as</source>
            <translation>Cadrer en</translation>
        </message>
        <message>
            <source>Subject height</source>
            <translation>Taille du sujet</translation>
        </message>
        <message>
            <source>%1 m from the camera with this lens.</source>
            <translation>À %1 m de la caméra avec cet objectif.</translation>
        </message>
        <message>
        <source>Move Camera There</source>
        <translation>Déplacer la caméra</translation>
    </message>
    <message>
        <source>Move the camera along its view axis so that the subject at the focus distance is framed so; focus follows. One undo step.</source>
        <translation>Déplacer la caméra le long de son axe de visée pour que le sujet à la distance de mise au point soit cadré ainsi ; la mise au point suit. Une seule étape d’annulation.</translation>
    </message>
</context>
    <context>
        <name>retake::gui::CameraMoveDialog</name>
        <message>
            <source>Handheld</source>
            <translation>Caméra à l’épaule</translation>
        </message>
        <message>
            <source>Pan</source>
            <translation>Panoramique</translation>
        </message>
        <message>
            <source>Tilt</source>
            <translation>Tilt</translation>
        </message>
        <message>
            <source>Dolly in</source>
            <translation>Travelling avant</translation>
        </message>
        <message>
            <source>Dolly out</source>
            <translation>Travelling arrière</translation>
        </message>
        <message>
            <source>Truck</source>
            <translation>Travelling latéral</translation>
        </message>
        <message>
            <source>Pedestal</source>
            <translation>Mouvement vertical</translation>
        </message>
        <message>
            <source>Crane</source>
            <translation>Mouvement de grue</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>Dolly zoom</source>
            <translation>Travelling compensé</translation>
        </message>
        <message>
            <source>Orbit</source>
            <translation>Travelling circulaire</translation>
        </message>
        <message>
            <source>Focus pull</source>
            <translation>Bascule de point</translation>
        </message>
        <message>
            <source>Linear</source>
            <translation>Linéaire</translation>
        </message>
        <message>
            <source>Ease in</source>
            <translation>Départ progressif</translation>
        </message>
        <message>
            <source>Ease out</source>
            <translation>Arrivée progressive</translation>
        </message>
        <message>
            <source>Ease in and out</source>
            <translation>Départ et arrivée progressifs</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Maintien</translation>
        </message>
        <message>
            <source>as preset</source>
            <translation>selon le préréglage</translation>
        </message>
        <message>
            <source>Add Camera Move to %1</source>
            <translation>Ajouter un mouvement de caméra à %1</translation>
        </message>
        <message>
            <source>Add Camera Move</source>
            <translation>Ajouter un mouvement de caméra</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Mouvement</translation>
        </message>
        <message>
            <source>A move preset written as camera keys, added to what the camera already does over its frames (a pan after a dolly does both).</source>
            <translation>Un mouvement prédéfini écrit en clés de caméra, ajouté à ce que la caméra fait déjà sur ses images (un panoramique après un travelling fait les deux).</translation>
        </message>
        <message>
            <source>First frame of the move, in the shot&apos;s frames (0 = its first).</source>
            <translation>Première image du mouvement, en images du plan (0 = sa première).</translation>
        </message>
        <message>
            <source>Last frame of the move, in the shot&apos;s frames.</source>
            <translation>Dernière image du mouvement, en images du plan.</translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>How far ahead the subject is: the crane keeps looking at it, the orbit turns around it, the dolly zoom keeps its size.</source>
            <translation>À quelle distance se trouve le sujet : la grue reste cadrée dessus, le travelling circulaire tourne autour, le travelling compensé garde sa taille.</translation>
        </message>
        <message>
            <source>How the move starts and ends.</source>
            <translation>Comment le mouvement commence et finit.</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Préréglage</translation>
        </message>
        <message>
            <source>From frame</source>
            <translation>De l’image</translation>
        </message>
        <message>
            <source>To frame</source>
            <translation>À l’image</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amplitude</translation>
        </message>
        <message>
            <source>Subject distance</source>
            <translation>Distance du sujet</translation>
        </message>
        <message>
            <source>Easing</source>
            <translation>Progression</translation>
        </message>
        <message>
            <source>Operator shake on top of the keyed move: band-limited noise, the same for the same seed.</source>
            <translation>Tremblement de l’opérateur ajouté au mouvement à clés : bruit à bande limitée, identique pour la même graine.</translation>
        </message>
        <message>
            <source>The same seed gives the same shake.</source>
            <translation>La même graine donne le même tremblement.</translation>
        </message>
        <message>
            <source>°</source>
            <translation>°</translation>
        </message>
        <message>
            <source>Rotation shake (RMS of pan and tilt).</source>
            <translation>Tremblement en rotation (valeur efficace du panoramique et du tilt).</translation>
        </message>
        <message>
            <source> cm</source>
            <translation> cm</translation>
        </message>
        <message>
            <source>Position shake (RMS per axis).</source>
            <translation>Tremblement en position (valeur efficace par axe).</translation>
        </message>
        <message>
            <source> Hz</source>
            <translation> Hz</translation>
        </message>
        <message>
            <source>Lowest frequency of the shake.</source>
            <translation>Fréquence la plus basse du tremblement.</translation>
        </message>
        <message>
            <source>Highest frequency of the shake.</source>
            <translation>Fréquence la plus haute du tremblement.</translation>
        </message>
        <message>
            <source>Intensity</source>
            <translation>Intensité</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Graine</translation>
        </message>
        <message>
            <source>Rotation</source>
            <translation>Rotation</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Lowest frequency</source>
            <translation>Fréquence la plus basse</translation>
        </message>
        <message>
            <source>Highest frequency</source>
            <translation>Fréquence la plus haute</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <source>Degrees to turn: positive pans left.</source>
            <translation>Degrés de rotation : positif tourne vers la gauche.</translation>
        </message>
        <message>
            <source>Degrees to tilt: positive looks up.</source>
            <translation>Degrés d’inclinaison : positif regarde vers le haut.</translation>
        </message>
        <message>
            <source>Degrees around the subject, counter-clockwise seen from above.</source>
            <translation>Degrés autour du sujet, sens antihoraire vu de dessus.</translation>
        </message>
        <message>
            <source>Metres along the view direction.</source>
            <translation>Mètres dans la direction de visée.</translation>
        </message>
        <message>
            <source>Metres to the camera&apos;s right (negative: left).</source>
            <translation>Mètres vers la droite de la caméra (négatif : gauche).</translation>
        </message>
        <message>
            <source>Metres up (negative: down).</source>
            <translation>Mètres vers le haut (négatif : bas).</translation>
        </message>
        <message>
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <source>The focal length at the end of the move.</source>
            <translation>La focale à la fin du mouvement.</translation>
        </message>
        <message>
            <source>The focus distance at the end of the pull.</source>
            <translation>La distance de mise au point à la fin de la bascule.</translation>
        </message>
        <message>
            <source>The shot is no longer in the project.</source>
            <translation>Le plan n’est plus dans le projet.</translation>
        </message>
        <message>
            <source>The move must end after the frame it starts on.</source>
            <translation>Le mouvement doit finir après l’image où il commence.</translation>
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
            <translation>Profondeur de champ à la distance de mise au point et à l’ouverture de la caméra ; le cercle de confusion vaut la diagonale du capteur / 1500.</translation>
        </message>
        <message>
            <source>Hyperfocal %1 · sharp %2 – %3</source>
            <translation>Hyperfocale %1 · net de %2 à %3</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::BlockingInspector</name>
        <message>
            <source>Box</source>
            <translation>Boîte</translation>
        </message>
        <message>
            <source>Wall</source>
            <translation>Mur</translation>
        </message>
        <message>
            <source>Cylinder</source>
            <translation>Cylindre</translation>
        </message>
        <message>
            <source>Sphere</source>
            <translation>Sphère</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Personne</translation>
        </message>
        <message>
            <source>Blocking scene</source>
            <translation>Scène de mise en place</translation>
        </message>
        <message>
            <source>MS 35mm dolly in 2s, two people at a table, dusk</source>
            <translation>MS 35mm dolly in 2s, two people at a table, dusk</translation>
        </message>
        <message>
            <source>A shot description replaces the scene and the camera&apos;s pose and keys (grammar: docs/shot-description.md).</source>
            <translation>Une description de plan (en termes anglais) remplace la scène ainsi que la position et les clés de la caméra (grammaire : docs/shot-description.md).</translation>
        </message>
        <message>
            <source>Describe…</source>
            <translation>Décrire…</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Supprimer</translation>
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
            <translation>l </translation>
        </message>
        <message>
            <source>d </source>
            <translation>p </translation>
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
            <translation>Mètres à droite de l’origine (X du monde).</translation>
        </message>
        <message>
            <source>Metres forward, where a level camera with pan 0 looks (world Y).</source>
            <translation>Mètres vers l’avant, là où regarde une caméra horizontale au panoramique 0 (Y du monde).</translation>
        </message>
        <message>
            <source>Metres up (world Z): objects stand on their position.</source>
            <translation>Mètres vers le haut (Z du monde) : les objets reposent sur leur position.</translation>
        </message>
        <message>
            <source>Width (box, wall), diameter (cylinder, sphere).</source>
            <translation>Largeur (boîte, mur), diamètre (cylindre, sphère).</translation>
        </message>
        <message>
            <source>Depth (box, wall).</source>
            <translation>Profondeur (boîte, mur).</translation>
        </message>
        <message>
            <source>Height (box, wall, cylinder); a person&apos;s standing height.</source>
            <translation>Hauteur (boîte, mur, cylindre) ; pour une personne, sa taille debout.</translation>
        </message>
        <message>
            <source>°</source>
            <translation>°</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Turn</source>
            <translation>Rotation</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Couleur</translation>
        </message>
        <message>
            <source>Direction towards the sun: 0 = +Y, counter-clockwise seen from above.</source>
            <translation>Direction du soleil : 0 = +Y, dans le sens antihoraire vu du dessus.</translation>
        </message>
        <message>
            <source>Shadows</source>
            <translation>Ombres</translation>
        </message>
        <message>
            <source>Ground</source>
            <translation>Sol</translation>
        </message>
        <message>
            <source>Sun azimuth</source>
            <translation>Azimut du soleil</translation>
        </message>
        <message>
            <source>Sun elevation</source>
            <translation>Hauteur du soleil</translation>
        </message>
        <message>
            <source>Sun intensity</source>
            <translation>Intensité du soleil</translation>
        </message>
        <message>
            <source>Sky</source>
            <translation>Ciel</translation>
        </message>
        <message>
            <source>Choose the colour</source>
            <translation>Choisir la couleur</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>%1: subject %2 tall, %3 away; %n object(s).</source>
            <translation>
                <numerusform>%1 : sujet de %2, à %3 ; %n objet.</numerusform>
                <numerusform>%1 : sujet de %2, à %3 ; %n objets.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move over %n frame(s).</source>
            <translation>
                <numerusform>Mouvement sur %n image.</numerusform>
                <numerusform>Mouvement sur %n images.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not understood (ignored): %1</source>
            <translation>Non compris (ignoré) : %1</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::EditorActions</name>
        <message>
            <source>Add &amp;Marker…</source>
            <translation>Ajouter un &amp;marqueur…</translation>
        </message>
        <message>
            <source>Put a named marker on the timeline at the playhead; it goes out with OpenTimelineIO exports.</source>
            <translation>Poser un marqueur nommé sur la timeline à la tête de lecture ; il part avec les exports OpenTimelineIO.</translation>
        </message>
        <message>
            <source>Import &amp;OpenTimelineIO…</source>
            <translation>Importer &amp;OpenTimelineIO…</translation>
        </message>
        <message>
            <source>Open an .otio timeline as a new project; a report says what was kept, changed or dropped.</source>
            <translation>Ouvrir une timeline .otio comme nouveau projet ; un rapport dit ce qui a été conservé, modifié ou abandonné.</translation>
        </message>
        <message>
            <source>&amp;New Project</source>
            <translation>&amp;Nouveau projet</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Ouvrir…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Enregistrer &amp;sous…</translation>
        </message>
        <message>
            <source>&amp;Import Media…</source>
            <translation>&amp;Importer des médias…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;Lock Range</source>
            <translation>&amp;Verrouiller la plage</translation>
        </message>
        <message>
            <source>Lock the frames between In and Out: regeneration keeps them.</source>
            <translation>Verrouille les images entre l’entrée et la sortie : la régénération les conserve.</translation>
        </message>
        <message>
            <source>U&amp;nlock Range</source>
            <translation>&amp;Déverrouiller la plage</translation>
        </message>
        <message>
            <source>&amp;Play/Pause</source>
            <translation>&amp;Lecture/Pause</translation>
        </message>
        <message>
            <source>Previous &amp;Frame</source>
            <translation>Image &amp;précédente</translation>
        </message>
        <message>
            <source>&amp;Next Frame</source>
            <translation>Image &amp;suivante</translation>
        </message>
        <message>
            <source>&amp;Back 10 Frames</source>
            <translation>&amp;Reculer de 10 images</translation>
        </message>
        <message>
            <source>F&amp;orward 10 Frames</source>
            <translation>&amp;Avancer de 10 images</translation>
        </message>
        <message>
            <source>Go to &amp;Start</source>
            <translation>Aller au &amp;début</translation>
        </message>
        <message>
            <source>Go to &amp;End</source>
            <translation>Aller à la &amp;fin</translation>
        </message>
        <message>
            <source>Set &amp;In</source>
            <translation>Définir l’&amp;entrée</translation>
        </message>
        <message>
            <source>Set &amp;Out</source>
            <translation>Définir la &amp;sortie</translation>
        </message>
        <message>
            <source>&amp;Clear In/Out</source>
            <translation>&amp;Effacer entrée/sortie</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>&amp;Zoom avant</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Zoom a&amp;rrière</translation>
        </message>
        <message>
            <source>Zoom to &amp;Fit</source>
            <translation>&amp;Ajuster à la fenêtre</translation>
        </message>
        <message>
            <source>Show &amp;Mask</source>
            <translation>Afficher le &amp;masque</translation>
        </message>
        <message>
            <source>Show the shot&apos;s stationary mask as a red overlay in the viewer.</source>
            <translation>Affiche le masque fixe du plan en surimpression rouge dans le visualiseur.</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>&amp;About Retake</source>
            <translation>À &amp;propos de Retake</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exporter…</translation>
        </message>
        <message>
            <source>Export graded footage, EXR or depth sequences, a shot&apos;s camera or the timeline (OTIO); long exports run as background jobs.</source>
            <translation>Exporte des images étalonnées, des séquences EXR ou de profondeur, la caméra d’un plan ou la timeline (OTIO) ; les exports longs s’exécutent en tâches d’arrière-plan.</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>Para&amp;mètres…</translation>
        </message>
        <message>
            <source>&amp;Regenerate Range</source>
            <translation>&amp;Régénérer la plage</translation>
        </message>
        <message>
            <source>Regenerate the unlocked frames between In and Out as a new take, with the engine chosen in the inspector.</source>
            <translation>Régénère les images non verrouillées entre In et Out en une nouvelle prise, avec le moteur choisi dans l’inspecteur.</translation>
        </message>
        <message>
            <source>Play &amp;Reverse</source>
            <translation>Lecture &amp;arrière</translation>
        </message>
        <message>
            <source>Play backwards; press again to double the speed.</source>
            <translation>Lecture en arrière ; appuyez de nouveau pour doubler la vitesse.</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>A&amp;rrêt</translation>
        </message>
        <message>
            <source>Play For&amp;ward</source>
            <translation>Lecture a&amp;vant</translation>
        </message>
        <message>
            <source>Play forwards; press again to double the speed.</source>
            <translation>Lecture en avant ; appuyez de nouveau pour doubler la vitesse.</translation>
        </message>
        <message>
            <source>Compare &amp;Split</source>
            <translation>Comparaison &amp;partagée</translation>
        </message>
        <message>
            <source>Show the original left of a divider and the take right of it; drag in the viewer to move the divider.</source>
            <translation>Affiche l’original à gauche d’un séparateur et la prise à droite ; faites glisser dans la visionneuse pour le déplacer.</translation>
        </message>
        <message>
            <source>Show &amp;Original</source>
            <translation>Afficher l’&amp;original</translation>
        </message>
        <message>
            <source>Show the original frames in place of the take, to flip between them.</source>
            <translation>Affiche les images d’origine à la place de la prise, pour basculer entre les deux.</translation>
        </message>
        <message>
        <source>No render farm scheduler on this machine (Slurm&apos;s sbatch is not on PATH); retake-cli farm writes plans and Open Job Description templates.</source>
        <translation>Aucun ordonnanceur de ferme de rendu sur cette machine (sbatch de Slurm n’est pas dans le PATH) ; retake-cli farm écrit des plans et des modèles Open Job Description.</translation>
    </message>
    <message>
        <source>Regenerate the unlocked frames between In and Out on the render farm (Slurm); the take appears when it is done.</source>
        <translation>Régénérer les images non verrouillées entre In et Out sur la ferme de rendu (Slurm) ; la prise apparaît quand elle est prête.</translation>
    </message>
    <message>
        <source>Send Range to &amp;Farm…</source>
        <translation>Envoyer la plage à la &amp;ferme…</translation>
    </message>
</context>
    <context>
        <name>retake::gui::ExportDialog</name>
        <message>
            <source>A signed record inside the file (.mp4, .mov, .png, .jpg) of what was generated, by what, from which sources, that other tools can check.</source>
            <translation>Un enregistrement signé dans le fichier (.mp4, .mov, .png, .jpg) de ce qui a été généré, par quoi et à partir de quelles sources, que d&apos;autres outils peuvent vérifier.</translation>
        </message>
        <message>
            <source>Set a signing certificate and key in Settings first.</source>
            <translation>Définissez d&apos;abord un certificat de signature et sa clé dans les Réglages.</translation>
        </message>
        <message>
            <source>Sign with Content Credentials (C2PA)</source>
            <translation>Signer avec Content Credentials (C2PA)</translation>
        </message>
        <message>
            <source>First frame</source>
            <translation>Première image</translation>
        </message>
        <message>
            <source>The frame number the shot&apos;s first frame gets in the camera file (1, or 1001 to match a plate&apos;s numbering).</source>
            <translation>Le numéro que reçoit la première image du plan dans le fichier caméra (1, ou 1001 pour suivre la numérotation d’une plaque).</translation>
        </message>
        <message>
            <source>The number of the sequence&apos;s first file (1001 by VFX convention).</source>
            <translation>Le numéro du premier fichier de la séquence (1001 par convention VFX).</translation>
        </message>
        <message>
            <source>First file number</source>
            <translation>Numéro du premier fichier</translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>Auto</source>
            <translation>Auto</translation>
        </message>
        <message>
            <source>Preview near</source>
            <translation>Aperçu proche</translation>
        </message>
        <message>
            <source>Preview far</source>
            <translation>Aperçu lointain</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <source>Timeline only (.otio)</source>
            <translation>La timeline seule (.otio)</translation>
        </message>
        <message>
            <source>Bundle with its media (.otioz)</source>
            <translation>Paquet avec ses médias (.otioz)</translation>
        </message>
        <message>
            <source>A bundle holds every media file the timeline uses, for handing the edit to someone else; it is written as a job.</source>
            <translation>Un paquet contient chaque fichier média utilisé par la timeline, pour transmettre le montage ; il est écrit comme une tâche.</translation>
        </message>
        <message>
            <source>%1 (not in this config)</source>
            <translation>%1 (absent de cette configuration)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Graded footage (movie)</source>
            <translation>Images étalonnées (film)</translation>
        </message>
        <message>
            <source>OpenEXR sequence</source>
            <translation>Séquence OpenEXR</translation>
        </message>
        <message>
            <source>Depth maps</source>
            <translation>Cartes de profondeur</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Caméra</translation>
        </message>
        <message>
            <source>Timeline (OpenTimelineIO)</source>
            <translation>Timeline (OpenTimelineIO)</translation>
        </message>
        <message>
            <source>Whole timeline</source>
            <translation>Toute la timeline</translation>
        </message>
        <message>
            <source>In–Out selection</source>
            <translation>Sélection In–Out</translation>
        </message>
        <message>
            <source>Selected shot</source>
            <translation>Plan sélectionné</translation>
        </message>
        <message>
            <source>A camera is always one shot&apos;s: the selected shot (else the one at the playhead), or the shot where the In–Out selection starts.</source>
            <translation>Une caméra appartient toujours à un plan : le plan sélectionné (sinon celui sous la tête de lecture), ou le plan où commence la sélection In–Out.</translation>
        </message>
        <message>
            <source>Frames</source>
            <translation>Images</translation>
        </message>
        <message>
            <source>Sequences need a frame number in the name: #### is replaced by 1001, 1002, …</source>
            <translation>Les séquences ont besoin d’un numéro d’image dans le nom : #### est remplacé par 1001, 1002, …</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Sortie</translation>
        </message>
        <message>
            <source>Write a provenance manifest beside the output</source>
            <translation>Écrire un manifeste de provenance à côté de la sortie</translation>
        </message>
        <message>
            <source>A JSON sidecar saying where every frame came from: the original media, or which take, engine, seed and model.</source>
            <translation>Un fichier JSON annexe indiquant l’origine de chaque image : le média original, ou la prise, le moteur, la graine et le modèle.</translation>
        </message>
        <message>
            <source>Movie</source>
            <translation>Film</translation>
        </message>
        <message>
            <source>ProRes 422 HQ (10-bit, .mov)</source>
            <translation>ProRes 422 HQ (10 bits, .mov)</translation>
        </message>
        <message>
            <source>ProRes 4444 (10-bit, .mov)</source>
            <translation>ProRes 4444 (10 bits, .mov)</translation>
        </message>
        <message>
            <source>DNxHR HQ (8-bit, .mov)</source>
            <translation>DNxHR HQ (8 bits, .mov)</translation>
        </message>
        <message>
            <source>H.264 (.mp4)</source>
            <translation>H.264 (.mp4)</translation>
        </message>
        <message>
            <source>H.265 (.mp4, 10-bit from deeper sources)</source>
            <translation>H.265 (.mp4, 10 bits depuis des sources plus profondes)</translation>
        </message>
        <message>
            <source>Codec</source>
            <translation>Codec</translation>
        </message>
        <message>
            <source>Include the audio</source>
            <translation>Inclure le son</translation>
        </message>
        <message>
            <source>Colour (OCIO)</source>
            <translation>Couleur (OCIO)</translation>
        </message>
        <message>
            <source>Input colour space (per media, as set in the inspector) → working space → look → output. Unchecked, frames are written as decoded.</source>
            <translation>Espace colorimétrique d’entrée (par média, tel que réglé dans l’inspecteur) → espace de travail → look → sortie. Décoché, les images sont écrites telles que décodées.</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Aucun</translation>
        </message>
        <message>
            <source>LUT file</source>
            <translation>Fichier LUT</translation>
        </message>
        <message>
            <source>CDL file</source>
            <translation>Fichier CDL</translation>
        </message>
        <message>
            <source>CDL values</source>
            <translation>Valeurs CDL</translation>
        </message>
        <message>
            <source>LUT File</source>
            <translation>Fichier LUT</translation>
        </message>
        <message>
            <source>LUT files (*.cube *.3dl *.csp *.spi1d *.spi3d);;All files (*)</source>
            <translation>Fichiers LUT (*.cube *.3dl *.csp *.spi1d *.spi3d);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>CDL File</source>
            <translation>Fichier CDL</translation>
        </message>
        <message>
            <source>ASC CDL (*.cdl *.cc *.ccc);;All files (*)</source>
            <translation>ASC CDL (*.cdl *.cc *.ccc);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>R</source>
            <translation>R</translation>
        </message>
        <message>
            <source>G</source>
            <translation>V</translation>
        </message>
        <message>
            <source>B</source>
            <translation>B</translation>
        </message>
        <message>
            <source>Slope</source>
            <translation>Pente (slope)</translation>
        </message>
        <message>
            <source>Offset</source>
            <translation>Décalage (offset)</translation>
        </message>
        <message>
            <source>Power</source>
            <translation>Puissance (power)</translation>
        </message>
        <message>
            <source>Saturation</source>
            <translation>Saturation</translation>
        </message>
        <message>
            <source>Colour space</source>
            <translation>Espace colorimétrique</translation>
        </message>
        <message>
            <source>Display and view</source>
            <translation>Affichage et vue</translation>
        </message>
        <message>
            <source>Working space</source>
            <translation>Espace de travail</translation>
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
            <translation>Espace de sortie</translation>
        </message>
        <message>
            <source>Display</source>
            <translation>Affichage</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Vue</translation>
        </message>
        <message>
            <source>Same as input</source>
            <translation>Identique à l’entrée</translation>
        </message>
        <message>
            <source>OpenEXR</source>
            <translation>OpenEXR</translation>
        </message>
        <message>
            <source>Half float (16-bit)</source>
            <translation>Demi-flottant (16 bits)</translation>
        </message>
        <message>
            <source>Float (32-bit)</source>
            <translation>Flottant (32 bits)</translation>
        </message>
        <message>
            <source>ZIP (lossless)</source>
            <translation>ZIP (sans perte)</translation>
        </message>
        <message>
            <source>PIZ (lossless)</source>
            <translation>PIZ (sans perte)</translation>
        </message>
        <message>
            <source>DWAA (lossy, small)</source>
            <translation>DWAA (avec perte, compact)</translation>
        </message>
        <message>
            <source>No depth</source>
            <translation>Sans profondeur</translation>
        </message>
        <message>
            <source>Single part: R, G, B, A, Z</source>
            <translation>Une seule partie : R, G, B, A, Z</translation>
        </message>
        <message>
            <source>Blender layers: ViewLayer.Combined, ViewLayer.Depth.Z</source>
            <translation>Calques Blender : ViewLayer.Combined, ViewLayer.Depth.Z</translation>
        </message>
        <message>
            <source>Depth is written where the picture has it (EXR media with depth, blocking renders).</source>
            <translation>La profondeur est écrite là où l’image en a une (médias EXR avec profondeur, rendus de blocking).</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>Échantillons</translation>
        </message>
        <message>
            <source>Compression</source>
            <translation>Compression</translation>
        </message>
        <message>
            <source>Depth</source>
            <translation>Profondeur</translation>
        </message>
        <message>
            <source>Float EXR, metres (Z)</source>
            <translation>EXR flottant, mètres (Z)</translation>
        </message>
        <message>
            <source>16-bit PNG, millimetres</source>
            <translation>PNG 16 bits, millimètres</translation>
        </message>
        <message>
            <source>8-bit PNG preview, near is white</source>
            <translation>Aperçu PNG 8 bits, le proche en blanc</translation>
        </message>
        <message>
            <source>Depth comes from the depth model when one is given, else the media&apos;s depth channel, else the shot&apos;s blocking scene; a shot with none of these cannot be exported.</source>
            <translation>La profondeur vient du modèle de profondeur s’il y en a un, sinon du canal de profondeur du média, sinon de la scène de blocking du plan ; un plan qui n’a rien de cela ne peut pas être exporté.</translation>
        </message>
        <message>
            <source>None: the shot&apos;s own depth</source>
            <translation>Aucun : la profondeur propre du plan</translation>
        </message>
        <message>
            <source>A TorchScript depth model of your own (picture in, depth in metres out), run on the device chosen in Settings.</source>
            <translation>Un modèle de profondeur TorchScript à vous (image en entrée, profondeur en mètres en sortie), exécuté sur l’appareil choisi dans les Réglages.</translation>
        </message>
        <message>
            <source>Depth Model</source>
            <translation>Modèle de profondeur</translation>
        </message>
        <message>
            <source>TorchScript models (*.pt *.pth *.ts);;All files (*)</source>
            <translation>Modèles TorchScript (*.pt *.pth *.ts);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Depth model</source>
            <translation>Modèle de profondeur</translation>
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
            <translation>Script Python pour Blender (.py)</translation>
        </message>
        <message>
            <source>Export Sequence As</source>
            <translation>Exporter la séquence sous</translation>
        </message>
        <message>
            <source>Export As</source>
            <translation>Exporter sous</translation>
        </message>
        <message>
            <source>%1 files (*.%2)</source>
            <translation>Fichiers %1 (*.%2)</translation>
        </message>
        <message>
            <source>Choose a LUT file for the look, or no look.</source>
            <translation>Choisissez un fichier LUT pour le look, ou aucun look.</translation>
        </message>
        <message>
            <source>Choose a CDL file for the look, or no look.</source>
            <translation>Choisissez un fichier CDL pour le look, ou aucun look.</translation>
        </message>
        <message>
            <source>The OCIO config has no display to write for.</source>
            <translation>La configuration OCIO n’a aucun affichage pour lequel écrire.</translation>
        </message>
        <message>
            <source>Choose where to write the export.</source>
            <translation>Choisissez où écrire l’export.</translation>
        </message>
        <message>
            <source>Set In (I) and Out (O) around the frames to export, or export the whole timeline.</source>
            <translation>Placez In (I) et Out (O) autour des images à exporter, ou exportez toute la timeline.</translation>
        </message>
        <message>
            <source>Select a shot to export first.</source>
            <translation>Sélectionnez d’abord un plan à exporter.</translation>
        </message>
        <message>
            <source>The In–Out selection holds no shot.</source>
            <translation>La sélection In–Out ne contient aucun plan.</translation>
        </message>
        <message>
            <source>Nothing to export: the range holds no frames.</source>
            <translation>Rien à exporter : la plage ne contient aucune image.</translation>
        </message>
        <message>
            <source>Export %1</source>
            <translation>Exporter %1</translation>
        </message>
        <message>
            <source>Export depth maps %1</source>
            <translation>Exporter les cartes de profondeur %1</translation>
        </message>
        <message>
            <source>The shot to export is gone.</source>
            <translation>Le plan à exporter n’existe plus.</translation>
        </message>
        <message>
            <source>Exporting %1 in the background.</source>
            <translation>Export de %1 en arrière-plan.</translation>
        </message>
        <message>
            <source>Wrote %1.</source>
            <translation>%1 écrit.</translation>
        </message>
        <message>
            <source>Importing %1</source>
            <translation>Importation de %1</translation>
        </message>
        <message>
            <source>the folder does not exist</source>
            <translation>le dossier n’existe pas</translation>
        </message>
        <message>
            <source>Full range</source>
            <translation>Plage complète</translation>
        </message>
        <message>
            <source>Full-range YUV instead of limited (video) range. Delivery specifications, broadcast and web players expect limited range; ProRes is always limited.</source>
            <translation>YUV en plage complète au lieu de la plage limitée (vidéo). Les cahiers des charges de livraison, la diffusion et les lecteurs web attendent la plage limitée ; ProRes est toujours en plage limitée.</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Étiquettes</translation>
        </message>
        <message>
            <source>DNxHR HQX (10-bit, .mov)</source>
            <translation>DNxHR HQX (10 bits, .mov)</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it?</source>
            <translation>%1 existe déjà. Le remplacer ?</translation>
        </message>
        <message>
            <source>%1 files of this export already exist, %2 among them. Replace them?</source>
            <translation>%1 fichiers de cet export existent déjà, dont %2. Les remplacer ?</translation>
        </message>
        <message>
            <source>Replace Files</source>
            <translation>Remplacer les fichiers</translation>
        </message>
        <message>
        <source>A depth model of your own (picture in, depth in metres out; an AOTInductor .pt2 package or TorchScript), run on the device chosen in Settings. docs/models.md describes the interface.</source>
        <translation>Un modèle de profondeur à vous (image en entrée, profondeur en mètres en sortie ; un paquet AOTInductor .pt2 ou TorchScript), exécuté sur l’appareil choisi dans les Réglages. docs/models.md décrit l’interface.</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>The correction of the collection to apply (as --cdl-id).</source>
        <translation>La correction de la collection à appliquer (comme --cdl-id).</translation>
    </message>
    <message>
        <source>Send to Farm…</source>
        <translation>Envoyer à la ferme…</translation>
    </message>
    <message>
        <source>Export on the render farm (Slurm), in parts of frames; the Jobs panel follows it.</source>
        <translation>Exporter sur la ferme de rendu (Slurm), par parties d’images ; le panneau Tâches la suit.</translation>
    </message>
    <message>
        <source>Save the project first: the farm&apos;s nodes read it.</source>
        <translation>Enregistrez d’abord le projet : les nœuds de la ferme le lisent.</translation>
    </message>
    <message>
        <source>Farm: export %1</source>
        <translation>Ferme : exporter %1</translation>
    </message>
    <message>
        <source>Exporting %1 on the farm.</source>
        <translation>Export de %1 sur la ferme.</translation>
    </message>
</context>
    <context>
        <name>retake::gui::FrameRenderer</name>
        <message>
            <source>No shot at frame %1</source>
            <translation>Aucun plan à l&apos;image %1</translation>
        </message>
        <message>
            <source>Cannot decode frame %1: %2</source>
            <translation>Impossible de décoder l&apos;image %1 : %2</translation>
        </message>
        <message>
            <source>The OCIO config %1 has no display “%2”.</source>
            <translation>La configuration OCIO %1 n’a pas d’écran « %2 ».</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ColourInspector</name>
        <message>
            <source>Colour</source>
            <translation>Couleur</translation>
        </message>
        <message>
            <source>The colour space the media&apos;s pixels are in. Automatic reads the file&apos;s colour tags, else the OCIO config&apos;s file rules. The viewer and every export use it.</source>
            <translation>L’espace colorimétrique des pixels du média. « Automatique » lit les balises de couleur du fichier, sinon les règles de fichiers de la configuration OCIO. La visionneuse et chaque export l’utilisent.</translation>
        </message>
        <message>
            <source>Input colour space</source>
            <translation>Espace colorimétrique d’entrée</translation>
        </message>
        <message>
            <source>Automatic (%1)</source>
            <translation>Automatique (%1)</translation>
        </message>
        <message>
            <source>%1 (not in this config)</source>
            <translation>%1 (absent de cette configuration)</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatique</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::TakesInspector</name>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>Takes</source>
            <translation>Prises</translation>
        </message>
        <message>
            <source>Show take</source>
            <translation>Afficher la prise</translation>
        </message>
        <message>
            <source>Take</source>
            <translation>Prise</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>Moteur</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Graine</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Créée</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <source>Double-click a take to show it over its range (undoable).</source>
            <translation>Double-cliquez sur une prise pour l’afficher sur sa plage (annulable).</translation>
        </message>
        <message>
            <source>Show the selected take over its range</source>
            <translation>Afficher la prise sélectionnée sur sa plage</translation>
        </message>
        <message>
            <source>Put the playhead on the selected shot to see its takes.</source>
            <translation>Placez la tête de lecture sur le plan sélectionné pour voir ses prises.</translation>
        </message>
        <message>
            <source>Takes at frame %1 of the shot.</source>
            <translation>Prises à l’image %1 du plan.</translation>
        </message>
        <message>
            <source>No takes at frame %1 of the shot: regenerate a range to make one.</source>
            <translation>Aucune prise à l’image %1 du plan : régénérez une plage pour en créer une.</translation>
        </message>
        <message>
            <source>Take %1 (frames %2)</source>
            <translation>Prise %1 (images %2)</translation>
        </message>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>Shown at this frame</source>
            <translation>Affichée à cette image</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::InspectorWidget</name>
        <message>
            <source>Passed to your model, if its forward() takes a prompt.</source>
            <translation>Transmis à votre modèle, si son forward() accepte un prompt.</translation>
        </message>
        <message>
            <source>The %1 engine fills from the footage and does not read a prompt; the text is kept with each take as a note. Only the model engine (your TorchScript file) can read one.</source>
            <translation>Le moteur %1 remplit à partir des images et ne lit pas de prompt ; le texte est gardé avec chaque prise comme note. Seul le moteur model (votre fichier TorchScript) peut en lire un.</translation>
        </message>
        <message>
            <source>Read by the model engine</source>
            <translation>Lu par le moteur model</translation>
        </message>
        <message>
            <source>Not read by %1; kept as a note on the take</source>
            <translation>Non lu par %1 ; gardé comme note sur la prise</translation>
        </message>
        <message numerus="yes">
            <source>A gap in the edit (black, %n frame(s))</source>
            <translation>
                <numerusform>Un vide dans le montage (noir, %n image)</numerusform>
                <numerusform>Un vide dans le montage (noir, %n images)</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a shot in the storyboard or timeline.</source>
            <translation>Sélectionnez un plan dans le storyboard ou la timeline.</translation>
        </message>
        <message>
            <source>Shot</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>What the regenerated frames should show</source>
            <translation>Ce que les images régénérées doivent montrer</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Media</source>
            <translation>Média</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>%1 (frames %2)</source>
            <translation>%1 (images %2)</translation>
        </message>
        <message>
            <source>Regeneration</source>
            <translation>Régénération</translation>
        </message>
        <message>
            <source>The same seed, engine, parameters and frames give the same take.</source>
            <translation>La même graine, le même moteur, les mêmes paramètres et images donnent la même prise.</translation>
        </message>
        <message>
            <source>name=value …</source>
            <translation>nom=valeur …</translation>
        </message>
        <message>
            <source>Engine parameters, separated by spaces; empty uses the defaults:
%1</source>
            <translation>Paramètres du moteur, séparés par des espaces ; vide utilise les valeurs par défaut :
%1</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>Moteur</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Graine</translation>
        </message>
        <message>
            <source>Engine parameter “%1” is not of the form name=value.</source>
            <translation>Le paramètre de moteur « %1 » n’est pas de la forme nom=valeur.</translation>
        </message>
        <message>
        <source>A .pt2 package or TorchScript file</source>
        <translation>Un paquet .pt2 ou un fichier TorchScript</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>The chosen model&apos;s forward() takes no prompt (an AOTInductor package takes tensors only); the text is kept with each take as a note.</source>
        <translation>La fonction forward() du modèle choisi ne prend pas de prompt (un paquet AOTInductor ne prend que des tenseurs) ; le texte est gardé avec chaque prise comme note.</translation>
    </message>
    <message>
        <source>Not read by this model; kept as a note on the take</source>
        <translation>Non lu par ce modèle ; gardé comme note sur la prise</translation>
    </message>
    <message>
        <source>%1 %2 (%3 keys)</source>
        <translation>%1 %2 (%3 clés)</translation>
    </message>
    <message>
        <source>A clean plate: a picture of what the mask hides, filled in first.</source>
        <translation>Une plaque propre : une image de ce que le masque cache, utilisée en premier.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Clean Plate</source>
        <translation>Plaque propre</translation>
    </message>
    <message>
        <source>Clean plate</source>
        <translation>Plaque propre</translation>
    </message>
    <message>
        <source>First of the range</source>
        <translation>Première de la plage</translation>
    </message>
    <message>
        <source>Images (*.png *.exr *.tif *.tiff *.jpg *.jpeg);;All files (*)</source>
        <translation>Images (*.png *.exr *.tif *.tiff *.jpg *.jpeg);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Nothing (a still picture)</source>
        <translation>Rien (une image fixe)</translation>
    </message>
    <message>
        <source>Pin the plate to a painted shape that tracks the surface it shows (a planar track): the plate moves with it.</source>
        <translation>Épingler la plaque à une forme peinte qui suit la surface qu’elle montre (un suivi planaire) : la plaque bouge avec elle.</translation>
    </message>
    <message>
        <source>Plate follows</source>
        <translation>La plaque suit</translation>
    </message>
    <message>
        <source>Plate frame</source>
        <translation>Image de la plaque</translation>
    </message>
    <message>
        <source>The shot frame whose view of the surface the plate shows.</source>
        <translation>L’image du plan dont la plaque montre la vue de la surface.</translation>
    </message>
</context>
    <context>
        <name>retake::gui::JobsWidget</name>
        <message>
            <source>No jobs. Select a range and press R to regenerate it.</source>
            <translation>Aucune tâche. Sélectionnez une plage et appuyez sur R pour la régénérer.</translation>
        </message>
        <message>
            <source>Clear Finished</source>
            <translation>Effacer les terminées</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::MainWindow</name>
        <message>
            <source>Tracking in the background: progress and Cancel are in the Jobs panel.</source>
            <translation>Suivi en arrière-plan : progression et annulation dans le panneau Tâches.</translation>
        </message>
        <message>
            <source>Mask Painting</source>
            <translation>Peinture de masque</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Sans titre</translation>
        </message>
        <message>
            <source>&lt;opened project&gt;</source>
            <translation>&lt;projet ouvert&gt;</translation>
        </message>
        <message>
            <source>Storyboard</source>
            <translation>Storyboard</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspecteur</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historique</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Fichiers &amp;récents</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Édition</translation>
        </message>
        <message>
            <source>&amp;Playback</source>
            <translation>&amp;Lecture</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>System Language</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Anglais</translation>
        </message>
        <message>
            <source>German</source>
            <translation>Allemand</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Français</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pause</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>&amp;Lecture</translation>
        </message>
        <message>
            <source>Autosaved to %1</source>
            <translation>Enregistré automatiquement dans %1</translation>
        </message>
        <message>
            <source>&amp;Undo %1</source>
            <translation>&amp;Annuler : %1</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo %1</source>
            <translation>&amp;Rétablir : %1</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>About Retake</source>
            <translation>À propos de Retake</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Retake %1&lt;/h3&gt;&lt;p&gt;A timeline editor for filmmakers: lock the frames that work, regenerate the rest.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Retake %1&lt;/h3&gt;&lt;p&gt;Un éditeur de timeline pour cinéastes : verrouillez les images réussies, régénérez le reste.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>The language changes the next time Retake starts.</source>
            <translation>La langue changera au prochain démarrage de Retake.</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation>Tâches</translation>
        </message>
        <message>
            <source>&amp;Take at Playhead</source>
            <translation>&amp;Prise sous la tête de lecture</translation>
        </message>
        <message>
            <source>Jobs Running</source>
            <translation>Tâches en cours</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s) have not finished.</source>
            <translation>
                <numerusform>%n tâche n’est pas terminée.</numerusform>
                <numerusform>%n tâches ne sont pas terminées.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel them and close? Cancelled jobs change nothing.</source>
            <translation>Les annuler et fermer ? Les tâches annulées ne modifient rien.</translation>
        </message>
        <message>
            <source>Cancel Jobs and &amp;Close</source>
            <translation>Annuler les tâches et &amp;fermer</translation>
        </message>
        <message>
            <source>&amp;Keep Working</source>
            <translation>&amp;Continuer</translation>
        </message>
        <message>
            <source>Re&amp;frame…</source>
            <translation>Re&amp;cadrer…</translation>
        </message>
        <message>
            <source>Autosave failed: %1</source>
            <translation>Échec de l’enregistrement automatique : %1</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::MaskPaintOverlay</name>
        <message>
            <source>Set In and Out (I, O) to paint on a frame range.</source>
            <translation>Placez l’entrée et la sortie (I, O) pour peindre sur une plage d’images.</translation>
        </message>
        <message>
            <source>The In/Out range does not cover the shot at the playhead.</source>
            <translation>La plage entrée/sortie ne couvre pas le plan sous la tête de lecture.</translation>
        </message>
        <message>
            <source>Select a shape to move first.</source>
            <translation>Sélectionnez d’abord une forme à déplacer.</translation>
        </message>
        <message>
            <source>There is no shot at the playhead to paint on.</source>
            <translation>Aucun plan sous la tête de lecture sur lequel peindre.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::MaskTools</name>
        <message>
            <source>Deforming (outline by optical flow)</source>
            <translation>Qui se déforme (contour suivant l’image)</translation>
        </message>
        <message>
            <source>What the shape covers: something that moves, turns and scales, a flat surface seen in perspective (a sign, a screen, a wall), or something that changes shape (a face, cloth, a hand: each point of the outline follows the picture).</source>
            <translation>Ce que couvre la forme : un objet qui bouge, tourne et change d’échelle, une surface plane vue en perspective (un panneau, un écran, un mur), ou un objet qui change de forme (un visage, un tissu, une main : chaque point du contour suit l’image).</translation>
        </message>
        <message>
            <source>A key every frame</source>
            <translation>Une clé par image</translation>
        </message>
        <message>
            <source>Leave out the keys that the straight motion between their neighbours gives within this many pixels: fewer keys to edit.</source>
            <translation>Omettre les clés que le mouvement en ligne droite entre leurs voisines donne à ce nombre de pixels près : moins de clés à modifier.</translation>
        </message>
        <message>
            <source>Keys within:</source>
            <translation>Clés à moins de :</translation>
        </message>
        <message>
            <source>Flat surface (perspective)</source>
            <translation>Surface plane (perspective)</translation>
        </message>
        <message>
            <source>Forward ▶</source>
            <translation>Avant ▶</translation>
        </message>
        <message>
            <source>Make the selected shape follow the picture from the playhead back to the start of its mask</source>
            <translation>Faire suivre l’image à la forme choisie depuis la tête de lecture jusqu’au début de son masque</translation>
        </message>
        <message>
            <source>Make the selected shape follow the picture from the playhead both ways</source>
            <translation>Faire suivre l’image à la forme choisie depuis la tête de lecture, dans les deux sens</translation>
        </message>
        <message>
            <source>Make the selected shape follow the picture from the playhead to the end of its mask</source>
            <translation>Faire suivre l’image à la forme choisie depuis la tête de lecture jusqu’à la fin de son masque</translation>
        </message>
        <message>
            <source>Moving object</source>
            <translation>Objet en mouvement</translation>
        </message>
        <message>
            <source>Select a brush stroke, rectangle, ellipse or polygon to track.</source>
            <translation>Choisissez un trait, un rectangle, une ellipse ou un polygone à suivre.</translation>
        </message>
        <message>
            <source>Track a mask shape of &quot;%1&quot; %2 from frame %3</source>
            <translation>Suivre une forme du masque de « %1 » %2 depuis l’image %3</translation>
        </message>
        <message>
            <source>Track:</source>
            <translation>Suivre :</translation>
        </message>
        <message>
            <source>Tracking runs as a job, and there is no job queue here.</source>
            <translation>Le suivi s’exécute comme une tâche, et il n’y a pas de file de tâches ici.</translation>
        </message>
        <message>
            <source>backward</source>
            <translation>en arrière</translation>
        </message>
        <message>
            <source>both ways</source>
            <translation>dans les deux sens</translation>
        </message>
        <message>
            <source>forward</source>
            <translation>en avant</translation>
        </message>
        <message>
            <source>◀ Backward</source>
            <translation>◀ Arrière</translation>
        </message>
        <message>
            <source>◀ Both ▶</source>
            <translation>◀ Les deux ▶</translation>
        </message>
        <message>
            <source>Delete Key at Playhead</source>
            <translation>Supprimer l’image clé à la tête de lecture</translation>
        </message>
        <message>
            <source>Delete the selected shape's key at the playhead: the shape holds or moves between its other keys</source>
            <translation>Supprimer l’image clé de la forme sélectionnée à la tête de lecture : la forme reste en place ou se déplace entre ses autres images clés</translation>
        </message>
        <message>
            <source> · key on this frame</source>
            <translation> · image clé sur cette image</translation>
        </message>
        <message>
            <source>Select a brush stroke, rectangle, ellipse or polygon whose key to delete.</source>
            <translation>Sélectionnez le trait, le rectangle, l’ellipse ou le polygone dont l’image clé doit être supprimée.</translation>
        </message>
        <message>
            <source>The selected shape has no key at the playhead; move the playhead to one of its keys.</source>
            <translation>La forme sélectionnée n’a pas d’image clé à la tête de lecture ; placez la tête de lecture sur l’une de ses images clés.</translation>
        </message>
        <message>
            <source>Eraser stroke</source>
            <translation>Trait de gomme</translation>
        </message>
        <message>
            <source>Brush stroke</source>
            <translation>Trait de pinceau</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation>Rectangle</translation>
        </message>
        <message>
            <source>Ellipse</source>
            <translation>Ellipse</translation>
        </message>
        <message>
            <source>Polygon</source>
            <translation>Polygone</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <source>Fill</source>
            <translation>Remplir</translation>
        </message>
        <message>
            <source>Invert</source>
            <translation>Inverser</translation>
        </message>
        <message>
            <source>&amp;Paint Mask</source>
            <translation>&amp;Peindre le masque</translation>
        </message>
        <message>
            <source>Paint the mask of the shot at the playhead on the viewer.</source>
            <translation>Peindre dans le visualiseur le masque du plan sous la tête de lecture.</translation>
        </message>
        <message>
            <source>&amp;Brush</source>
            <translation>&amp;Pinceau</translation>
        </message>
        <message>
            <source>&amp;Eraser</source>
            <translation>&amp;Gomme</translation>
        </message>
        <message>
            <source>Move / Key</source>
            <translation>Déplacer / Image clé</translation>
        </message>
        <message>
            <source>Brush (B): paint the mask</source>
            <translation>Pinceau (B) : peindre le masque</translation>
        </message>
        <message>
            <source>Eraser (E): remove from the mask</source>
            <translation>Gomme (E) : retirer du masque</translation>
        </message>
        <message>
            <source>Polygon: click the corners, double-click or press Enter to close</source>
            <translation>Polygone : cliquez les sommets, double-cliquez ou appuyez sur Entrée pour fermer</translation>
        </message>
        <message>
            <source>Drag the selected shape: keys it at the playhead, so it moves between keys</source>
            <translation>Faites glisser la forme sélectionnée : crée une image clé à la tête de lecture, la forme se déplace entre les images clés</translation>
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
            <translation>Tout le plan</translation>
        </message>
        <message>
            <source>In to Out</source>
            <translation>De l’entrée à la sortie</translation>
        </message>
        <message>
            <source>Current frame</source>
            <translation>Image courante</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Taille :</translation>
        </message>
        <message>
            <source>Hardness:</source>
            <translation>Dureté :</translation>
        </message>
        <message>
            <source>Paint on:</source>
            <translation>Peindre sur :</translation>
        </message>
        <message>
            <source>Fill the whole frame on the chosen frames</source>
            <translation>Remplir toute l’image sur les images choisies</translation>
        </message>
        <message>
            <source>Invert the mask on the chosen frames</source>
            <translation>Inverser le masque sur les images choisies</translation>
        </message>
        <message>
            <source>Clear the mask on the chosen frames</source>
            <translation>Effacer le masque sur les images choisies</translation>
        </message>
        <message>
            <source>Copy to In/Out</source>
            <translation>Copier vers entrée/sortie</translation>
        </message>
        <message>
            <source>Copy the mask at the playhead to every frame from In to Out</source>
            <translation>Copier le masque de la tête de lecture sur chaque image de l’entrée à la sortie</translation>
        </message>
        <message>
            <source>Key Shape at Playhead</source>
            <translation>Image clé de la forme à la tête de lecture</translation>
        </message>
        <message>
            <source>Pin the selected shape where it is now at the playhead</source>
            <translation>Fixer la forme sélectionnée là où elle est à la tête de lecture</translation>
        </message>
        <message>
            <source>Delete Shape</source>
            <translation>Supprimer la forme</translation>
        </message>
        <message>
            <source>Delete the selected shape</source>
            <translation>Supprimer la forme sélectionnée</translation>
        </message>
        <message>
            <source>Shapes (bottom to top):</source>
            <translation>Formes (de bas en haut) :</translation>
        </message>
        <message>
            <source>%1. %2</source>
            <translation>%1. %2</translation>
        </message>
        <message>
            <source> · %1 keys</source>
            <translation> · %1 images clés</translation>
        </message>
        <message>
            <source> · not on this frame</source>
            <translation> · absente de cette image</translation>
        </message>
        <message>
            <source>There is no shot at the playhead to paint on.</source>
            <translation>Aucun plan sous la tête de lecture sur lequel peindre.</translation>
        </message>
        <message>
            <source>The shot has no painted mask to clear.</source>
            <translation>Le plan n’a pas de masque peint à effacer.</translation>
        </message>
        <message>
            <source>The shot at the playhead has no painted mask to copy.</source>
            <translation>Le plan sous la tête de lecture n’a pas de masque peint à copier.</translation>
        </message>
        <message>
            <source>Select a brush stroke, rectangle, ellipse or polygon to key.</source>
            <translation>Sélectionnez un trait, un rectangle, une ellipse ou un polygone pour l’image clé.</translation>
        </message>
        <message>
            <source>Select a shape to delete.</source>
            <translation>Sélectionnez une forme à supprimer.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::RecentFiles</name>
        <message>
            <source>&amp;Clear Menu</source>
            <translation>&amp;Vider le menu</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ReframeDialog</name>
        <message>
            <source>Handheld</source>
            <translation>Caméra à l’épaule</translation>
        </message>
        <message>
            <source>Reframe “%1”</source>
            <translation>Recadrer « %1 »</translation>
        </message>
        <message>
            <source>Frames %1 of “%2” become a new take. Pixels the new framing needs from outside the picture are filled by the %3 engine; locked frames stay as they are.</source>
            <translation>Les images %1 de « %2 » deviennent une nouvelle prise. Les pixels que le nouveau cadrage prend hors de l’image sont remplis par le moteur %3 ; les images verrouillées restent telles quelles.</translation>
        </message>
        <message>
            <source>Lens and angle</source>
            <translation>Objectif et angle</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>Focal length</source>
            <translation>Focale</translation>
        </message>
        <message>
            <source>×</source>
            <translation>×</translation>
        </message>
        <message>
            <source>The focal length times this factor: above 1 crops in, below 1 widens the view and the engine fills the new border.</source>
            <translation>La focale multipliée par ce facteur : au-dessus de 1 le cadre se resserre, en dessous il s’élargit et le moteur remplit la nouvelle bordure.</translation>
        </message>
        <message>
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <source>The new focal length (the shot&apos;s is %1 mm).</source>
            <translation>La nouvelle focale (celle du plan : %1 mm).</translation>
        </message>
        <message>
            <source>°</source>
            <translation>°</translation>
        </message>
        <message>
            <source>Left positive.</source>
            <translation>Positif vers la gauche.</translation>
        </message>
        <message>
            <source>Up positive.</source>
            <translation>Positif vers le haut.</translation>
        </message>
        <message>
            <source>Counter-clockwise seen from behind the camera.</source>
            <translation>Sens antihoraire vu de derrière la caméra.</translation>
        </message>
        <message>
            <source>Pan</source>
            <translation>Panoramique</translation>
        </message>
        <message>
            <source>Tilt</source>
            <translation>Tilt</translation>
        </message>
        <message>
            <source>Roll</source>
            <translation>Roulis</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Aucun</translation>
        </message>
        <message>
            <source>The same seed gives the same handheld motion and the same fill.</source>
            <translation>La même graine donne le même mouvement de caméra à l’épaule et le même remplissage.</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Graine</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Méthode</translation>
        </message>
        <message>
            <source>2D: warp the picture</source>
            <translation>2D : déformer l’image</translation>
        </message>
        <message>
            <source>No depth needed. Handheld position shake is approximated for a plane at the focus distance; lens distortion is kept.</source>
            <translation>Aucune profondeur requise. Le tremblement de position de la caméra à l’épaule est approché pour un plan à la distance de mise au point ; la distorsion de l’objectif est conservée.</translation>
        </message>
        <message>
            <source>2.5D: move the camera through the depth</source>
            <translation>2,5D : déplacer la caméra dans la profondeur</translation>
        </message>
        <message>
            <source>right </source>
            <translation>droite </translation>
        </message>
        <message>
            <source>up </source>
            <translation>haut </translation>
        </message>
        <message>
            <source>forward </source>
            <translation>avant </translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Déplacement</translation>
        </message>
        <message>
            <source>Uncovered pixels are filled by the engine.</source>
            <translation>Les pixels découverts sont remplis par le moteur.</translation>
        </message>
        <message>
            <source>This shot has no depth (an EXR Z channel or a blocking render): only the 2D warp is possible.</source>
            <translation>Ce plan n’a pas de profondeur (un canal Z EXR ou un rendu de mise en place) : seule la déformation 2D est possible.</translation>
        </message>
        <message>
            <source>Reframe</source>
            <translation>Recadrer</translation>
        </message>
        <message>
            <source>Select a shot to reframe first.</source>
            <translation>Sélectionnez d’abord un plan à recadrer.</translation>
        </message>
        <message>
            <source>Reframing in the background.</source>
            <translation>Recadrage en arrière-plan.</translation>
        </message>
        <message>
            <source>Reframe “%1”, frames %2</source>
            <translation>Recadrer « %1 », images %2</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::SettingsDialog</name>
        <message>
            <source>Recorded with each take and lock you make (the project&apos;s credit map) and in signed exports. Empty: your login name.</source>
            <translation>Enregistré avec chaque prise et chaque verrou que vous créez (la carte des crédits du projet) et dans les exports signés. Vide : votre nom de connexion.</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Votre nom</translation>
        </message>
        <message>
            <source>Give both the signing certificate and its key, or neither.</source>
            <translation>Indiquez le certificat de signature et sa clé, ou aucun des deux.</translation>
        </message>
        <message>
            <source>None: exports are not signed</source>
            <translation>Aucun : les exports ne sont pas signés</translation>
        </message>
        <message>
            <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>PEM keys (*.pem *.key);;All files (*)</source>
            <translation>Clés PEM (*.pem *.key);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Signing Certificate</source>
            <translation>Certificat de signature</translation>
        </message>
        <message>
            <source>Signing Key</source>
            <translation>Clé de signature</translation>
        </message>
        <message>
            <source>Signing certificate</source>
            <translation>Certificat de signature</translation>
        </message>
        <message>
            <source>Signing key</source>
            <translation>Clé de signature</translation>
        </message>
        <message>
            <source>The certificate&apos;s private key, PEM. Read when signing; never copied into projects, logs or exports.</source>
            <translation>La clé privée du certificat, PEM. Lue lors de la signature ; jamais copiée dans les projets, journaux ou exports.</translation>
        </message>
        <message>
            <source>The signing certificate cannot be used.</source>
            <translation>Le certificat de signature ne peut pas être utilisé.</translation>
        </message>
        <message>
            <source>Your Content Credentials (C2PA) certificate chain, PEM, yours first. Exports can then carry a signed record of what was generated, by what, from which sources.</source>
            <translation>Votre chaîne de certificats Content Credentials (C2PA), PEM, le vôtre en premier. Les exports peuvent alors porter un enregistrement signé de ce qui a été généré, par quoi et à partir de quelles sources.</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Désactivés</translation>
        </message>
        <message>
            <source>Half size</source>
            <translation>Demi-taille</translation>
        </message>
        <message>
            <source>Quarter size</source>
            <translation>Quart de taille</translation>
        </message>
        <message>
            <source>Long-GOP or larger-than-HD video gets an all-intra copy at this size, made in the background, so every jump in the viewer decodes one small picture. Only the viewer uses them: export, regeneration and masks always read the original.</source>
            <translation>Les vidéos long-GOP ou plus grandes que la HD reçoivent en arrière-plan une copie toute en images clés à cette taille, pour que chaque saut du visualiseur ne décode qu&apos;une petite image. Seul le visualiseur s&apos;en sert : l&apos;export, la régénération et les masques lisent toujours l&apos;original.</translation>
        </message>
        <message>
            <source>Proxies</source>
            <translation>Proxys</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>Retake&apos;s bundled ACES config</source>
            <translation>La configuration ACES fournie avec Retake</translation>
        </message>
        <message>
            <source>An OCIO config (.ocio) for the viewer&apos;s display transform; empty uses the config bundled with Retake.</source>
            <translation>Une configuration OCIO (.ocio) pour la transformation d’affichage de la visionneuse ; vide utilise celle fournie avec Retake.</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Aucun</translation>
        </message>
        <message>
            <source>A LUT file (.cube, .3dl, .spi3d, …) the viewer applies as a look.</source>
            <translation>Un fichier LUT (.cube, .3dl, .spi3d, …) que la visionneuse applique comme look.</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>CUDA GPU</source>
            <translation>GPU CUDA</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> Mo</translation>
        </message>
        <message>
            <source>Memory for frames the viewer has shown, so scrubbing back is instant.</source>
            <translation>Mémoire pour les images déjà affichées, pour revenir en arrière instantanément.</translation>
        </message>
        <message>
            <source>OCIO config</source>
            <translation>Configuration OCIO</translation>
        </message>
        <message>
            <source>OCIO Config</source>
            <translation>Configuration OCIO</translation>
        </message>
        <message>
            <source>OCIO configs (*.ocio)</source>
            <translation>Configurations OCIO (*.ocio)</translation>
        </message>
        <message>
            <source>Viewer look</source>
            <translation>Look de la visionneuse</translation>
        </message>
        <message>
            <source>Look LUT</source>
            <translation>LUT de look</translation>
        </message>
        <message>
            <source>LUT files (*.cube *.3dl *.csp *.spi1d *.spi3d *.cc *.cdl);;All files (*)</source>
            <translation>Fichiers LUT (*.cube *.3dl *.csp *.spi1d *.spi3d *.cc *.cdl);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Default engine</source>
            <translation>Moteur par défaut</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Périphérique</translation>
        </message>
        <message>
            <source>Viewer cache</source>
            <translation>Cache de la visionneuse</translation>
        </message>
        <message>
            <source>The colour settings cannot be used.</source>
            <translation>Les réglages de couleur ne peuvent pas être utilisés.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>Commande</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Raccourci</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::StoryboardModel</name>
        <message>
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <source>Media unavailable</source>
            <translation>Média indisponible</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Verrouillé</translation>
        </message>
        <message>
            <source>Partly locked</source>
            <translation>Partiellement verrouillé</translation>
        </message>
        <message numerus="yes">
            <source>%n frame(s)</source>
            <translation>
                <numerusform>%n image</numerusform>
                <numerusform>%n images</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 mm</source>
            <translation>%1 mm</translation>
        </message>
        <message>
            <source>unlocked</source>
            <translation>non verrouillé</translation>
        </message>
        <message>
            <source>No prompt</source>
            <translation>Aucun prompt</translation>
        </message>
        <message>
            <source>%1/%2 locked</source>
            <translation>%1/%2 verrouillées</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::TimelineWidget</name>
        <message>
            <source>Rename Marker “%1”…</source>
            <translation>Renommer le marqueur « %1 »…</translation>
        </message>
        <message>
            <source>Rename Marker</source>
            <translation>Renommer le marqueur</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nom :</translation>
        </message>
        <message>
            <source>Remove Marker “%1”</source>
            <translation>Supprimer le marqueur « %1 »</translation>
        </message>
        <message>
            <source>Marker &quot;%1&quot; on %2 at %3</source>
            <translation>Marqueur « %1 » sur %2 à %3</translation>
        </message>
        <message>
            <source>Marker &quot;%1&quot; on %2 from %3 to %4</source>
            <translation>Marqueur « %1 » sur %2 de %3 à %4</translation>
        </message>
        <message>
            <source>%1 (offline)</source>
            <translation>%1 (hors ligne)</translation>
        </message>
        <message>
            <source>%1 · frame %2</source>
            <translation>%1 · image %2</translation>
        </message>
        <message>
            <source>%1 (not media)</source>
            <translation>%1 (pas un média)</translation>
        </message>
        <message>
        <source>%1 · audio</source>
        <translation>%1 · son</translation>
    </message>
    <message>
        <source>Mute Shot Audio</source>
        <translation>Couper le son du plan</translation>
    </message>
    <message>
        <source>Unmute Shot Audio</source>
        <translation>Rétablir le son du plan</translation>
    </message>
    <message>
        <source>%1 (muted)</source>
        <translation>%1 (muet)</translation>
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
            <translation>Prise</translation>
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
            <translation>Cette image est lue dans le proxy du clip, une copie plus petite toute en images clés faite pour le visualiseur. L&apos;export, la régénération et les masques utilisent toujours l&apos;original.</translation>
        </message>
        <message>
            <source>Open a project (Ctrl+O) or import media (Ctrl+I).</source>
            <translation>Ouvrez un projet (Ctrl+O) ou importez des médias (Ctrl+I).</translation>
        </message>
        <message>
            <source>The timeline is empty. Import media (Ctrl+I).</source>
            <translation>La timeline est vide. Importez des médias (Ctrl+I).</translation>
        </message>
        <message>
            <source>%1 · frame %2 · take</source>
            <translation>%1 · image %2 · prise</translation>
        </message>
        <message>
            <source>%1 · frame %2</source>
            <translation>%1 · image %2</translation>
        </message>
        <message>
            <source>Frame %1 of %2</source>
            <translation>Image %1 sur %2</translation>
        </message>
        <message>
            <source>OCIO display the viewer shows the frames on</source>
            <translation>Écran OCIO sur lequel la visionneuse affiche les images</translation>
        </message>
        <message>
            <source>OCIO view: how scene colours are rendered for the display</source>
            <translation>Vue OCIO : comment les couleurs de la scène sont rendues pour l’écran</translation>
        </message>
        <message>
            <source>No colour management</source>
            <translation>Sans gestion des couleurs</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::CameraMenu</name>
        <message>
            <source>&amp;Camera</source>
            <translation>&amp;Caméra</translation>
        </message>
        <message>
            <source>Add &amp;Move…</source>
            <translation>Ajouter un &amp;mouvement…</translation>
        </message>
        <message>
            <source>Write a camera move preset and handheld motion as camera keys.</source>
            <translation>Écrire un mouvement de caméra prédéfini et un mouvement à l’épaule en clés de caméra.</translation>
        </message>
        <message>
            <source>&amp;Render Blocking</source>
            <translation>&amp;Rendre la mise en place</translation>
        </message>
        <message>
            <source>Render the selected blocking shot&apos;s picture again from its scene and camera (this also happens by itself after each edit).</source>
            <translation>Rendre à nouveau l’image du plan de mise en place sélectionné depuis sa scène et sa caméra (cela se fait aussi tout seul après chaque modification).</translation>
        </message>
        <message>
            <source>The blocking picture was not rendered: %1</source>
            <translation>L’image de mise en place n’a pas été rendue : %1</translation>
        </message>
        <message>
            <source>Select a shot to add a camera move to.</source>
            <translation>Sélectionnez un plan auquel ajouter un mouvement de caméra.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::JobRow</name>
        <message>
            <source>Estimating time left…</source>
            <translation>Estimation du temps restant…</translation>
        </message>
        <message>
            <source>About %1 s left</source>
            <translation>Environ %1 s restantes</translation>
        </message>
        <message>
            <source>About %1 min %2 s left</source>
            <translation>Environ %1 min %2 s restantes</translation>
        </message>
        <message>
            <source>About %1 h %2 min left</source>
            <translation>Environ %1 h %2 min restantes</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>En attente</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>En cours</translation>
        </message>
        <message>
            <source>Done in %1 s</source>
            <translation>Terminé en %1 s</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Échec</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Annulé</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Stop this job; the project stays as it was.</source>
            <translation>Arrêter cette tâche ; le projet reste tel quel.</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ProjectFiles</name>
        <message>
            <source>Unpacking %1…</source>
            <translation>Décompression de %1…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Import cancelled</source>
            <translation>Import annulé</translation>
        </message>
        <message>
            <source>Import OpenTimelineIO</source>
            <translation>Importer OpenTimelineIO</translation>
        </message>
        <message>
            <source>OpenTimelineIO timelines and bundles (*.otio *.otioz)</source>
            <translation>Timelines et paquets OpenTimelineIO (*.otio *.otioz)</translation>
        </message>
        <message>
            <source>Could not import “%1”.</source>
            <translation>Impossible d’importer « %1 ».</translation>
        </message>
        <message>
            <source>Imported %1; save it as a project to keep it</source>
            <translation>%1 importé ; enregistrez-le comme projet pour le garder</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Sans titre</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>Ouvrir un projet</translation>
        </message>
        <message>
            <source>Retake projects (*.retake)</source>
            <translation>Projets Retake (*.retake)</translation>
        </message>
        <message>
            <source>Recover Unsaved Changes?</source>
            <translation>Récupérer les modifications non enregistrées ?</translation>
        </message>
        <message>
            <source>Retake did not close normally while “%1” was open.</source>
            <translation>Retake ne s’est pas fermé normalement alors que « %1 » était ouvert.</translation>
        </message>
        <message>
            <source>An autosave with newer changes exists. Recover them? If you open the saved version, the autosave is deleted.</source>
            <translation>Un enregistrement automatique contient des modifications plus récentes. Les récupérer ? Si vous ouvrez la version enregistrée, l’enregistrement automatique sera supprimé.</translation>
        </message>
        <message>
            <source>&amp;Recover</source>
            <translation>&amp;Récupérer</translation>
        </message>
        <message>
            <source>&amp;Open Saved Version</source>
            <translation>&amp;Ouvrir la version enregistrée</translation>
        </message>
        <message>
            <source>Could not open the project “%1”.</source>
            <translation>Impossible d&apos;ouvrir le projet « %1 ».</translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>%1 ouvert</translation>
        </message>
        <message>
            <source>Opened %1; %2</source>
            <translation>%1 ouvert ; %2</translation>
        </message>
        <message>
            <source>Could not save the project to “%1”.</source>
            <translation>Impossible d&apos;enregistrer le projet dans « %1 ».</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 enregistré</translation>
        </message>
        <message>
            <source>Save Project As</source>
            <translation>Enregistrer le projet sous</translation>
        </message>
        <message>
            <source>Unsaved Changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
        <message>
            <source>The project “%1” has unsaved changes.</source>
            <translation>Le projet « %1 » contient des modifications non enregistrées.</translation>
        </message>
        <message>
            <source>Save them before closing the project?</source>
            <translation>Les enregistrer avant de fermer le projet ?</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Ignorer</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Import Media</source>
            <translation>Importer des médias</translation>
        </message>
        <message>
            <source>Media (*.mov *.mp4 *.mkv *.mxf *.avi *.webm *.exr *.png *.tif *.tiff *.jpg *.jpeg *.dpx);;All files (*)</source>
            <translation>Médias (*.mov *.mp4 *.mkv *.mxf *.avi *.webm *.exr *.png *.tif *.tiff *.jpg *.jpeg *.dpx);;Tous les fichiers (*)</translation>
        </message>
        <message numerus="yes">
            <source>Importing %n file(s)…</source>
            <translation>
                <numerusform>Importation de %n fichier…</numerusform>
                <numerusform>Importation de %n fichiers…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n file(s).</source>
            <translation>
                <numerusform>%n fichier importé.</numerusform>
                <numerusform>%n fichiers importés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 is one frame of a numbered sequence (%2, %n file(s)).</source>
            <translation>
                <numerusform>%1 est une image d’une séquence numérotée (%2, %n fichier).</numerusform>
                <numerusform>%1 est une image d’une séquence numérotée (%2, %n fichiers).</numerusform>
            </translation>
        </message>
        <message>
            <source>Import the whole sequence, or only this file as a still?</source>
            <translation>Importer toute la séquence, ou seulement ce fichier comme image fixe ?</translation>
        </message>
        <message>
            <source>Whole Sequence</source>
            <translation>Toute la séquence</translation>
        </message>
        <message>
            <source>Only This File</source>
            <translation>Seulement ce fichier</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) could not be imported.</source>
            <translation>
                <numerusform>%n fichier n&apos;a pas pu être importé.</numerusform>
                <numerusform>%n fichiers n&apos;ont pas pu être importés.</numerusform>
            </translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>The timeline is empty: nothing to export.</source>
            <translation>La timeline est vide : rien à exporter.</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::SelectionCommands</name>
        <message>
            <source>Add Marker</source>
            <translation>Ajouter un marqueur</translation>
        </message>
        <message>
            <source>Name of the marker at %1:</source>
            <translation>Nom du marqueur à %1 :</translation>
        </message>
        <message>
            <source>Marker %1</source>
            <translation>Marqueur %1</translation>
        </message>
        <message>
            <source>Set In (I) and Out (O) around the frames first.</source>
            <translation>Définissez d’abord l’entrée (I) et la sortie (O) autour des images.</translation>
        </message>
        <message>
            <source>Frames %1 are already locked.</source>
            <translation>Les images %1 sont déjà verrouillées.</translation>
        </message>
        <message>
            <source>No locked frames in %1.</source>
            <translation>Aucune image verrouillée dans %1.</translation>
        </message>
        <message>
            <source>Lock frames %1</source>
            <translation>Verrouiller les images %1</translation>
        </message>
        <message>
            <source>Unlock frames %1</source>
            <translation>Déverrouiller les images %1</translation>
        </message>
        <message>
            <source>Set In (I) and Out (O) around the frames to regenerate first.</source>
            <translation>Placez d’abord In (I) et Out (O) autour des images à régénérer.</translation>
        </message>
        <message>
            <source>frames %1 of “%2” are all locked</source>
            <translation>les images %1 de « %2 » sont toutes verrouillées</translation>
        </message>
        <message>
            <source>Regenerate “%1”, frames %2 (%3)</source>
            <translation>Régénérer « %1 », images %2 (%3)</translation>
        </message>
        <message>
            <source>Nothing to regenerate: %1.</source>
            <translation>Rien à régénérer : %1.</translation>
        </message>
        <message numerus="yes">
            <source>Regenerating in the background (%n job(s)).</source>
            <translation>
                <numerusform>Régénération en arrière-plan (%n tâche).</numerusform>
                <numerusform>Régénération en arrière-plan (%n tâches).</numerusform>
            </translation>
        </message>
        <message>
            <source>Regenerating in the background; skipped: %1.</source>
            <translation>Régénération en arrière-plan ; ignoré : %1.</translation>
        </message>
        <message>
            <source>No shot at the playhead</source>
            <translation>Aucun plan sous la tête de lecture</translation>
        </message>
        <message>
        <source>Farm: regenerate “%1”, frames %2 (%3)</source>
        <translation>Ferme : régénérer « %1 », images %2 (%3)</translation>
    </message>
    <message>
        <source>Nothing to regenerate: the frames are locked.</source>
        <translation>Rien à régénérer : les images sont verrouillées.</translation>
    </message>
    <message>
        <source>Save the project first: the farm&apos;s nodes read it from disk.</source>
        <translation>Enregistrez d’abord le projet : les nœuds de la ferme le lisent sur le disque.</translation>
    </message>
        <message numerus="yes">
            <source>Sent to the farm (%n job(s)); the Jobs panel follows them.</source>
            <translation>
                <numerusform>Envoyé à la ferme (%n tâche) ; le panneau Tâches la suit.</numerusform>
                <numerusform>Envoyé à la ferme (%n tâches) ; le panneau Tâches les suit.</numerusform>
            </translation>
        </message>
</context>
<context>
    <name>retake::gui::ModelFileField</name>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Load the model, show what it takes and gives, and run it once on a small synthetic picture.</source>
        <translation>Charger le modèle, montrer ce qu’il prend et rend, et l’exécuter une fois sur une petite image synthétique.</translation>
    </message>
    <message>
        <source>Depth Model</source>
        <translation>Modèle de profondeur</translation>
    </message>
    <message>
        <source>Inpainting Model</source>
        <translation>Modèle d’inpainting</translation>
    </message>
    <message>
        <source>Models: AOTInductor packages and TorchScript (*.pt2 *.pt *.pth *.ts);;All files (*)</source>
        <translation>Modèles : paquets AOTInductor et TorchScript (*.pt2 *.pt *.pth *.ts);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No such file</source>
        <translation>Fichier introuvable</translation>
    </message>
    <message>
        <source>SHA-256: computing…</source>
        <translation>SHA-256 : calcul…</translation>
    </message>
    <message>
        <source>SHA-256: the file cannot be read</source>
        <translation>SHA-256 : le fichier ne peut pas être lu</translation>
    </message>
    <message>
        <source>SHA-256: %1…</source>
        <translation>SHA-256 : %1…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>%1, %2 model, compiled for %3; %4 ms per frame on %5</source>
        <translation>%1, modèle de %2, compilé pour %3 ; %4 ms par image sur %5</translation>
    </message>
</context>
<context>
    <name>retake::gui::FarmDialog</name>
    <message>
        <source>Chunks per task:</source>
        <translation>Blocs par tâche :</translation>
    </message>
    <message>
        <source>Each task regenerates this many of the engine&apos;s chunks (32 frames each by default).</source>
        <translation>Chaque tâche régénère ce nombre de blocs du moteur (32 images chacun par défaut).</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Partition :</translation>
    </message>
    <message>
        <source>Scheduler:</source>
        <translation>Ordonnanceur :</translation>
    </message>
    <message>
        <source>Send to Farm</source>
        <translation>Envoyer à la ferme de rendu</translation>
    </message>
    <message>
        <source>Slurm (sbatch)</source>
        <translation>Slurm (sbatch)</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Soumettre</translation>
    </message>
    <message>
        <source>The project is saved first: the farm&apos;s nodes read it, its media and its cache folder from storage they all see. The take appears here when the farm has assembled it; closing Retake leaves the farm working.</source>
        <translation>Le projet est d’abord enregistré : les nœuds de la ferme le lisent, ainsi que ses médias et son dossier de cache, sur un stockage qu’ils voient tous. La prise apparaît ici quand la ferme l’a assemblée ; fermer Retake laisse la ferme travailler.</translation>
    </message>
    <message>
        <source>the cluster&apos;s default</source>
        <translation>celle du cluster par défaut</translation>
    </message>
    <message>
        <source>Each task exports this many frames; a movie&apos;s parts are joined at the end, with its sound.</source>
        <translation>Chaque tâche exporte ce nombre d’images ; les parties d’un film sont réunies à la fin, avec son son.</translation>
    </message>
    <message>
        <source>Frames per task:</source>
        <translation>Images par tâche :</translation>
    </message>
</context>
</TS>
