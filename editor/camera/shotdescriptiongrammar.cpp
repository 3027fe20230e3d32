#include "camera/shotdescriptiongrammar.h"

#include "camera/lens.h"
#include "camera/motion.h"

#include <QMap>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <limits>

namespace retake::shotdesc {

// --- Lexer -----------------------------------------------------------------

namespace {

QString unitOf(const QString& text) {
    static const QMap<QString, QString> units = {
        {"mm", "mm"},      {"m", "m"},         {"metre", "m"},
        {"metres", "m"},   {"meter", "m"},     {"meters", "m"},
        {"s", "s"},        {"sec", "s"},       {"secs", "s"},
        {"second", "s"},   {"seconds", "s"},   {"f", "f"},
        {"frame", "f"},    {"frames", "f"},    {"deg", "deg"},
        {"degree", "deg"}, {"degrees", "deg"}, {QStringLiteral("\u00b0"), "deg"}};
    return units.value(text);
}

} // namespace

QVector<Token> tokenize(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    static const QRegularExpression quantity(QStringLiteral("^(\\d+(?:\\.\\d+)?)([a-z\u00b0]*)$"));
    QVector<Token> tokens;
    for (QString piece : text.split(separators, Qt::SkipEmptyParts)) {
        while (!piece.isEmpty() && QStringLiteral(".!?:()\"'").contains(piece.back()))
            piece.chop(1);
        while (!piece.isEmpty() && QStringLiteral("(\"'").contains(piece.front()))
            piece.remove(0, 1);
        // "close-up", "dolly-in", "hand-held": hyphens separate words.
        for (const QString& part : piece.split(QLatin1Char('-'), Qt::SkipEmptyParts)) {
            Token t;
            t.original = part;
            t.word = part.toLower();
            const QRegularExpressionMatch m = quantity.match(t.word);
            if (m.hasMatch()) {
                t.value = m.captured(1).toDouble();
                if (m.captured(2).isEmpty()) {
                    t.kind = Token::Number;
                } else if (!unitOf(m.captured(2)).isEmpty()) {
                    t.kind = Token::Quantity;
                    t.unit = unitOf(m.captured(2));
                }
            }
            // "35 mm", "2 seconds": a number and its unit as two words.
            if (!tokens.isEmpty() && tokens.back().kind == Token::Number && t.kind == Token::Word &&
                !unitOf(t.word).isEmpty()) {
                tokens.back().kind = Token::Quantity;
                tokens.back().unit = unitOf(t.word);
                tokens.back().original += QLatin1Char(' ') + t.original;
                continue;
            }
            tokens.push_back(t);
        }
    }
    return tokens;
}

// --- Vocabulary --------------------------------------------------------------

const QVector<Phrase>& sizePhrases() {
    using S = ShotSize;
    static const QVector<Phrase> p = {
        {{"ecu"}, int(S::ExtremeCloseUp)},
        {{"xcu"}, int(S::ExtremeCloseUp)},
        {{"extreme", "close", "up"}, int(S::ExtremeCloseUp)},
        {{"extreme", "closeup"}, int(S::ExtremeCloseUp)},
        {{"cu"}, int(S::CloseUp)},
        {{"close", "up"}, int(S::CloseUp)},
        {{"closeup"}, int(S::CloseUp)},
        {{"mcu"}, int(S::MediumCloseUp)},
        {{"medium", "close", "up"}, int(S::MediumCloseUp)},
        {{"medium", "closeup"}, int(S::MediumCloseUp)},
        {{"ms"}, int(S::Medium)},
        {{"medium", "shot"}, int(S::Medium)},
        {{"mid", "shot"}, int(S::Medium)},
        {{"medium"}, int(S::Medium)},
        {{"cowboy", "shot"}, int(S::Cowboy)},
        {{"cowboy"}, int(S::Cowboy)},
        {{"medium", "full", "shot"}, int(S::Cowboy)},
        {{"medium", "full"}, int(S::Cowboy)},
        {{"mfs"}, int(S::Cowboy)},
        {{"fs"}, int(S::Full)},
        {{"full", "shot"}, int(S::Full)},
        {{"full"}, int(S::Full)},
        {{"ls"}, int(S::Full)},
        {{"long", "shot"}, int(S::Full)},
        {{"ws"}, int(S::Wide)},
        {{"wide", "shot"}, int(S::Wide)},
        {{"wide"}, int(S::Wide)},
        {{"ews"}, int(S::ExtremeWide)},
        {{"els"}, int(S::ExtremeWide)},
        {{"extreme", "wide", "shot"}, int(S::ExtremeWide)},
        {{"extreme", "wide"}, int(S::ExtremeWide)},
        {{"extreme", "long", "shot"}, int(S::ExtremeWide)},
        {{"establishing", "shot"}, int(S::ExtremeWide)},
        {{"establishing"}, int(S::ExtremeWide)},
    };
    return p;
}

const QVector<Phrase>& movePhrases() {
    using M = MoveKind;
    static const QVector<Phrase> p = {
        {{"pan"}, int(M::Pan)},
        {{"tilt"}, int(M::Tilt)},
        {{"dolly", "in"}, int(M::DollyIn)},
        {{"push", "in"}, int(M::DollyIn)},
        {{"track", "in"}, int(M::DollyIn)},
        {{"dolly", "out"}, int(M::DollyOut)},
        {{"pull", "out"}, int(M::DollyOut)},
        {{"pull", "back"}, int(M::DollyOut)},
        {{"track", "out"}, int(M::DollyOut)},
        {{"truck"}, int(M::Truck)},
        {{"pedestal"}, int(M::Pedestal)},
        {{"crane"}, int(M::Crane)},
        {{"boom"}, int(M::Crane)},
        {{"dolly", "zoom"}, int(M::DollyZoom)},
        {{"vertigo"}, int(M::DollyZoom)},
        {{"zoom"}, int(M::Zoom)},
        {{"orbit"}, int(M::Orbit)},
        {{"arc"}, int(M::Orbit)},
        {{"rack", "focus"}, int(M::FocusPull)},
        {{"focus", "pull"}, int(M::FocusPull)},
        {{"pull", "focus"}, int(M::FocusPull)},
    };
    return p;
}

const QVector<Phrase>& timePhrases() {
    using T = TimeOfDay;
    static const QVector<Phrase> p = {
        {{"dawn"}, int(T::Dawn)},           {{"sunrise"}, int(T::Dawn)},
        {{"morning"}, int(T::Morning)},     {{"noon"}, int(T::Noon)},
        {{"midday"}, int(T::Noon)},         {{"day"}, int(T::Noon)},
        {{"afternoon"}, int(T::Afternoon)}, {{"golden", "hour"}, int(T::Dusk)},
        {{"magic", "hour"}, int(T::Dusk)},  {{"sunset"}, int(T::Dusk)},
        {{"dusk"}, int(T::Dusk)},           {{"evening"}, int(T::Dusk)},
        {{"night"}, int(T::Night)},         {{"nighttime"}, int(T::Night)},
        {{"midnight"}, int(T::Night)},
    };
    return p;
}

const QVector<Phrase>& placePhrases() { // 1 interior, 0 exterior
    static const QVector<Phrase> p = {
        {{"interior"}, 1}, {{"int"}, 1}, {{"indoors"}, 1},  {{"indoor"}, 1},  {{"inside"}, 1},
        {{"exterior"}, 0}, {{"ext"}, 0}, {{"outdoors"}, 0}, {{"outdoor"}, 0}, {{"outside"}, 0},
    };
    return p;
}

const QVector<QPair<QStringList, QString>>& handheldPhrases() {
    static const QVector<QPair<QStringList, QString>> p = {
        {{"subtle", "handheld"}, "subtle"},
        {{"subtle", "hand", "held"}, "subtle"},
        {{"heavy", "handheld"}, "heavy"},
        {{"heavy", "hand", "held"}, "heavy"},
        {{"walking", "handheld"}, "walking"},
        {{"running", "handheld"}, "running"},
        {{"handheld"}, "handheld"},
        {{"hand", "held"}, "handheld"},
        {{"shaky"}, "heavy"},
        {{"static"}, "off"},
        {{"locked", "off"}, "off"},
        {{"tripod"}, "off"},
    };
    return p;
}

const QVector<ThingKind>& things() {
    using B = BlockingShape;
    static const QVector<ThingKind> t = {
        {"person", "people", true, B::Person, {0.45, 0.3, 1.75}, {}},
        {"person", "persons", true, B::Person, {0.45, 0.3, 1.75}, {}},
        {"figure", "figures", true, B::Person, {0.45, 0.3, 1.75}, {}},
        {"actor", "actors", true, B::Person, {0.45, 0.3, 1.75}, {}},
        {"character", "characters", true, B::Person, {0.45, 0.3, 1.75}, {}},
        {"man", "men", true, B::Person, {0.45, 0.3, 1.78}, {}},
        {"woman", "women", true, B::Person, {0.45, 0.3, 1.65}, {}},
        {"child", "children", true, B::Person, {0.45, 0.3, 1.20}, {}},
        {"kid", "kids", true, B::Person, {0.45, 0.3, 1.20}, {}},
        {"table", "tables", false, B::Box, {1.2, 0.8, 0.75}, {0.30, 0.18, 0.10}},
        {"desk", "desks", false, B::Box, {1.4, 0.7, 0.75}, {0.30, 0.18, 0.10}},
        {"chair", "chairs", false, B::Box, {0.45, 0.45, 0.9}, {0.25, 0.15, 0.08}},
        {"stool", "stools", false, B::Cylinder, {0.35, 0.35, 0.7}, {0.25, 0.15, 0.08}},
        {"wall", "walls", false, B::Wall, {8, 0.15, 2.7}, {0.55, 0.52, 0.48}},
        {"door", "doors", false, B::Wall, {0.9, 0.1, 2.1}, {0.35, 0.22, 0.12}},
        {"box", "boxes", false, B::Box, {0.6, 0.6, 0.6}, {0.45, 0.35, 0.2}},
        {"crate", "crates", false, B::Box, {0.6, 0.6, 0.6}, {0.45, 0.35, 0.2}},
        {"car", "cars", false, B::Box, {4.5, 1.8, 1.45}, {0.5, 0.05, 0.05}},
        {"van", "vans", false, B::Box, {5.0, 2.0, 2.2}, {0.6, 0.6, 0.6}},
        {"tree", "trees", false, B::Cylinder, {0.5, 0.5, 6.0}, {0.12, 0.25, 0.08}},
        {"bench", "benches", false, B::Box, {1.6, 0.45, 0.45}, {0.30, 0.18, 0.10}},
        {"sofa", "sofas", false, B::Box, {2.0, 0.9, 0.85}, {0.2, 0.25, 0.4}},
        {"couch", "couches", false, B::Box, {2.0, 0.9, 0.85}, {0.2, 0.25, 0.4}},
        {"bed", "beds", false, B::Box, {2.0, 1.6, 0.6}, {0.6, 0.6, 0.65}},
        {"lamp", "lamps", false, B::Cylinder, {0.3, 0.3, 1.6}, {0.8, 0.75, 0.6}},
        {"pillar", "pillars", false, B::Cylinder, {0.5, 0.5, 3.0}, {0.6, 0.6, 0.6}},
        {"column", "columns", false, B::Cylinder, {0.5, 0.5, 3.0}, {0.6, 0.6, 0.6}},
        {"ball", "balls", false, B::Sphere, {0.3, 0.3, 0.3}, {0.8, 0.3, 0.1}},
    };
    return t;
}

int countWord(const Token& t) {
    static const QStringList words = {"one", "two", "three", "four", "five", "six"};
    // Clamped: "1e40 people" is too many people, not an undefined int conversion.
    if (t.kind == Token::Number && t.value == std::floor(t.value))
        return int(std::clamp(t.value, double(std::numeric_limits<int>::min()),
                              double(std::numeric_limits<int>::max())));
    if (t.word == QLatin1String("a") || t.word == QLatin1String("an") ||
        t.word == QLatin1String("single"))
        return 1;
    if (t.word == QLatin1String("pair") || t.word == QLatin1String("couple"))
        return 2;
    return int(words.indexOf(t.word)) + 1; // 0 = not a count
}

const QStringList& fillerWords() {
    static const QStringList w = {"a",      "an",     "the",  "at",   "on",   "in",     "of",
                                  "with",   "and",    "by",   "to",   "near", "around", "next",
                                  "beside", "behind", "over", "for",  "from", "shot",   "lens",
                                  "camera", "scene",  "then", "into", "onto", "under",  "while"};
    return w;
}

} // namespace retake::shotdesc
