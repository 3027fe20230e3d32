<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
    <context>
        <name>CommandLine</name>
        <message>
            <source>Retake: a timeline editor for filmmakers.</source>
            <translation>Retake : un éditeur de timeline pour cinéastes.</translation>
        </message>
        <message>
            <source>Language of the user interface: de, fr or en.</source>
            <translation>Langue de l'interface : de, fr ou en.</translation>
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
    </context>
    <context>
        <name>ErrorReport</name>
        <message>
            <source>The request was not valid.</source>
            <translation>La demande n'était pas valide.</translation>
        </message>
        <message>
            <source>A file is missing, unreadable, damaged or not supported.</source>
            <translation>Un fichier est manquant, illisible, endommagé ou non pris en charge.</translation>
        </message>
        <message>
            <source>A file could not be written (read-only folder or full disk?).</source>
            <translation>Un fichier n'a pas pu être écrit (dossier en lecture seule ou disque plein ?).</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>Annulé ; rien n'a été modifié.</translation>
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
        <name>retake::gui::EditorActions</name>
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
            <source>Show the shot's stationary mask as a red overlay in the viewer.</source>
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
    </context>
    <context>
        <name>retake::gui::FrameRenderer</name>
        <message>
            <source>No shot at frame %1</source>
            <translation>Aucun plan à l'image %1</translation>
        </message>
        <message>
            <source>Cannot decode frame %1: %2</source>
            <translation>Impossible de décoder l'image %1 : %2</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::InspectorWidget</name>
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
            <source>Camera</source>
            <translation>Caméra</translation>
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
            <translation>Focale</translation>
        </message>
        <message>
            <source>Filmback width</source>
            <translation>Largeur du capteur</translation>
        </message>
        <message>
            <source>Filmback height</source>
            <translation>Hauteur du capteur</translation>
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
            <translation>Angle d'obturation</translation>
        </message>
        <message>
            <source>%1 (frames %2)</source>
            <translation>%1 (images %2)</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::MainWindow</name>
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
            <translation>Impossible d'ouvrir le projet « %1 ».</translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>%1 ouvert</translation>
        </message>
        <message>
            <source>Could not save the project to “%1”.</source>
            <translation>Impossible d'enregistrer le projet dans « %1 ».</translation>
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
            <source>%n file(s) could not be imported.</source>
            <translation>
                <numerusform>%n fichier n'a pas pu être importé.</numerusform>
                <numerusform>%n fichiers n'ont pas pu être importés.</numerusform>
            </translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
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
    </context>
    <context>
        <name>retake::gui::RecentFiles</name>
        <message>
            <source>&amp;Clear Menu</source>
            <translation>&amp;Vider le menu</translation>
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
            <source>%1 (offline)</source>
            <translation>%1 (hors ligne)</translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ViewerWidget</name>
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
    </context>
</TS>
