<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
    <context>
        <name>retake::gui::BlockingInspector</name>
        <message numerus="yes">
            <source>%1: subject %2 tall, %3 away; %n object(s).</source>
            <translation>
                <numerusform>%1: subject %2 tall, %3 away; %n object.</numerusform>
                <numerusform>%1: subject %2 tall, %3 away; %n objects.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move over %n frame(s).</source>
            <translation>
                <numerusform>Move over %n frame.</numerusform>
                <numerusform>Move over %n frames.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>retake::gui::InspectorWidget</name>
        <message numerus="yes">
            <source>A gap in the edit (black, %n frame(s))</source>
            <translation>
                <numerusform>A gap in the edit (black, %n frame)</numerusform>
                <numerusform>A gap in the edit (black, %n frames)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>retake::gui::MainWindow</name>
        <message numerus="yes">
            <source>%n job(s) have not finished.</source>
            <translation>
                <numerusform>%n job has not finished.</numerusform>
                <numerusform>%n jobs have not finished.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>retake::gui::StoryboardModel</name>
        <message numerus="yes">
            <source>%n frame(s)</source>
            <translation>
                <numerusform>%n frame</numerusform>
                <numerusform>%n frames</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>retake::gui::ProjectFiles</name>
        <message numerus="yes">
            <source>Importing %n file(s)…</source>
            <translation>
                <numerusform>Importing %n file…</numerusform>
                <numerusform>Importing %n files…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n file(s).</source>
            <translation>
                <numerusform>Imported %n file.</numerusform>
                <numerusform>Imported %n files.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 is one frame of a numbered sequence (%2, %n file(s)).</source>
            <translation>
                <numerusform>%1 is one frame of a numbered sequence (%2, %n file).</numerusform>
                <numerusform>%1 is one frame of a numbered sequence (%2, %n files).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) could not be imported.</source>
            <translation>
                <numerusform>%n file could not be imported.</numerusform>
                <numerusform>%n files could not be imported.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>retake::gui::SelectionCommands</name>
        <message numerus="yes">
            <source>Regenerating in the background (%n job(s)).</source>
            <translation>
                <numerusform>Regenerating in the background (%n job).</numerusform>
                <numerusform>Regenerating in the background (%n jobs).</numerusform>
            </translation>
        </message>
    </context>
</TS>
