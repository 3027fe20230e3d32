#include "retake/generation/runtime.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    retake::generation::configureThreads();
    std::printf("retake-cli: libtorch %s, %s\n", retake::generation::torchVersion().c_str(),
                retake::generation::describeDevices().c_str());
    return 0;
}
