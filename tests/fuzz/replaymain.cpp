// main() for the replay tests (tests/fuzz/CMakeLists.txt): runs one fuzz
// target's entry point, built by the project's own compiler without libFuzzer,
// on every file of the folders given (the seed corpus and the reproducers).
// A reproducer passes when it ends in a retake::Error the target catches; an
// escaping exception names the file and fails the test, a crash fails it too.

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <cstdint>
#include <cstdio>
#include <exception>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
    LLVMFuzzerInitialize(&argc, &argv);
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        QDirIterator it(QString::fromLocal8Bit(argv[i]), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
                return 1;
            }
            const QByteArray data = file.readAll();
            std::fprintf(stderr, "%s\n", qPrintable(path));
            try {
                LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.constData()),
                                       size_t(data.size()));
            } catch (const std::exception& e) {
                std::fprintf(stderr, "%s: exception escaped the parser: %s\n", qPrintable(path),
                             e.what());
                return 1;
            }
            ++inputs;
        }
    }
    std::fprintf(stderr, "%d inputs, no finding\n", inputs);
    return inputs > 0 ? 0 : 1;
}
