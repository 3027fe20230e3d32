#pragma once

#include <QString>
#include <stdexcept>

namespace retake {

// What went wrong, as far as a caller must react differently. The CLI maps
// these to its documented exit codes.
enum class ErrorKind {
    Usage = 1,     // the request itself is wrong (bad argument, unknown ID)
    BadInput = 2,  // an input file is missing, unreadable, corrupt or unsupported
    Output = 3,    // an output cannot be written (read-only, disk full)
    Cancelled = 4, // the user cancelled; nothing was changed
    Internal = 5,
};

// An error for a person to read: says which file and what the problem is.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const QString& message)
        : std::runtime_error(message.toStdString())
        , kind_(kind)
        , message_(message) {}
    ErrorKind kind() const { return kind_; }
    const QString& message() const { return message_; }

private:
    ErrorKind kind_;
    QString message_;
};

[[noreturn]] inline void throwBadInput(const QString& file, const QString& problem) {
    throw Error(ErrorKind::BadInput, QStringLiteral("%1: %2").arg(file, problem));
}
[[noreturn]] inline void throwOutputError(const QString& file, const QString& problem) {
    throw Error(ErrorKind::Output, QStringLiteral("%1: %2").arg(file, problem));
}

} // namespace retake
