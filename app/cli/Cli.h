#pragma once

// What the commands of build-tokens (and build-tokens-demo-server) share: exit codes, output
// streams, option parsing.

#include "api/ApiError.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;
class QCoreApplication;
class QTextStream;

namespace Cli {

enum ExitCode {
    ExitOk = 0,
    ExitApiError = 1,
    ExitUsage = 2,
    ExitAuth = 3,
    ExitNotFound = 4,
    ExitRateLimited = 5,
    ExitNetwork = 6,
    ExitMalformed = 7,
    ExitKeychain = 8,
    ExitOutput = 9,
};

// Texts::tr(): what the commands say to people (messages, --help), translated in the
// context "Cli". What scripts read (option and command names, exit codes, data) is not.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// The exit codes, as --help lists them.
QString exitCodeHelp();

QTextStream &out();
QTextStream &err();

// `text` with every control character (C0, DEL, C1) shown as \xHH, line breaks too unless
// `keepLineBreaks`: text from a server or a file can then neither move the cursor, retitle
// the terminal nor forge rows of a table. Bidirectional controls and other invisible
// characters (UntrustedText::isInvisible) are shown as \uXXXX: a terminal that orders text
// both ways would let U+202E reverse the rest of the line, and a name that looks like
// another is told apart. Data formats (CSV, JSON) keep the text exact.
QString printable(const QString &text, bool keepLineBreaks = false);

int exitCodeFor(const ApiError &error);
// Prints "<program>: message" (printable, lines kept) and a pointer to --help; returns ExitUsage.
int usageError(const QString &message);
// Prints "<program>: message" (printable, lines kept); returns `code`.
int fail(int code, const QString &message);

// False when the option is set but not a whole number in min..max; unset leaves *value.
bool readInt(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max, int *value);
QString rangeError(const QString &option, int min, int max);

// Columns padded to their widest cell, one row a line; cells are made printable first.
QString formatTable(const QStringList &headers, const QList<QStringList> &rows);
// The widest cell of each column, and rows padded to given widths: a table written in parts
// (a page at a time) keeps the widths of its first part.
QList<qsizetype> columnWidths(const QList<QStringList> &rows);
QString formatRows(const QList<QStringList> &rows, const QList<qsizetype> &widths);

// --settings FILE: the settings the GUI uses, or this INI file.
QCommandLineOption settingsOption();

int runList(QCoreApplication &app, QCommandLineParser &parser, const QStringList &arguments);
int runProfiles(QCoreApplication &app, QCommandLineParser &parser, const QStringList &arguments);

} // namespace Cli
