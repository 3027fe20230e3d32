#pragma once

// What an OpenTimelineIO import kept, changed and dropped (interchange/otio.h's
// report), shown after File > Import OpenTimelineIO…: a count of each, and
// every item's line in the details.

class QWidget;
class QString;

namespace retake {
struct OtioImport;
}

namespace retake::gui {

void showOtioImportReport(QWidget* parent, const QString& file, const OtioImport& imported);

} // namespace retake::gui
