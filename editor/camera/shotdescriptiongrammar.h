#pragma once

// Internal to shotdescription.cpp: the lexer and the vocabulary tables of the
// shot-description grammar (docs/shot-description.md prints them; change both
// together).

#include "model/blockingtypes.h"

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retake::shotdesc {

struct Token {
    enum Kind { Word, Number, Quantity } kind = Word;
    QString word;     // lower case
    QString original; // as written
    double value = 0;
    QString unit; // Quantity: "mm", "m", "s", "f", "deg"
    bool used = false;
};
// Words split at spaces, commas, semicolons and hyphens; "35mm", "35 mm",
// "2s", "2 seconds", "48 frames", "30deg" become quantities.
QVector<Token> tokenize(const QString& text);

struct Phrase {
    QStringList words;
    int value;
};
const QVector<Phrase>& sizePhrases(); // ShotSize
const QVector<Phrase>& movePhrases(); // MoveKind

enum class TimeOfDay { Dawn, Morning, Noon, Afternoon, Dusk, Night };
const QVector<Phrase>& timePhrases();  // TimeOfDay
const QVector<Phrase>& placePhrases(); // 1 interior, 0 exterior
// Handheld presets (motion.h) by the words that choose them; "off" = static.
const QVector<QPair<QStringList, QString>>& handheldPhrases();

struct ThingKind {
    QString singular, plural;
    bool person;
    BlockingShape shape;
    Vec3 size; // person: standing height in z
    Vec3 colour;
};
const QVector<ThingKind>& things();

// 1..6 for one..six, digits, "a"/"an"/"single" (1), "pair"/"couple" (2); 0 = not a count.
int countWord(const Token& token);
const QStringList& fillerWords(); // grammar words that carry no meaning

} // namespace retake::shotdesc
