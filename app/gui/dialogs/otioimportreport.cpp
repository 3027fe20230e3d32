#include "dialogs/otioimportreport.h"

#include "interchange/otio.h"

#include <QDir>
#include <QMessageBox>

namespace retake::gui {

void showOtioImportReport(QWidget* parent, const QString& file, const OtioImport& imported) {
    using Outcome = OtioReportLine::Outcome;
    const int kept = int(imported.lines(Outcome::Kept).size());
    const int changed = int(imported.lines(Outcome::Changed).size());
    const int dropped = int(imported.lines(Outcome::Dropped).size());
    QMessageBox box(changed + dropped > 0 ? QMessageBox::Warning : QMessageBox::Information,
                    QObject::tr("OpenTimelineIO Import"),
                    QObject::tr("Imported “%1”.").arg(QDir::toNativeSeparators(file)),
                    QMessageBox::Ok, parent);
    box.setInformativeText(
        QObject::tr("%1 items kept, %2 changed, %3 dropped. The details list every item; "
                    "offline clips can be relinked in the media pool.")
            .arg(kept)
            .arg(changed)
            .arg(dropped));
    QStringList lines;
    for (const OtioReportLine& line : imported.report)
        lines << line.toString();
    box.setDetailedText(lines.join(QLatin1Char('\n')));
    box.exec();
}

} // namespace retake::gui
